# requires: BUILTIN_PROPERTY
# Instance attribute stores stay right when a class changes after instances exist:
# a data descriptor, __setattr__ or __delattr__ added later (to the class or a base),
# a descriptor class that gains __set__ later, and their removal.
class Base:
    pass


class Mid(Base):
    pass


class Leaf(Mid):
    def __init__(self):
        self.a = 1


obj = Leaf()
for i in range(3):
    obj.a = i  # plain stores, before any change
print("plain", obj.a, sorted(obj.__dict__))


def logging_setattr(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value * 10)


Base.__setattr__ = logging_setattr  # on a base, after instances exist
obj.a = 5
print("via base __setattr__", obj.a)
del Base.__setattr__
obj.a = 6
print("removed", obj.a)


def get_b(self):
    return "property b"


def set_b(self, value):
    print("property set", value)


Mid.b = property(get_b, set_b)  # a data descriptor on a middle class
obj.b = 7
print("property", obj.b, "b" in obj.__dict__)
del Mid.b
obj.b = 8
print("property removed", obj.b, obj.__dict__["b"])


class Desc:
    pass


Leaf.c = Desc()  # not a data descriptor yet: the store goes to the instance
obj.c = 9
print("plain desc", obj.__dict__["c"])


def desc_set(self, inst, value):
    print("Desc.__set__", value)


def desc_get(self, inst, owner):
    return "desc value"


Desc.__set__ = desc_set  # now it is one, and the class holding it never changed
Desc.__get__ = desc_get
obj.c = 10
print("data desc", obj.c, obj.__dict__["c"])


class DelLogger:
    def __delattr__(self, name):
        print("delattr", name)


class Sub(DelLogger):
    pass


s = Sub()
s.x = 1
del s.x
print("after del", s.x)

# a second class sharing a base: its cache follows the base too
other = Mid()
other.z = 1
Base.__setattr__ = logging_setattr
other.z = 2
print("other", other.z)
del Base.__setattr__
other.z = 3
print("other restored", other.z)

# class-level counters (no descriptor) do not disturb stores
class Counter:
    n = 0

    def __init__(self):
        Counter.n += 1
        self.id = Counter.n


made = [Counter() for _ in range(4)]
print([c.id for c in made], Counter.n)

# setattr() and attributes stored through methods of a subclass
class Point:
    __slots_like__ = ("x", "y")

    def move(self, dx):
        self.x = getattr(self, "x", 0) + dx


p = Point()
for _ in range(3):
    p.move(2)
setattr(p, "y", -1)
print(p.x, p.y)

# a data descriptor added later hides the instance's own attribute on loads too;
# a non-data descriptor (no __set__) does not
class Shadow:
    pass


sh = Shadow()
sh.v = "own"
sh.w = "own w"
Shadow.v = property(lambda self: "from property")
print(sh.v, sh.__dict__["v"])


class GetOnly:
    def __get__(self, inst, owner):
        return "from GetOnly"


Shadow.w = GetOnly()
print(sh.w)
GetOnly.__set__ = lambda self, inst, value: print("GetOnly.__set__", value)
print(sh.w)
sh.w = "stored"
print(sh.__dict__["w"])
del Shadow.v
print(sh.v)

# type() copies its namespace: a later change to the caller's dict is not the class's
ns = {"a": 1}
Made = type("Made", (), ns)
m = Made()
m.v = "own v"
ns["v"] = property(lambda self: "prop")
ns["a"] = 2
print(m.v, hasattr(Made, "v"), Made.a)
