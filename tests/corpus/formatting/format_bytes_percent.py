# requires: STR_FORMAT
print(b"%d:%s:%5d:%-3x|" % (1, b"two", 3, 10), b"%c%c" % (65, b"B"), b"%%")
print(b"%(k)s" % {b"k": b"v"})
