# requires: BUILTIN_PROPERTY MODULE_GC STR_FORMAT
# An instance's __dict__ is its attributes themselves: stores through it (item
# assignment, update(), deletion) are the instance's, and they may grow it far past
# its first size while attributes are also set the usual way and the GC runs.
import gc


class Record:
    def __init__(self, **fields):
        self.__dict__.update(fields)


r = Record(a=1, b=2)
print(r.a, r.b, r.__dict__ == {"a": 1, "b": 2}, len(r.__dict__), "a" in r.__dict__)
d = r.__dict__
for i in range(60):
    d["k%d" % i] = i
    if i % 10 == 0:
        gc.collect()
for i in range(60):
    setattr(r, "m%d" % i, [i] * 4)
gc.collect()
print(r.k5, r.k59, r.m59[0], len(d), len(vars(r)), d["m3"])
d["a"] = "new a"
vars(r)["b"] = "new b"
print(r.a, r.b)
del d["k0"]
print(hasattr(r, "k0"), "k0" in d)
try:
    del d["missing"]
except KeyError as e:
    print("KeyError", e)
print(d.get("k1"), d.get("nope", "default"), sorted(d.keys())[:3], sorted(d.items())[0])

# iterating while the instance changes: no crash (CPython raises RuntimeError for the
# live dict; both stop with an exception or finish)
r2 = Record(x=1)
try:
    for key in r2.__dict__:
        r2.y = 2
    print("iterated", sorted(vars(r2)))
except RuntimeError:
    print("iterated", sorted(vars(r2)))


# a __dict__ store does not go through __setattr__ or properties, as in CPython
class Guarded:
    def __setattr__(self, name, value):
        raise AttributeError("read-only")

    @property
    def p(self):
        return "property"


g = Guarded()
g.__dict__["x"] = 5
g.__dict__["p"] = "shadow attempt"
print(g.x, g.p, sorted(g.__dict__))


# update() takes what dict() takes, with the same errors
class ItemsOnly:
    def items(self):
        return [("k", 2)]


o = Record()
for arg in (ItemsOnly(), 5, [("a", 1)], {"z": 1}, {1: 2}, [("p", 1, 2)]):
    try:
        o.__dict__.update(arg)
        print("ok", sorted(map(str, o.__dict__)))
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
print(o.z, o.a)
