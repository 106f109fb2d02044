# requires: SLOT_WRAPPERS_TYPES FLOAT BUILTIN_SET BUILTIN_FROZENSET BUILTIN_BYTEARRAY BUILTIN_REVERSED BUILTIN_HELPERS
# The in-place special methods of the mutable containers (list and bytearray += *=, set
# |= &= ^= -=, dict |=) return the receiver or NotImplemented as CPython's; range.__bool__;
# __reversed__ of list, dict and range; __divmod__ of numbers; the repr of a set, frozenset or
# bytearray of a subclass names the subclass.


def call(f, *a):
    try:
        r = f(*a)
        return "self" if r is a[0] else repr(r)
    except Exception as e:
        return type(e).__name__


class S(set):
    pass


class B(bytearray):
    pass


class FS(frozenset):
    pass


class L(list):
    pass


for f, mk, arg in ((list.__iadd__, lambda: [1], (2, 3)), (list.__iadd__, lambda: [1], 5), (list.__imul__, lambda: [1], 3),
                   (list.__imul__, lambda: [1], 2.5), (list.__iadd__, lambda: L([1]), "ab"),
                   (bytearray.__iadd__, lambda: bytearray(b"a"), b"b"), (bytearray.__iadd__, lambda: bytearray(b"a"), [1]),
                   (bytearray.__imul__, lambda: B(b"a"), 2), (set.__ior__, lambda: {1}, {2}), (set.__ior__, lambda: {1}, [2]),
                   (set.__iand__, lambda: {1, 2}, frozenset({2})), (set.__ixor__, lambda: S({1, 2}), {2, 3}),
                   (set.__isub__, lambda: {1, 2}, {1}), (dict.__ior__, lambda: {1: 2}, [(3, 4)]),
                   (dict.__ior__, lambda: {1: 2}, 5)):
    o = mk()
    print(f.__name__, call(f, o, arg), o)
print(hasattr(tuple, "__iadd__"), hasattr(frozenset, "__ior__"), hasattr(int, "__iadd__"), hasattr(dict, "__iadd__"))
print(range(0).__bool__(), range(1, 5, 2).__bool__(), range.__bool__(range(3, 3)), call(range.__bool__, [1]))
print(list(list.__reversed__([1, 2, 3])), list(dict.__reversed__({1: 2, 3: 4})), list(range(4).__reversed__()))
print(int.__divmod__(7, 2), int.__rdivmod__(7, 20), call(int.__divmod__, 7, 2.0), float.__divmod__(7.5, 2),
      float.__rdivmod__(2.0, 7), call(int.__divmod__, 7, 0), call(float.__divmod__, 1.0, "a"), divmod(True, 2))
print(S({1, 2}), S(), FS({3}), FS(), B(b"ab"), L([1]), repr(S({5})), str(B()))
