# requires: BUILTIN_MEMORYVIEW BUILTIN_BYTEARRAY
buf = bytearray(b"abcdef")
m = memoryview(buf)
print(len(m), m[0], bytes(m[1:3]), m.tolist())
m[0] = 90
print(buf)
sub = m[2:5]
sub[0] = 0x58
print(buf, bytes(sub), len(sub))
m2 = memoryview(b"readonly")
print(bytes(m2[::2]) if False else bytes(m2[4:]), m2.readonly, m.readonly)
try:
    m2[0] = 1
except TypeError:
    print("TypeError")
print(list(memoryview(bytes([1, 2, 3]))))
print(bytes(m[-2:]), m[-1])
