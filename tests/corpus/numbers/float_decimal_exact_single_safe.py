# requires: FLOAT STR_FORMAT BUILTIN_HELPERS
# The exact decimal conversions on values every float width holds exactly (also on a
# FLOAT_SINGLE board): halves and quarters formatted at many precisions, ties to even,
# long decimal texts of them read back.
for x in (0.5, 0.125, 2.5, 1.375, 1024.75, 0.0078125, 3e-45 * 0):
    print(format(x, ".0f"), format(x, ".1f"), format(x, ".2e"), format(x, "g"), "%.12f" % x, format(-x, ".3%"))
print(float("0." + "0" * 60 + "5e60"), float("1" + "0" * 50 + "e-50"), float("0.12500000000000000000000000000001"))
print(float("2.50000000000000000000000000"), float("-0"), float("  +1.5e0_1\n"), float("INFINITY"), float("-nan"))
print(round(2.5, 0), round(0.125, 2), round(0.375, 2), round(1250.0, -2), round(1350.0, -2), round(-0.25, 1))
print("%.40f" % 0.0625, "%#.0f" % 3.0, "%E" % 0.25, "%g" % 1e-5, "%g" % 65536.0)
