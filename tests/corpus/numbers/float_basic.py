# requires: FLOAT FLOAT_DOUBLE BUILTIN_HELPERS
print(0.5, 1.25, -3.75, 1e10, 1.5e-5, 2.0, 100.0, 1e22, 1e16, 123456789.125)
print(7 / 2, 1 / 4, -7 / 2, 6 / 3, 7 // 2.0, 7 % 2.5, -7.5 // 2, -7.5 % 2)
print(0.1 + 0.2, 1 / 3, 2 / 3, 10 / 7)
print(float("1.5"), float("-2"), float("  3e2 "), float(7), float("inf"), float("-inf"))
print(int(3.99), int(-3.99), round(2.5), round(3.5), round(-2.5), round(2.675, 2))
print(3.0 == 3, 0.1 * 3 == 0.3, 1.5 < 2, abs(-2.5), divmod(7.5, 2))
