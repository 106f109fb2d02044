# requires: BUILTIN_MEMORYVIEW BUILTIN_BYTEARRAY MODULE_ARRAY FLOAT
# MicroPython's memoryview(obj, offset, size): a window of items, offset and size clamped to
# the object; it reads and writes through to the object.
import array

buf = b"12345"
print(list(memoryview(buf, 1, 3)))
print(list(memoryview(buf, 2)))
print(list(memoryview(buf, -1, 100)))
print(list(memoryview(buf, 200, -1)))
print(list(memoryview(buf, 5, 1)), len(memoryview(buf, 4, 9)))
ba = bytearray(b"abcdef")
m = memoryview(ba, 2, 2)
m[0] = 0x5A
m[1:2] = b"Y"
print(ba, bytes(m), m[-1])
a = array.array("h", [1, -2, 3, -4])
m = memoryview(a, 1, 2)
print(list(m), len(m))
m[1] = 300
print(list(a))
for bad in (("x", 1), (1.5,), (None, None)):
    try:
        memoryview(buf, *bad)
    except TypeError:
        print("TypeError")
try:
    memoryview(buf, 1, 2, 3)
except TypeError:
    print("TypeError")
