# requires: BUILTIN_BYTEARRAY BUILTIN_MEMORYVIEW
# int() parses the digits held by any bytes-like object, with or without a base.
print(int(b"42"), int(bytearray(b" -17 ")), int(memoryview(b"123")))
print(int(b"ff", 16), int(bytearray(b"0b101"), 0))
try:
    int(memoryview(b"ff"), 16)
except TypeError:
    print("TypeError: explicit base needs str, bytes or bytearray")
print(int(memoryview(b"xx123yy")[2:5]))
for bad in (memoryview(b"12a"), bytearray(b""), b"1_"):
    try:
        int(bad)
    except ValueError:
        print("ValueError")
try:
    int([1])
except TypeError:
    print("TypeError")
