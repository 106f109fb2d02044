# requires: SLOT_WRAPPERS_TYPES BUILTIN_SET BUILTIN_BYTEARRAY BUILTIN_HELPERS FLOAT
# Classes derived from builtins that override special methods: super().__add__ and
# int.__add__(self, o) inside them, the reflected method of a subclass operand, an __eq__
# returning NotImplemented (identity, and != derived from it), __bool__/__len__,
# __contains__ from __iter__ or __getitem__, __index__ in subscripts, range, bin and hex,
# __hash__ = None; and the special methods of bool and range called directly.
class I(int):
    def __add__(self, o):
        return ("I.add", super().__add__(o))
    def __radd__(self, o):
        return ("I.radd", int.__add__(self, o))
    def __sub__(self, o):
        return NotImplemented
print(I(2) + 3, 3 + I(2), I(2) + I(5))
try:
    print(I(5) - 1)
except TypeError:
    print("TypeError sub")
print(1 - I(5))
class L(list):
    def __add__(self, o):
        return L(super().__add__(o))
    def __radd__(self, o):
        return "L.radd"
    def __contains__(self, x):
        return x == 99 or super().__contains__(x)
print(L([1]) + [2], type(L([1]) + [2]).__name__, [0] + L([1]))
print(99 in L(), 1 in L([1]), 2 in L([1]))
print(list.__add__(L([1]), [2]), super(L, L([3])).__add__([4]))
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        return self.v == o.v if isinstance(o, E) else NotImplemented
a = E(1)
print(a == E(1), a != E(1), a == a, a == 1, a != 1, 1 == a, a != E(2))
print(E.__ne__(a, E(1)), E.__ne__(a, 3), object.__eq__(a, a), object.__eq__(a, E(1)))
class B:
    def __len__(self): return 0
class B2:
    def __len__(self): return 3
    def __bool__(self): return False
print(bool(B()), bool(B2()), not B2(), len(B2()))
class G:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(G()), 10 in G(), 5 in G(), list(iter(G())))
class It:
    def __iter__(self): return iter([4, 5])
print(4 in It(), 6 in It(), sorted(It()))
class X:
    def __index__(self): return 2
x = X()
print([0, 1, 2, 3][x], [0, 1, 2, 3][x:], list(range(x)), bin(x), hex(x), oct(x), "ab" * x, (1, 2, 3)[:x])
class H:
    __hash__ = None
try:
    hash(H())
except TypeError:
    print("unhashable H")
try:
    {H()}
except TypeError:
    print("unhashable in set")
class H2(list):
    pass
print(H2.__hash__, list.__hash__, dict.__hash__, set.__hash__, bytearray.__hash__)
for v in ([], {}, set(), bytearray(), H2()):
    try:
        hash(v)
    except TypeError:
        print("unhashable", type(v).__name__)
print(range(0).__bool__(), range(3).__bool__(), bool.__radd__(True, 2), bool.__and__(True, True), True.__or__(0))
print(bool.__add__(True, True), int.__add__(True, 2), True.__radd__(2), bool.__rand__(True, 3))
print(list.__add__([1], [2]), int.__add__(1, 2.0), float.__add__(1.0, 2), int.__mul__(3, "a"), str.__mul__("a", 3))
for f, a in ((list.__add__, ([1], (4,))), (str.__add__, ("a", 1)), (tuple.__mul__, ((1,), 2.0)), (list.__iadd__, ([], 3))):
    try:
        print(f(*a))
    except TypeError:
        print("TypeError")
