# requires: BUILTIN_MEMORYVIEW BUILTIN_BYTEARRAY
data = bytearray(range(10))
mv = memoryview(data)
head = mv[:4]
tail = mv[6:]
head[1] = 99
tail[-1] = 88
print(list(data))
print(bytes(mv[2:8]), len(mv[2:8]), mv[2:8][0])
mv[4:6] = b"\x07\x08"
print(list(data))
try:
    mv[0:2] = b"abc"
except ValueError:
    print("ValueError size mismatch")
print(bytes(memoryview(b"xyz")[1:]))
