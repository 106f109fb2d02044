# requires: FLOAT FLOAT_DOUBLE
# repr is the shortest text that reads back as the same double, the nearest of those: at a
# power of two the double below is nearer than the one above, so the shortest text may lie
# above the value (2.0 ** 398), where the correctly rounded 16 digits do not read back.
for e in [398, 1023, 900, 500, -1017, -1007, -1022, -1074, 70, 60, 54, 53, -20, -1]:
    x = 2.0 ** e
    print(e, repr(x), repr(-x), str(x))
for x in [1e16, 1e15, 1e-5, 1e-4, 0.0001, 123456789012345680.0, 5e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, 0.1 + 0.2, 1 / 3, 100.0, 1e22, 1e23, 9007199254740993.0,
          float("inf"), float("-inf"), float("nan"), -0.0, 4.35, 0.3, 2.0 ** 0.5]:
    print(repr(x), str(x), [x], (x,), {"k": x})
