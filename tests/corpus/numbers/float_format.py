# requires: FLOAT FLOAT_DOUBLE STR_FORMAT
v = 1234.5678
print("{:.2f} {:10.3f} {:<10.1f}| {:e} {:.2E} {:g} {:%} {:.1%}".format(v, v, v, v, v, v, 0.25, 0.123))
print("{:+.3f} {: .1f} {:010.2f} {:,.2f} {:.0f}".format(v, v, -v, v * 1000, 2.5))
print(f"{v:.3g} {v:12.4e} {0.00001234:g} {1e20:g} {3.0:g} {100000.0:g} {1000000.0:g}")
print(f"{1 / 3:.5f}", f"{2 / 3:.10f}", f"{v!r}", f"{v}", format(0.5, ".0f"), format(1.5, ".0f"))
print("{:^12.2f}|{:*>10.1f}".format(3.14159, 2.5), format(-0.0, "f"), format(1e-5, ".3g"))
