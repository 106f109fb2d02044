# requires: BUILTIN_PROPERTY BUILTIN_HELPERS GENERATORS
# Every way a class (or one of its bases) can change after instances exist and after
# attribute loads and stores on them have run in a loop: the change must show at once.
class Base:
    pass


class Leaf(Base):
    def __init__(self, i):
        self.v = i

    def m(self):
        return "m"


objs = [Leaf(i) for i in range(3)]


def loop(tag):
    out = []
    for o in objs:
        try:
            o.v = 7
        except Exception as e:
            out.append(type(e).__name__)
        try:
            out.append(o.v)
        except Exception as e:
            out.append(type(e).__name__)
        out.append(o.m())
    print(tag, out)


def prop(tag):
    return property(lambda self: tag, lambda self, x: print(tag, "set", x))


loop("warm")
loop("warm again")

# a class's __dict__ is a read-only view (CPython's mappingproxy)
d = Leaf.__dict__
for key, value in (("v", prop("dict")), ("m", 1)):
    try:
        d[key] = value
    except TypeError as e:
        print("TypeError", e)
try:
    del d["m"]
except TypeError as e:
    print("TypeError", e)
print(type(d).__name__, "m" in d, "v" in d, sorted(k for k in d if not k.startswith("__")))
print(sorted(k for k in d.keys() if k[0] != "_"), d.get("nope", "default"), d["m"] is Leaf.m)
Leaf.extra = 1
print("live view", "extra" in d, len(d) == len(Leaf.__dict__))
del Leaf.extra
loop("after dict writes")

setattr(Base, "v", prop("setattr"))
loop("setattr(Base)")
delattr(Base, "v")
loop("delattr(Base)")
type.__setattr__(Base, "v", prop("type.__setattr__"))
loop("type.__setattr__")
type.__delattr__(Base, "v")
loop("type.__delattr__")
setattr(Leaf, "m", lambda self: "new m")
loop("method replaced")
for target in (Base, int):
    try:
        object.__setattr__(target, "v", 1)
    except TypeError as e:
        print("TypeError", e)
try:
    type.__setattr__(int, "v", 1)
except TypeError as e:
    print("TypeError", e)
loop("object.__setattr__ refused")


# object.__setattr__ is the generic store: it honours data descriptors
class WithProp:
    p = prop("WithProp.p")

    def __setattr__(self, name, value):
        print("__setattr__", name)
        object.__setattr__(self, name, value)


w = WithProp()
w.p = 1
w.q = 2
object.__setattr__(w, "p", 3)
super(WithProp, w).__setattr__("p", 4)
print(w.p, w.q, sorted(vars(w)))
object.__delattr__(w, "q")
print(hasattr(w, "q"))


# a data descriptor class whose instance sits on a base
class Desc:
    def __get__(self, inst, owner):
        return "Desc.get" if inst is not None else self

    def __set__(self, inst, value):
        print("Desc.set", value)


Base.v = Desc()
loop("descriptor on base")
del Desc.__set__
loop("descriptor lost __set__")
del Base.v
loop("descriptor removed")


# methods shadowed by instance attributes and back
class Shadow:
    def f(self):
        return "class f"

    g = "class g"


s = Shadow()
out = []
for i in range(3):
    out.append(s.f())
    if i == 0:
        s.f = lambda: "instance f"
    elif i == 1:
        del s.f
print(out)
s.g = "instance g"
print(s.g, Shadow.g)
del s.g
print(s.g)
Shadow.g = property(lambda self: "property g")
print(s.g)


# __class__ assignment between compatible classes
class One:
    def __init__(self):
        self.v = 1

    def who(self):
        return "One"


class Two:
    v = prop("Two.v")

    def who(self):
        return "Two"


o = One()
for i in range(3):
    o.v = i
print(o.v, o.who())
o.__class__ = Two
o.v = 5
print(o.v, o.who(), type(o).__name__, vars(o))
o.__class__ = One
print(o.v, o.who())
for bad in (int, 5):
    try:
        o.__class__ = bad
    except TypeError as e:
        print("TypeError", e)


class MyList(list):
    pass


try:
    o.__class__ = MyList
except TypeError as e:
    print("TypeError", e)
try:
    del o.__class__
except TypeError as e:
    print("TypeError", e)


# __bases__ assignment
class P1:
    def hello(self):
        return "P1"


class P2:
    v = prop("P2.v")

    def hello(self):
        return "P2"


class Child(P1):
    def __init__(self):
        self.v = 0


c = Child()
for i in range(3):
    c.v = i
print(c.v, c.hello(), [k.__name__ for k in Child.__mro__])
Child.__bases__ = (P2,)
c.v = 9
print(c.v, c.hello(), [k.__name__ for k in Child.__mro__], Child.__bases__ == (P2,))
Child.__bases__ = (P1,)
print(c.v, c.hello())
for bad in ((), (Child,), (1,), [P1]):
    try:
        Child.__bases__ = bad
    except TypeError as e:
        print("TypeError", e)


# a module-level class replaced by another of the same name
class Thing:
    def __init__(self):
        self.v = "old"


old = Thing()
old.v = "old set"


class Thing:
    v = prop("new Thing")


new = Thing()
new.v = 1
print(old.v, new.v, type(old) is Thing)


# a class decorator that adds a property after the class is made
def add_prop(cls):
    cls.w = property(lambda self: "decorated w")
    return cls


@add_prop
class Decorated:
    def __init__(self):
        self.w = None


try:
    Decorated()
except AttributeError as e:
    print("AttributeError")


# __set_name__ that stores a descriptor into the owner
class Installer:
    def __set_name__(self, owner, name):
        owner.installed = prop("installed")


class Host:
    hook = Installer()


h = Host()
h.installed = 3
print(h.installed)
