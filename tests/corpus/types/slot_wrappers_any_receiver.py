# requires: SLOT_WRAPPERS_TYPES FLOAT BUILTIN_COMPLEX BUILTIN_SET BUILTIN_FROZENSET BUILTIN_BYTEARRAY BUILTIN_MEMORYVIEW BUILTIN_PROPERTY STR_FORMAT
# Every special method of many builtin types (and classes derived from them), called through
# the type and bound, with receivers and arguments of every kind: only Python exceptions,
# never a crash (the sanitizer build runs it too).
class U:
    pass
class L(list):
    pass
class I(int):
    pass
class E(Exception):
    pass
types = [int, bool, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset, range, slice,
         type(None), object, L, I, E, Exception, ValueError, property, staticmethod, classmethod, super,
         memoryview, type(iter([])), type(iter(())), type(iter({})), type(iter(b"")), type(iter(range(1))), type]
names = ["__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__truediv__", "__floordiv__",
         "__mod__", "__rmod__", "__pow__", "__rpow__", "__and__", "__or__", "__xor__", "__lshift__", "__rshift__",
         "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__", "__neg__", "__pos__", "__abs__", "__invert__",
         "__bool__", "__hash__", "__len__", "__iter__", "__next__", "__getitem__", "__setitem__", "__delitem__",
         "__contains__", "__repr__", "__str__", "__format__", "__index__", "__int__", "__float__", "__floor__",
         "__ceil__", "__trunc__", "__round__", "__new__", "__init__"]
vals = [0, -1, 1.5, float("inf"), float("nan"), 1j, "ab", b"ab", bytearray(b"x"), [1], (1,), {1: 2}, {1},
        frozenset(), range(3), None, U(), L([1]), I(3), E(1), True, int, list, slice(1), memoryview(b"ab")]
n = 0
for t in types:
    for name in names:
        try:
            f = getattr(t, name)
        except AttributeError:
            continue
        for r in vals + [t]:
            for args in ((), (0,), ("a",), (None,), (1, 2), (r,), (-1, 0)):
                n += 1
                try:
                    f(r, *args)
                except Exception:
                    pass
                try:
                    getattr(r, name)(*args)
                except Exception:
                    pass
print("done", n > 1000)
