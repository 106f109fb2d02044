# requires: SLOT_WRAPPERS_TYPES FLOAT BUILTIN_SET BUILTIN_FROZENSET BUILTIN_BYTEARRAY
# The binary special methods of builtin types called directly: NotImplemented exactly where
# CPython's return it (a number of a wider kind, a comparison with another type, set and
# dict operators with a non-set/non-dict), TypeError where CPython's raise (a sequence's
# concatenation, repetition and %), the operands of subclasses taken as their builtin part.


class I(int):
    pass


class F(float):
    pass


class L(list):
    pass


def call(f, *a):
    try:
        return repr(f(*a))
    except Exception as e:
        return type(e).__name__


print("int", call(int.__add__, 1, 2.0), call(int.__add__, 1, I(4)), call(int.__radd__, 1, 2.5),
      call(int.__eq__, 7, 7.0), call(int.__lt__, 7, "a"), call(int.__mul__, 3, "ab"),
      call(int.__truediv__, 7, 2), call(int.__pow__, 7, 2, 5), call(int.__pow__, 7, 2, 2.5),
      call(int.__and__, 6, True), call(int.__rsub__, 7, I(10)))
print("float", call(float.__add__, 1.5, 2), call(float.__add__, 1.5, I(2)), call(float.__rsub__, 1.5, 2),
      call(float.__eq__, 2.0, 2), call(float.__mul__, 2.0, "a"), call(float.__add__, 1.5, F(0.5)),
      call(float.__lt__, 1.5, [1]))
print("bool", call(bool.__and__, True, False), call(bool.__and__, True, 3), call(bool.__rxor__, True, True),
      call(bool.__add__, True, True), call(bool.__radd__, True, 2), call(bool.__radd__, True, "x"),
      call(bool.__abs__, -7), call(bool.__or__, False, 2.5))
print("list", call(list.__add__, [1], (4,)), call(list.__add__, [1], L([2])), call(list.__mul__, [1], 2.0),
      call(list.__mul__, [1], I(2)), call(list.__rmul__, [1], True), call(list.__eq__, [1], (1,)),
      call(list.__lt__, [1], [2]), call(list.__ge__, [1], L([5])), call(list.__lt__, [1], "a"))
print("tuple", call(tuple.__add__, (1,), [2]), call(tuple.__mul__, (1,), "2"), call(tuple.__ne__, (1,), [1]))
print("str", call(str.__add__, "a", 1), call(str.__add__, "a", "b"), call(str.__mul__, "a", 2.0),
      call(str.__eq__, "a", 1), call(str.__ne__, "a", b"a"), call(str.__lt__, "a", 1), call(str.__mod__, "%d", 3),
      call(str.__mod__, "a", 3), call(str.__rmod__, "x", 3))
print("bytes", call(bytes.__add__, b"a", "b"), call(bytes.__add__, b"a", bytearray(b"b")),
      call(bytes.__eq__, b"a", bytearray(b"a")), call(bytearray.__eq__, bytearray(b"a"), b"a"),
      call(bytes.__lt__, b"a", "a"), call(bytearray.__add__, bytearray(b"a"), [1]),
      call(bytearray.__iadd__, bytearray(b"a"), [1]))
print("set", call(set.__or__, {1}, [2]), call(set.__or__, {1}, frozenset({2})),
      call(frozenset.__and__, frozenset({1, 2}), {2}), call(set.__rsub__, {1}, {1, 2}),
      call(set.__ror__, {1}, frozenset({3})), call(set.__eq__, {1}, frozenset({1})), call(set.__eq__, {1}, [1]),
      call(set.__le__, {1}, {1, 2}), call(set.__lt__, {1}, 1))
print("dict", call(dict.__or__, {1: 2}, [(3, 4)]), call(dict.__or__, {1: 2}, {3: 4}), call(dict.__ror__, {1: 2}, {1: 5}),
      call(dict.__eq__, {}, []), call(dict.__lt__, {}, {}))
print("range", call(range.__eq__, range(2), range(0, 2)), call(range.__eq__, range(2), [0, 1]),
      call(range.__lt__, range(1), range(2)))
# the operators themselves agree
for expr in ("[1] + (4,)", "'a' + 1", "(1,) * 2.0", "{1} | [2]", "1 + 2.5", "True & True", "{1: 2} | {3: 4}"):
    try:
        print(expr, "=", repr(eval(expr)))
    except TypeError:
        print(expr, "TypeError")
