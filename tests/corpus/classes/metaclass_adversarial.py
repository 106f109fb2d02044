# requires: BUILTIN_HELPERS STR_FORMAT CLASS_ADVANCED
# Metaclasses that misbehave: __new__ returning what is not a class, __call__ returning
# odd objects, endless recursion through the metaclass's __getattr__, hooks that raise.
class ReturnsInt(type):
    def __new__(mcs, name, bases, ns):
        return 42

    def __init__(cls, *args):
        print("never called")


class NotAClass(metaclass=ReturnsInt):
    pass


print(NotAClass, type(NotAClass).__name__)


class ReturnsPlain(type):
    def __new__(mcs, name, bases, ns):
        return type(name, bases, ns)

    def __init__(cls, *args):
        print("never called either")


class Plain(metaclass=ReturnsPlain):
    x = 1


print(type(Plain) is type, Plain.x)


class Holder:
    pass


class ReturnsInstance(type):
    def __new__(mcs, name, bases, ns):
        return Holder()


class Inst(metaclass=ReturnsInstance):
    pass


print(type(Inst).__name__)
try:
    class Sub(Inst):
        pass
except TypeError as e:
    print("TypeError")
try:
    class Sub2(NotAClass):
        pass
except TypeError as e:
    print("TypeError")


class Loop(type):
    def __getattr__(cls, name):
        return getattr(cls, name + "_")


class L(metaclass=Loop):
    present = 1


print(L.present)
try:
    L.missing
except RecursionError:
    print("RecursionError")


class Fallback(type):
    def __getattr__(cls, name):
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError(name)


class F(metaclass=Fallback):
    pass


print(F.auto_yes, hasattr(F, "nope"))
try:
    F().auto_no
except AttributeError:
    print("AttributeError from the instance")


class Raising(type):
    def __repr__(cls):
        raise ValueError("no repr")

    def __iter__(cls):
        return 5

    def __len__(cls):
        return -1

    def __call__(cls, *a):
        raise KeyError("no call")


class R(metaclass=Raising):
    pass


for op in (repr, iter, len, R):
    try:
        op(R)
    except (ValueError, TypeError, KeyError) as e:
        print(type(e).__name__)


class Attrs(type):
    def __setattr__(cls, name, value):
        print("meta setattr", name)
        super().__setattr__(name, value * 2)

    def __getattribute__(cls, name):
        if name == "secret":
            return "from __getattribute__"
        return super().__getattribute__(name)


class A(metaclass=Attrs):
    pass


A.v = 5
print(A.v, A.secret, A.__name__)


class M1(type):
    pass


class M2(type):
    pass


class C(metaclass=M1):
    pass


C.__class__ = M2
print(type(C).__name__)
for bad in (type, int, 5):
    try:
        C.__class__ = bad
    except TypeError:
        print("TypeError")


class D:
    pass


try:
    D.__class__ = M1
except TypeError:
    print("TypeError")
try:
    object.__new__(M1)
except TypeError:
    print("TypeError")
try:
    type.__init__(5)
    type.__call__(M1)
except TypeError:
    print("TypeError")
# a class made by a metaclass is used where instances go: no instance layout behind it
for probe in (lambda: "%s" % C, lambda: 1 + C, lambda: C + 1, lambda: dir(C), lambda: C[0], lambda: format(C, ""),
              lambda: vars(C) is not None, lambda: bytes(C), lambda: list(C), lambda: C < C):
    try:
        probe()
        print("ok")
    except Exception as e:
        print(type(e).__name__)
