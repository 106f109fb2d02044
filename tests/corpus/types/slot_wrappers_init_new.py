# requires: SLOT_WRAPPERS_TYPES BUILTIN_SET BUILTIN_BYTEARRAY BUILTIN_FROZENSET
# T.__init__ of a builtin type run again on an instance: list, set and bytearray are emptied
# then filled (list.__init__(l, l) leaves it empty, as CPython), dict is updated; their
# __new__ makes an empty instance whatever the arguments; object.__init__ and __new__
# refuse arguments the class does not take.


def call(f, *a):
    try:
        return repr(f(*a))
    except Exception as e:
        return type(e).__name__


class L(list):
    pass


class D(dict):
    pass


class S(set):
    pass


for mk, args in ((lambda: [1, 2], ((3, 4),)), (lambda: [1, 2], ()), (lambda: [1, 2], (5,)),
                 (lambda: L([1, 2]), ([7],)), (lambda: {1: 2}, ({3: 4},)), (lambda: {1: 2}, ([(5, 6)],)),
                 (lambda: D({1: 2}), ({3: 4},)), (lambda: {1, 2}, ([3],)), (lambda: S({1}), ((2, 3),)),
                 (lambda: {1, 2}, (None,)), (lambda: bytearray(b"ab"), (b"xy",)), (lambda: bytearray(b"ab"), (3,))):
    o = mk()
    print(type(o).__name__, call(type(o).__init__, o, *args), o)
l = [1, 2]
list.__init__(l, l)
s = {1, 2}
set.__init__(s, s)
d = {1: 2}
dict.__init__(d, d, a=3)
print(l, s, d)
print(call(list.__new__, list, [1, 2]), call(dict.__new__, dict, 3), call(set.__new__, set, "ab"),
      call(list.__new__, L, [4]), call(tuple.__new__, tuple, [1, 2]), call(int.__new__, int, "12"),
      call(frozenset.__new__, frozenset, [1]))


class M(list):
    def __new__(cls, *a):
        return super().__new__(cls, *a)


class N(dict):
    def __new__(cls, *a, **k):
        o = super().__new__(cls)
        o.tag = "n"
        return o


print(M([1, 2]), N({1: 2}, z=3), N().tag)


class P:
    pass


class Q:
    def __new__(cls, *a):
        return super().__new__(cls)

    def __init__(self, x):
        self.x = x


class R:
    def __init__(self, x):
        super().__init__()
        self.x = x


print(call(object.__init__, P(), 3), call(object.__init__, object(), 1), call(object.__new__, P, 3),
      call(object.__new__, object, 1), Q(5).x, R(6).x, call(object.__init__, Q(1), 2), call(P, 1))
try:
    object.__init__(R(1), 3)
except TypeError:
    print("TypeError")
