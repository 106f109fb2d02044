# requires: BUILTIN_BYTEARRAY
a = bytearray(b"abc")
a[0] = 65
a.append(100)
a.extend(b"ef")
print(a, len(a), a[1], bytes(a))
a[1:3] = b"XYZ"
print(a)
del a[0]
print(a, a.pop(), a)
print(bytearray(3), bytearray([1, 2]), bytearray("hi", "utf-8"))
b = bytearray(b"xyz")
b += b"!"
print(b, b.decode(), b == b"xyz!", b.find(b"z"))
b.reverse()
print(b, b.upper(), b.hex())
try:
    b[0] = 256
except ValueError as e:
    print("ValueError")
b.insert(0, 48)
b.remove(ord("y"))
print(b, b.count(b"x"), b.replace(b"!", b"?"))
