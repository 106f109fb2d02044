# requires: MODULE_IO BUILTIN_BYTEARRAY FLOAT
# MicroPython's BytesIO.write(buf, n) and write(buf, offset, n): buf[offset:offset + n],
# both clamped to buf; the count written is returned; StringIO takes only write(str).
import io

b = io.BytesIO()
print(b.write(b"abcdef", 2), b.getvalue())
print(b.write(b"foo", 100), b.getvalue())
print(b.write(bytearray(b"foobar"), 1, 3), b.getvalue())
print(b.write(b"foobar", 1, 100), b.getvalue())
print(b.write(b"foobar", 100, 100), b.write(b"q", -3, 9), b.write(b"zz", 1, -1), b.getvalue())
for bad in ((b"ab", "x"), ("ab", 1), (b"ab", 1.5, 1), (None, 1)):
    try:
        b.write(*bad)
    except TypeError:
        print("TypeError")
try:
    io.StringIO().write("ab", 1)
except TypeError:
    print("TypeError")
