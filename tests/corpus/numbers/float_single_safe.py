# requires: FLOAT BUILTIN_HELPERS
print(0.5, 0.25, 1.5, -2.0, 3.0, 8.0 / 2, 1 / 2, 3 / 4, 2.0 ** 3, 0.0)
print(int(7.75), round(2.5), round(0.75, 1), float(3), 5 / 5)
print(1.5 < 2, 2.0 == 2, max(0.5, 0.25))
