# requires: FLOAT FLOAT_DOUBLE STR_FORMAT
v = 2.0 / 3
print("%f|%.3f|%10.4f|%-10.2f|%+.2f|% .2f|%010.3f" % (v, v, v, v, v, v, -v))
print("%e|%.2e|%E|%g|%.10g|%G|%.0e" % (v, v, 12345.678, v, v, 1e-10, 12345.0))
print("%s|%r|%d|%i" % (v, v, 7.9, -7.9))
print("%.1f %.1f %.1f %.2f" % (0.05, 0.15, 0.25, 2.675))
