# requires: BUILTIN_BYTEARRAY
print(bytes(), bytes(2), bytes([1, 2]), bytes(b"x"))
print(bytearray(), bytearray(2), bytearray(b"ab"), bytearray([255]), bytes(bytearray(b"q")))
try:
    bytes([256])
except ValueError:
    print("ValueError")
try:
    bytes("no encoding")
except TypeError:
    print("TypeError")
