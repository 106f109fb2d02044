# requires: BUILTIN_HELPERS FLOAT MODULE_SYS
# sys.getsizeof() gives a positive byte count for any object; a container's count
# grows with the storage it holds, and a list counts its item array.
import sys

small = []
big = list(range(200))
print(sys.getsizeof(small) > 0, sys.getsizeof(big) > sys.getsizeof(small))
d = {}
for i in range(100):
    d[i] = i
print(sys.getsizeof(d) > sys.getsizeof({}))


class Thing:
    pass


for obj in (0, 12345, "text", b"bytes", 1.5, None, True, (1, 2), Thing(), Thing, len, [None] * 10):
    n = sys.getsizeof(obj)
    print(type(obj).__name__, type(n).__name__, n > 0)
try:
    sys.getsizeof()
except TypeError:
    print("TypeError")
