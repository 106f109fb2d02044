# requires: BUILTIN_BYTEARRAY
b = bytearray(b"hello world")
print(b.upper(), b.split(), b.startswith(b"hell"), b.index(b"o"), b.rfind(b"o"))
b[0:5] = b"HELLO"
print(b, b.strip(b"HELd"), b.count(b"l"))
c = bytearray(5)
for i in range(5):
    c[i] = i * 50
print(c, list(c), c * 2, c + b"!")
c.clear()
print(c, len(c))
d = bytearray(b"abc")
d.extend([100, 101])
d[::2] = b"XYZ"
print(d, d.pop(0), d)
