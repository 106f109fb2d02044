# requires: CLASS_ADVANCED
# __prepare__ returning the namespace dict, __init_subclass__ with keyword arguments,
# __set_name__ and __qualname__ under a metaclass.
class Recording(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", mcs.__name__, name, len(bases), sorted(kw))
        ns = {"prepared_by": mcs.__name__}
        if kw.get("seed"):
            ns["seed"] = kw["seed"]
        return ns

    def __new__(mcs, name, bases, ns, **kw):
        print("keys", [k for k in ns if not k.startswith("__")])
        return super().__new__(mcs, name, bases, ns)


class A(metaclass=Recording, seed=42):
    b = 1
    a = 2

    def m(self):
        return self.prepared_by


print(A.prepared_by, A.seed, A().m())


# __prepare__ that does not return a mapping
class BadPrepare(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 5


try:
    class X(metaclass=BadPrepare):
        pass
except TypeError as e:
    print("TypeError")


# __init_subclass__ with keyword arguments, through a metaclass and without one
class Plugin:
    registry = {}

    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[key or cls.__name__] = cls


class PA(Plugin, key="a"):
    pass


class PB(Plugin):
    pass


print(sorted(Plugin.registry), Plugin.registry["a"] is PA)


class M(type):
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns, **kw)


class Base(metaclass=M):
    def __init_subclass__(cls, level=0, **kw):
        cls.level = level
        print("init_subclass", cls.__name__, level)


class Derived(Base, level=3):
    pass


print(Derived.level, type(Derived) is M)
try:
    class NoKw(x=1):
        pass
except TypeError as e:
    print("TypeError")
try:
    class Unknown(Plugin, other=1):
        pass
except TypeError as e:
    print("TypeError")


# __set_name__ on attributes of a class made by a metaclass
class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name


class Model(metaclass=M):
    first = Field()
    second = Field()


print(Model.first.name, Model.first.owner, Model.second.name)
print(Model.__name__, Model.__qualname__)


# type(name, bases, ns) and Meta(name, bases, ns) called directly
T = type("T", (object,), {"v": 1, "f": lambda self: self.v + 1})
print(T.__name__, T.v, T().f(), type(T) is type)
U = M("U", (T,), {"w": 2})
print(U.__name__, U.w, U.v, type(U) is M, isinstance(U(), T))
V = Recording("V", (), {"x": 3})
print(V.x, type(V).__name__)
