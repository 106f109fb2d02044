# requires: STR_FORMAT
print("%s" % "single", "%s" % ("tuple1",), "%s %s" % ("a", "b"), "%s" % [[1]])
print("%d%%" % 50, "%.1s" % "xyz", "%3s|%-3s|" % ("a", "b"))
print("%(a)s-%(a)s" % {"a": 1}, "%%(a)s" % ())
