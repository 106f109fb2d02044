# requires: CLASS_ADVANCED
# Metaclass inheritance: a class's subclasses get its metaclass (and run it), the most
# derived metaclass wins, conflicting metaclasses and bad arguments raise TypeError.
class Meta(type):
    def __new__(mcs, name, bases, ns):
        print("Meta.__new__", mcs.__name__, name)
        return super().__new__(mcs, name, bases, ns)


class SubMeta(Meta):
    def hello(cls):
        return "hello from " + cls.__name__


class A(metaclass=Meta):
    pass


class B(A):
    pass


print(type(B) is Meta)


class C(metaclass=SubMeta):
    pass


class D(A, C):
    pass


print(type(D).__name__, D.hello())


class E(B, metaclass=type):
    pass


print(type(E).__name__)


class Other(type):
    pass


class F(metaclass=Other):
    pass


try:
    class G(A, F):
        pass
except TypeError as e:
    print("TypeError")
try:
    class H(A, metaclass=Other):
        pass
except TypeError as e:
    print("TypeError")
try:
    class Bad(type, int):
        pass
except TypeError as e:
    print("TypeError")

for args in ((1,), ("a", 1, {}), ("a", (), []), ("a", (1,), {})):
    try:
        Meta(*args)
    except TypeError as e:
        print("TypeError")
try:
    type.__new__(int, "x", (), {})
except TypeError as e:
    print("TypeError")
try:
    object.__new__(Meta)
except TypeError as e:
    print("TypeError")
print(type.__new__(Meta, "Direct", (), {}).__name__)


# a metaclass that is a plain function
def factory(name, bases, ns):
    ns["made_by"] = "factory"
    return type(name, bases, ns)


class J(metaclass=factory):
    pass


print(J.made_by, type(J) is type)


# mro() and __mro__ of classes and metaclasses
print([k.__name__ for k in D.__mro__], [k.__name__ for k in SubMeta.__mro__])
print([k.__name__ for k in D.mro()], Meta.mro(SubMeta) == list(SubMeta.__mro__))
print(issubclass(SubMeta, Meta), isinstance(D, Meta), isinstance(D, SubMeta), isinstance(A, SubMeta))
