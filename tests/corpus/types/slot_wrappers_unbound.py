# requires: SLOT_WRAPPERS_TYPES BUILTIN_ROUND_INT BUILTIN_HELPERS
# Special methods of builtin types called through the type, unbound, with a receiver of the
# type: the same result as the operation they stand for; and bound to an instance.


def show(x):
    if type(x).__name__.endswith("iterator"):
        return "iter" + repr(list(x))
    return repr(x)


def run(t, recv, table):
    for name, args in table:
        f = getattr(t, name)
        try:
            r = show(f(recv, *args))
        except Exception as e:
            r = type(e).__name__
        try:
            b = show(getattr(recv, name)(*args))
        except Exception as e:
            b = type(e).__name__
        print(t.__name__, name, r, "bound" if b == r else b)


cmp = [("__lt__", (3,)), ("__le__", (3,)), ("__eq__", (3,)), ("__ne__", (3,)), ("__gt__", (3,)), ("__ge__", (3,))]
arith = [("__add__", (3,)), ("__sub__", (3,)), ("__mul__", (3,)), ("__floordiv__", (3,)), ("__mod__", (3,)),
         ("__pow__", (3,)), ("__and__", (3,)), ("__or__", (3,)), ("__xor__", (3,)), ("__lshift__", (3,)),
         ("__rshift__", (1,)), ("__radd__", (3,)), ("__rsub__", (3,)), ("__rmul__", (3,)), ("__rfloordiv__", (30,)),
         ("__rmod__", (30,)), ("__rpow__", (3,)), ("__rand__", (6,)), ("__ror__", (6,)), ("__rxor__", (6,)),
         ("__rlshift__", (1,)), ("__rrshift__", (64,))]
unary = [("__neg__", ()), ("__pos__", ()), ("__abs__", ()), ("__invert__", ()), ("__bool__", ()), ("__hash__", ()),
         ("__repr__", ()), ("__str__", ()), ("__index__", ()), ("__int__", ()), ("__floor__", ()), ("__ceil__", ()),
         ("__trunc__", ()), ("__round__", ()), ("__round__", (-1,))]
run(int, 7, cmp + arith + unary)
run(int, -12, unary)
run(int, True, [("__add__", (3,)), ("__repr__", ()), ("__str__", ()), ("__and__", (True,)), ("__neg__", ())])
run(bool, True, [("__and__", (False,)), ("__or__", (False,)), ("__xor__", (True,)), ("__repr__", ()),
                 ("__add__", (1,)), ("__invert__", ()), ("__index__", ()), ("__bool__", ()), ("__hash__", ())])
# a result the left type declines: NotImplemented
run(int, 7, [("__add__", ("a",)), ("__mul__", (None,)), ("__lt__", ("a",)), ("__radd__", ([],))])

seq_cmp = [("__lt__", ([9],)), ("__eq__", ([1, 2, 3],)), ("__ne__", ([1, 2, 3],))]
run(list, [1, 2, 3], seq_cmp + [("__add__", ([4],)), ("__mul__", (2,)), ("__rmul__", (2,)), ("__len__", ()),
                                 ("__contains__", (2,)), ("__contains__", (5,)), ("__getitem__", (1,)),
                                 ("__getitem__", (slice(1, None),)), ("__iter__", ()), ("__repr__", ()),
                                 ("__str__", ()), ("__getitem__", (7,))])
run(tuple, (1, 2, 3), [("__lt__", ((9,),)), ("__eq__", ((1, 2, 3),)), ("__add__", ((4,),)), ("__mul__", (2,)),
                       ("__rmul__", (2,)), ("__len__", ()), ("__contains__", (3,)), ("__getitem__", (-1,)),
                       ("__iter__", ()), ("__repr__", ())])
run(str, "abc", [("__lt__", ("b",)), ("__eq__", ("abc",)), ("__ge__", ("abc",)), ("__add__", ("d",)),
                 ("__mul__", (2,)), ("__rmul__", (2,)), ("__len__", ()), ("__contains__", ("bc",)),
                 ("__getitem__", (1,)), ("__getitem__", (slice(None, None, -1),)), ("__iter__", ()),
                 ("__repr__", ()), ("__str__", ())])
run(bytes, b"abc", [("__lt__", (b"b",)), ("__eq__", (b"abc",)), ("__add__", (b"d",)), ("__mul__", (2,)),
                    ("__len__", ()), ("__contains__", (98,)), ("__contains__", (b"bc",)), ("__getitem__", (1,)),
                    ("__iter__", ()), ("__repr__", ())])
run(dict, {"a": 1}, [("__eq__", ({"a": 1},)), ("__ne__", ({},)), ("__len__", ()), ("__contains__", ("a",)),
                     ("__getitem__", ("a",)), ("__iter__", ()), ("__repr__", ()), ("__getitem__", ("z",))])
run(range, range(2, 8, 2), [("__eq__", (range(2, 7, 2),)), ("__len__", ()), ("__contains__", (4,)),
                             ("__getitem__", (-1,)), ("__getitem__", (slice(1, None),)), ("__iter__", ()),
                             ("__repr__", ())])

# the in-place forms of a mutable receiver
x = [1, 2]
list.__setitem__(x, 0, 9)
list.__delitem__(x, 1)
print(x, list.__len__(x))
d = {}
dict.__setitem__(d, "k", 5)
dict.__setitem__(d, "j", 6)
dict.__delitem__(d, "k")
print(d, dict.__len__(d))
it = list.__iter__([4, 5])
print(type(it).__next__(it), it.__next__())
# the wrapper's own attributes
for f in (int.__add__, list.__len__, str.__getitem__, dict.__iter__):
    print(f.__name__, f.__objclass__.__name__, f)
print(hasattr(int, "__len__"), hasattr(list, "__len__"), hasattr(str, "__neg__"), hasattr(1, "__index__"))
print(callable(int.__mul__), int.__mul__(6, 7), (6).__mul__(7))
