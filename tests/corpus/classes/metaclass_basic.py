# requires: BUILTIN_HELPERS CLASS_ADVANCED
# A metaclass derived from type: __new__ with keyword arguments, __init__, and what the
# metaclass defines seen from its classes (not from their instances).
log = []


class Meta(type):
    tag = "meta-attr"

    def __new__(mcs, name, bases, ns, **kw):
        log.append(("new", mcs.__name__, name, sorted(kw.items())))
        cls = super().__new__(mcs, name, bases, ns)
        cls.extra = kw.get("extra", 0)
        return cls

    def __init__(cls, name, bases, ns, **kw):
        log.append(("init", name, sorted([k for k in ns if not k.startswith("__")])))
        super().__init__(name, bases, ns)

    def describe(cls):
        return "class " + cls.__name__

    @classmethod
    def meta_cm(mcs):
        return mcs.__name__

    @staticmethod
    def meta_sm(x):
        return x * 2


class C(metaclass=Meta, extra=7):
    y = 3

    def f(self):
        return "f"


print(log)
print(type(C) is Meta, type(C).__name__, C.__name__)
print(C.y, C.extra, C.tag)
print(C.describe(), C.meta_cm(), C.meta_sm(21))
c = C()
print(type(c) is C, c.f(), c.y)
for name in ("describe", "tag", "meta_cm"):
    try:
        getattr(c, name)
    except AttributeError as e:
        print("instance: AttributeError")
print(isinstance(C, Meta), isinstance(C, type), isinstance(c, Meta), issubclass(Meta, type))
print(repr(C) == "<class '__main__.C'>", str(C) == repr(C))
print(hasattr(C, "describe"), hasattr(C, "nope"), callable(C))
# the class's own attribute comes before the metaclass's
C.tag = "own"
print(C.tag, Meta.tag)
del C.tag
print(C.tag)
# attribute store and delete on a class made by a metaclass go to the class
C.z = 9
print(C.z, c.z, "z" in C.__dict__)
del C.z
print(hasattr(C, "z"))
# the namespace the class got, its MRO and bases
print(C.__mro__ == (C, object), C.__bases__ == (object,), Meta.__mro__ == (Meta, type, object))
print(sorted([k for k in C.__dict__ if not k.startswith("__")]))
# classes are hashable and compare by identity
d = {C: 1}
print(d[C], C == C, C != Meta, hash(C) == hash(C))
# type() of the metaclass itself
print(type(Meta) is type, Meta.__name__)
