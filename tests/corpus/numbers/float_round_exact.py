# requires: FLOAT FLOAT_DOUBLE BUILTIN_HELPERS
# round(x, n) is correctly rounded from x's exact value, halfway cases to even, for any n:
# 2.675 is stored a little below 2.675; 5e22 is exactly halfway between 0 and 1e23.
for x, n in [(2.675, 2), (0.125, 2), (0.375, 2), (1.005, 2), (2.5, 0), (3.5, 0), (0.5, 0),
             (-0.5, 0), (-2.675, 2), (1234.5, -1), (1235.0, -1), (1250.0, -2), (1350.0, -2),
             (5e22, -23), (1.5e23, -23), (2.5e23, -23), (12345.0, -10), (-12345.0, -3),
             (-1.0, -1), (0.001, -1), (1e300, -299), (1e-300, 300), (5e-324, 330),
             (1e16, -17), (9.5e15, -15), (123456789.123456789, 5), (0.1, 20), (1e-7, 8)]:
    print(x, n, repr(round(x, n)), repr(round(-x, n)))
print(round(7.5), round(8.5), round(-7.5), round(0.49999999999999994))
for x in [1.7976931348623157e308, 1.5e308]:
    try:
        print(round(x, -308))
    except OverflowError as e:
        print("OverflowError", e)
print(repr(round(1.7976931348623157e308, -300)), repr(round(-1e308, -309)))
