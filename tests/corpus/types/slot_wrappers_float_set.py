# requires: SLOT_WRAPPERS_TYPES FLOAT FLOAT_DOUBLE BUILTIN_SET BUILTIN_FROZENSET BUILTIN_BYTEARRAY STR_FORMAT
# Special methods of float, set, frozenset and bytearray called through the type (unbound)
# and bound; __format__ of every type that has one; a wrong receiver is a TypeError.


def outcome(f, *args):
    # the result shown (sets and iterators sorted), or the exception's type
    try:
        x = f(*args)
    except Exception as e:
        return type(e).__name__
    if type(x).__name__.endswith("iterator"):
        return "iter" + repr(sorted(x))
    if isinstance(x, (set, frozenset)):
        return type(x).__name__ + repr(sorted(x))
    return repr(x)


def run(t, recv, table):
    for name, args in table:
        unbound = outcome(getattr(t, name), recv, *args)
        bound = outcome(getattr(recv, name), *args)
        print(t.__name__, name, unbound, "bound" if bound == unbound else bound)


run(float, 2.75, [("__add__", (1,)), ("__sub__", (0.5,)), ("__mul__", (2,)), ("__truediv__", (2,)),
                  ("__floordiv__", (2,)), ("__mod__", (2,)), ("__pow__", (2,)), ("__radd__", (1,)),
                  ("__rsub__", (1,)), ("__rmul__", (2,)), ("__rtruediv__", (11,)), ("__lt__", (3,)),
                  ("__eq__", (2.75,)), ("__ge__", (3,)), ("__neg__", ()), ("__pos__", ()), ("__abs__", ()),
                  ("__bool__", ()), ("__int__", ()), ("__float__", ()), ("__floor__", ()), ("__ceil__", ()),
                  ("__trunc__", ()), ("__round__", ()), ("__round__", (1,)), ("__repr__", ()), ("__str__", ()),
                  ("__add__", ("a",))])
run(float, -2.5, [("__floor__", ()), ("__ceil__", ()), ("__trunc__", ()), ("__round__", ()), ("__int__", ()),
                  ("__abs__", ())])
print(float.__hash__(4.0), (4.0).__hash__())
run(int, 7, [("__truediv__", (2,)), ("__rtruediv__", (14,)), ("__float__", ())])
run(set, {1, 2, 3}, [("__len__", ()), ("__contains__", (2,)), ("__iter__", ()), ("__and__", ({2, 9},)),
                     ("__or__", ({9},)), ("__sub__", ({1},)), ("__xor__", ({1, 9},)), ("__eq__", ({3, 2, 1},)),
                     ("__le__", ({1, 2, 3, 4},)), ("__lt__", ({1},)), ("__ge__", ({1},)), ("__gt__", ({1},))])
run(frozenset, frozenset([1, 2]), [("__len__", ()), ("__contains__", (3,)), ("__iter__", ()), ("__or__", ({3},)),
                                   ("__and__", (frozenset([2]),)), ("__eq__", ({1, 2},))])
run(bytearray, bytearray(b"abc"), [("__len__", ()), ("__getitem__", (0,)), ("__contains__", (99,)),
                                   ("__add__", (b"d",)), ("__eq__", (b"abc",)), ("__iter__", ()), ("__repr__", ())])
ba = bytearray(b"xyz")
bytearray.__setitem__(ba, 0, 65)
bytearray.__delitem__(ba, 2)
print(ba)
bytearray.__init__(ba, 3)
print(ba)
s = {1}
set.__init__(s, [5, 6])
print(sorted(s))

for t, v in ((int, 42), (float, 2.5), (str, "ab"), (bool, True), (int, True)):
    print(t.__name__, repr(t.__format__(v, "")), repr(t.__format__(v, ">6")), repr(v.__format__("<5")))
for t, name, r in ((float, "__floor__", 1), (set, "__len__", [1]), (frozenset, "__contains__", {1}),
                   (bytearray, "__len__", b"ab"), (set, "__init__", frozenset()), (bytearray, "__init__", [])):
    try:
        getattr(t, name)(r, *(() if name != "__contains__" else (1,)))
        print("ok")
    except TypeError as e:
        print("TypeError")
