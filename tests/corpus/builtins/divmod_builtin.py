# requires: BUILTIN_HELPERS
for a, b in ((7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (1000, 7)):
    print(a, b, divmod(a, b), divmod(a, b) == (a // b, a % b))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__)
