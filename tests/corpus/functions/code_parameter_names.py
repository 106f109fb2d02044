# requires: BUILTIN_HELPERS
# A function's parameters as signature helpers read them from its code object: co_argcount
# positional (a closure's cells not counted), co_kwonlyargcount keyword-only, their names the
# first of co_varnames (keyword-only ones in mpy-cross's slot order: those with defaults
# first, so at most one kind here); co_consts starts with None when there is no docstring.


def params(f):
    c = f.__code__
    n = c.co_argcount + c.co_kwonlyargcount
    return c.co_argcount, c.co_kwonlyargcount, c.co_varnames[:n]


def plain(x, y):
    total = x + y
    return total


def defaults(a, b=2, *rest, key, **more):
    return a


def outer(u, v):
    def inner(p, q=1):
        w = p
        return u, v, w

    return inner


class Shape:
    def area(self, scale):
        return scale

    @staticmethod
    def make(kind, size=1):
        return kind


print(params(plain))
print(params(defaults))
print(params(outer))
print(params(outer(1, 2)))
print(params(lambda: 0))
print(params(lambda s, *, t: s))
print(params(Shape.area))
print(params(Shape.make))
print(params(Shape().area.__func__))
print(plain.__code__.co_consts[0])
print(type(plain.__code__.co_varnames).__name__)
