# requires: BUILTIN_MEMORYVIEW
m = memoryview(b"abcdef")
print(len(m), m[1], bytes(m[2:4]), m.tolist(), bytes(m) == b"abcdef")
print(type(m).__name__)
try:
    memoryview("str")
except TypeError:
    print("TypeError")
