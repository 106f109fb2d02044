# requires: FLOAT FLOAT_DOUBLE STR_FORMAT
# Floats formatted with a precision are CPython's digits: exact expansions, halfway cases
# from the exact value, huge 'f' output, and no presentation type (like 'g', at least one
# digit after the point, scientific from an exponent of precision - 1 on).
print('%.40f' % 0.1, '%.0f' % 0.5, '%.0f' % 1.5, '%.0f' % 2.5, '%.2f' % 2.675)
print(len('%f' % 1e300), ('%f' % 1e300)[:24], '%.3e' % 1e300, '%.17g' % 5e-324)
print(format(0.1, '.3%'), format(2 / 3, '.0%'), format(1234567.891, 'n'), format(1e16, 'n'))
for x in [12345678901234567.0, 1e16, 123.0, 12.0, 5.0, 0.0001, 0.00001, 9.99, 99.99, 1.5, -0.0]:
    print(format(x, '.17'), format(x, '.3'), format(x, '.0'), format(x, '.2'), format(x, '#.3'))
for x in [9.995, 0.125, 0.375, 1e22, 1e23, 12.5, 1 / 3]:
    print(f"{x:.2f} {x:.0f} {x:.1e} {x:.3g} {x:.20f} {x:#.0f} {x:.3G} {x:15.4E}|")
print(float(" \f\v1.5\t\n"), float("1_000.000_1"), float("-iNfInItY"), float("+1E-5"))
for s in ["1__0", "_1", "1_", "1_e5", "1e_5", "0x10", "nan(1)", "1.5j", "", " ", "1e", "in f"]:
    try:
        print(float(s))
    except ValueError:
        print("ValueError", repr(s))
print(float("1" * 400 + "e-400"), float("0." + "0" * 400 + "1e400"), float("2.2250738585072011e-308"))
print(float("1." + "0" * 30 + "1"), float("9007199254740993"), float("9007199254740993.000000000000001"))
