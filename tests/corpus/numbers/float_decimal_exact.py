# requires: FLOAT FLOAT_DOUBLE STR_FORMAT BUILTIN_HELPERS
# Decimal <-> double conversions without the C library: the nearest double for any number of
# digits (halfway points decided by digits far out), the exact binary value's digits rounded
# half-even at any precision, round(x, n) on the exact value.
half = "9007199254740993"  # halfway between 2**53 and 2**53 + 2
print(float(half), float(half + ".0000000000000000000000000000000001"), float(half + "." + "0" * 300))
print(float("0." + "0" * 400 + "1e400"), float("1" * 400 + "e-399"), float("0." + "0" * 330 + "5"))
print(float("2.2250738585072011e-308"), float("2.4703282292062327e-324"), float("2.4703282292062328e-324"))
print(float("1.7976931348623158e308"), float("1.7976931348623159e308"), float("-1e-400"), float("1_0.2_5e-0_1"))
print(1.00000000000000011102230246251565404236316680908203125, 4.9406564584124654e-324)
print(format(0.125, ".2f"), format(0.375, ".2f"), format(2.675, ".2f"), "%.0f %.0f %.0f" % (0.5, 1.5, 2.5))
print("%.25f" % 0.1, "%.20e" % 5e-324, "%.3g" % 9.9996, "%#.0e" % 12.5, "%G" % 1e-20)
print(format(1e300, "f")[:12], len(format(1e300, "f")), format(1e22, ",.1f"), format(0.015, ".1%"))
print(format(-0.0, "e"), format(float("-inf"), "F"), format(2.0, ".3"), format(1e16, ".16"), format(123.0, ".2"))
print(round(2.675, 2), round(0.125, 2), round(1.5e23, -23), round(5e22, -23), round(-0.45, 1), round(1e-320, 322))
for s in ("1e_5", "1_e5", "1._5", "1__0", "0x1p3", "infinit", "."):
    try:
        float(s)
    except ValueError as e:
        print(e)
