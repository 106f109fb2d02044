# requires: STR_FORMAT BUILTIN_BYTEARRAY
print(b"%s|%b|%5s|%-5s|" % (b"ab", bytearray(b"cd"), b"e", b"f"))
print(b"%c%c%c" % (0, 255, bytearray(b"z")), b"%r" % (b"q",), b"%a" % "x")
print(b"%05d %+d %x %X %o %#x %.3d" % (42, 7, 255, 255, 8, 255, 5))
print(b"%(a)s-%(b)d" % {b"a": b"A", b"b": 3})
class B:
    def __bytes__(self):
        return b"bytes-B"
print(b"[%s]" % B())
for bad in ("str", None, [1]):
    try:
        b"%s" % (bad,)
    except TypeError:
        print("TypeError", type(bad).__name__)
try:
    b"%c" % 256
except OverflowError:
    print("OverflowError")
try:
    b"%d %d" % (1,)
except TypeError:
    print("TypeError short")
try:
    b"%d" % (1, 2)
except TypeError:
    print("TypeError long")
print(type(b"%d" % 1).__name__)
