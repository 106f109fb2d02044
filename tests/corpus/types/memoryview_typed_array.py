# requires: BUILTIN_MEMORYVIEW MODULE_ARRAY FLOAT BUILTIN_BYTEARRAY STR_FORMAT
import array

a = array.array("h", [1, -2, 3, 4])
m = memoryview(a)
print(len(m), m.itemsize, m.format, m.nbytes, m.readonly, m[1], m[-1], m.tolist(), list(m))
m[0] = 100
print(a, m[1:3].tolist(), len(m[1:3]), bytes(m[3:]) == bytes(array.array("h", [4])))
for bad in (1 << 20, "x"):
    try:
        m[0] = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
d = memoryview(array.array("d", [1.5, 2.5]))
print(d[1], d.format, d.itemsize, len(d))
print(memoryview(b"ab").readonly, memoryview(bytearray(b"ab")).readonly, memoryview(b"ab").format)
print(array.array("H", array.array("b", [1, 2])), array.array("d", array.array("i", [3])))
try:
    array.array("b", [1]).extend(array.array("h", [1]))
except TypeError:
    print("TypeError")
