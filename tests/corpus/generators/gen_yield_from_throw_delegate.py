# requires: GENERATORS
# throw() on a generator suspended in `yield from` hands its argument unchanged to the
# delegate's throw(): a class stays a class, and even a non-exception goes through; a
# delegate without throw() (or a plain generator frame) gets a TypeError for a non-exception.


class Echo:
    def __iter__(self):
        return self

    def __next__(self):
        return "next"

    def throw(self, *args):
        print("delegate throw got", args)
        return "from throw"


class NoThrow:
    def __iter__(self):
        return self

    def __next__(self):
        return "next"


class Stops:
    def __iter__(self):
        return self

    def __next__(self):
        return 0

    def throw(self, x):
        raise StopIteration("done " + type(x).__name__)


def outer(it):
    r = yield from it
    print("yield from returned", r)
    yield "after"


for arg in (42, "text", None, ValueError, KeyError("k"), GeneratorExit):
    g = outer(Echo())
    next(g)
    try:
        print(g.throw(arg))
    except BaseException as e:
        print("raised", type(e).__name__)

g = outer(NoThrow())
next(g)
for arg in (42, ValueError):
    try:
        g.throw(arg)
    except TypeError:
        print("TypeError")
    except ValueError:
        print("ValueError")

g = outer(Stops())
next(g)
print(g.throw(3))


def middle():
    yield from outer(Echo())


g = middle()
next(g)
print(g.throw(7))
print(g.throw(IndexError))


def plain():
    yield 1


g = plain()
next(g)
try:
    g.throw(5)
except TypeError:
    print("plain TypeError")
try:
    outer(Echo()).throw(5)
except TypeError:
    print("unstarted TypeError")
