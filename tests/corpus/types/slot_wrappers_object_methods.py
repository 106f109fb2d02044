# requires: SLOT_WRAPPERS_TYPES BUILTIN_SET BUILTIN_BYTEARRAY STR_FORMAT FLOAT
# object's comparison methods (NotImplemented, __ne__ from __eq__), __format__ and
# __subclasshook__; the __str__ and __format__ of builtin types that have none of their own
# are object's (any receiver); __hash__ is None on the unhashable builtin types.


class A:
    pass


class E:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v if isinstance(o, E) else NotImplemented


def call(f, *a):
    try:
        return repr(f(*a))
    except Exception as e:
        return type(e).__name__


a = A()
print(call(object.__eq__, a, a), call(object.__eq__, a, A()), call(object.__ne__, a, a), call(object.__ne__, a, A()))
print(call(object.__lt__, a, a), call(object.__le__, 1, 2), call(object.__gt__, "a", "b"), call(object.__ge__, a, 1))
print(call(object.__ne__, 3, 3), call(object.__ne__, 3, 4), call(object.__ne__, E(1), E(1)), call(object.__ne__, E(1), 2))
print(call(E.__ne__, E(1), E(2)), E(1) != E(1), E(1) != 5, E(1) == E(1), E(1) == 1)
print(call(object.__format__, 3, ""), call(object.__format__, [1], ""), call(object.__format__, a, "x"),
      call(object.__format__, 3, 3))
print(call(object.__subclasshook__), call(object.__subclasshook__, int), call(list.__subclasshook__, 1, 2))
print(call(int.__str__, "ab"), call(list.__str__, (1, 2)), call(bool.__str__, None), call(float.__str__, 7))
print(call(list.__format__, (1, 2), ""), call(list.__format__, [1], "5"), call(int.__format__, 5, "03"),
      call(str.__format__, "ab", ">4"), call(str.__str__, 5))
print(list.__hash__, dict.__hash__, set.__hash__, bytearray.__hash__, [].__hash__, tuple.__hash__ is not None)
for v in ([], {}, set(), bytearray(b"x")):
    try:
        hash(v)
        print("hashed", type(v).__name__)
    except TypeError:
        print("unhashable", type(v).__name__)


class H:
    __hash__ = None


class L(list):
    pass


print(L.__hash__, H.__hash__, call(hash, H()), call(hash, L()), call(int.__hash__, 5), call(tuple.__hash__, ()) != "TypeError")
