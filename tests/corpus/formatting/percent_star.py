# requires: STR_FORMAT
print("[%*s]" % (6, "ab"), "[%-*s]" % (6, "ab"), "[%.*s]" % (2, "abcdef"), "[%*.*s]" % (5, 1, "xyz"))
print("[%*d]" % (-6, 3))
