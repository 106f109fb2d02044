# requires: CLASS_ADVANCED
# Operators and protocols defined on a metaclass work on its classes: enum-like classes
# iterate, have a length, index and contain; C | D, C[...], __class_getitem__,
# __instancecheck__ / __subclasscheck__ (an abc-like registry in plain Python).
class EnumMeta(type):
    def __new__(mcs, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith("_") and isinstance(v, int)}
        cls = super().__new__(mcs, name, bases, ns)
        cls._members = members
        return cls

    def __iter__(cls):
        return iter(sorted(cls._members.items(), key=lambda kv: kv[1]))

    def __len__(cls):
        return len(cls._members)

    def __getitem__(cls, name):
        return cls._members[name]

    def __contains__(cls, value):
        return value in cls._members.values()

    def __repr__(cls):
        return "<enum " + cls.__name__ + ">"

    def __or__(cls, other):
        return (cls.__name__, "|", other.__name__)

    def __bool__(cls):
        return len(cls._members) > 0


class Color(metaclass=EnumMeta):
    RED = 1
    GREEN = 2
    BLUE = 3


class Empty(metaclass=EnumMeta):
    pass


print(list(Color), len(Color), Color["GREEN"], 2 in Color, 7 in Color)
print(repr(Color), str(Color), [Color])
print(Color | Empty, bool(Color), bool(Empty))
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError")
try:
    Color | 5
except AttributeError:
    print("AttributeError")


# __class_getitem__ (implicitly a class method) on plain classes
class Box:
    def __class_getitem__(cls, item):
        return ("Box", cls.__name__, item)


class SubBox(Box):
    pass


print(Box[int], SubBox["x"], Box[1, 2])
print(list[int] is not None)


# abc-like registration written in plain Python
class ABCMetaLike(type):
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        cls._registry = []
        return cls

    def register(cls, sub):
        cls._registry.append(sub)
        return sub

    def __instancecheck__(cls, inst):
        return cls.__subclasscheck__(type(inst))

    def __subclasscheck__(cls, sub):
        for r in cls._registry:
            if issubclass(sub, r):
                return True
        return sub in getattr(sub, "__mro__", ()) and cls in sub.__mro__


class Sized(metaclass=ABCMetaLike):
    pass


Sized.register(list)


@Sized.register
class Mine:
    pass


class Child(Sized):
    pass


print(isinstance([], Sized), isinstance((), Sized), isinstance(Mine(), Sized), isinstance(Child(), Sized))
print(issubclass(list, Sized), issubclass(dict, Sized), issubclass(Mine, Sized), issubclass(Child, Sized))
print(isinstance([], (int, Sized)), issubclass(dict, (Sized, dict)))


# a check that says yes to everything, and one that raises
class Yes(type):
    def __instancecheck__(cls, inst):
        return 1

    def __subclasscheck__(cls, sub):
        raise ValueError("no subclass check")


class Anything(metaclass=Yes):
    pass


print(isinstance(3, Anything), isinstance(Anything(), Anything))
try:
    issubclass(int, Anything)
except ValueError as e:
    print("ValueError")
