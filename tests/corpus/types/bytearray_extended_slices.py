# requires: BUILTIN_BYTEARRAY
b = bytearray(range(10))
b[::2] = b"ABCDE"
print(b)
b[::-3] = [1, 2, 3, 4]
print(b)
b[1:8:4] = bytearray(b"xy")
print(b)
c = bytearray(range(12))
del c[::3]
print(c)
c = bytearray(range(12))
del c[::-4]
print(c)
del c[7:1:-2]
print(c)
del c[100::5]
print(c, len(c))
try:
    c[::2] = b"x"
except ValueError:
    print("ValueError size")
try:
    c[::2] = 5
except TypeError:
    print("TypeError int")
e = bytearray()
e[::2] = b""
print(e)
