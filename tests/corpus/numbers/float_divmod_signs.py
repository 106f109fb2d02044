# requires: FLOAT FLOAT_DOUBLE BUILTIN_HELPERS
for a in (7.5, -7.5):
    for b in (2.0, -2.0):
        print(a, b, a // b, a % b, divmod(a, b))
print(-0.0 % 5, 5 % -2.5, 0.0 // 1)
