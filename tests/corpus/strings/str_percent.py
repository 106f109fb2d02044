# requires: STR_FORMAT
print("%d %i %s %r" % (42, -7, "str", "repr"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#o %#X" % (255, 255, 8, 255, 8, 255))
print("%c%c" % (72, "i"), "%%", "%s" % [1, 2], "%s" % ((1, 2),))
print("%(name)s is %(age)d" % {"name": "ann", "age": 30})
print("%10s|%-10s|%.2s" % ("right", "left", "truncate"))
print("%*d|%-*d" % (5, 1, 4, 2))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError")
try:
    "%d %d" % (1,)
except TypeError as e:
    print("TypeError")
try:
    "%s" % (1, 2)
except TypeError as e:
    print("TypeError")
