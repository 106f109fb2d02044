# requires: BUILTIN_HELPERS
for v in (0, 1, 2, 7, 8, 255, 256, -1, -9, 1000000):
    print(bin(v), oct(v), hex(v))
class I:
    def __index__(self):
        return 10
print(bin(I()), hex(I()), oct(I()))
try:
    hex("a")
except TypeError:
    print("TypeError")
