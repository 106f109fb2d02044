# requires: MODULE_COLLECTIONS BUILTIN_HELPERS STR_FORMAT
# A namedtuple instance has no __dict__: storing or deleting any attribute, a field or
# a new name, raises AttributeError; a class derived from it gets a __dict__ back.
from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(3, 4)


def attempt(what, action):
    try:
        action()
        print(what, "stored")
    except AttributeError:
        print(what, "AttributeError")


attempt("set field", lambda: setattr(p, "x", 10))
attempt("set new name", lambda: setattr(p, "colour", "red"))
attempt("delete field", lambda: delattr(p, "y"))
attempt("delete missing", lambda: delattr(p, "nothing"))
print(p, p.x, p.y, hasattr(p, "colour"))


class Labelled(Point):
    def describe(self):
        return "%s at (%d, %d)" % (self.label, self.x, self.y)


q = Labelled(1, 2)
q.label = "origin-ish"
print(q.describe())
del q.label
print(hasattr(q, "label"))
attempt("subclass field", lambda: setattr(q, "x", 5))
print(q)

# the tuple behaviour is untouched
print(p + (5,), p * 2, p[::-1], len(p), p._replace(x=0), p._asdict())
