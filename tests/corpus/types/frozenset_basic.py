# requires: BUILTIN_SET BUILTIN_FROZENSET
f = frozenset([1, 2, 3, 2])
print(sorted(f), len(f), 2 in f)
g = frozenset({3, 4})
print(sorted(f | g), sorted(f & g), sorted(f - g), type(f | g).__name__)
d = {f: "frozen key"}
print(d[frozenset([3, 2, 1])])
print(f == {1, 2, 3}, frozenset() == frozenset())
try:
    f.add(5)
except AttributeError:
    print("AttributeError")
s = {frozenset([1]), frozenset([1])}
print(len(s))
