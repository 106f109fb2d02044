# requires: STR_FORMAT FLOAT FLOAT_DOUBLE
inf, nan = float("inf"), float("nan")
print("{} {} {} {:f} {:e} {:g} {:>6} {:+}".format(inf, -inf, nan, inf, -inf, nan, inf, inf))
print("%f %e %g %5.1f" % (inf, -inf, nan, inf))
print(f"{-0.0} {-0.0:.1f} {0.0:+} {1e-320:g}")
