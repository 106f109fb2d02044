# requires: MODULE_SYS GENERATORS
# A function that a builtin calls (map, sorted's key, next() of a generator, a dunder the
# VM or a builtin calls) sees the exception its caller is handling, as in CPython: a bare
# `raise` re-raises it and sys.exc_info() reports it; a generator resumed in an except
# block sees it only while it runs there.
import sys


def kind(_=None):
    t = sys.exc_info()[0]
    return t.__name__ if t is not None else None


def reraise(_=None):
    raise


def seen_by_gen():
    while True:
        yield kind()


class Lazy:
    def __getattr__(self, name):
        print("__getattr__", name, kind())
        raise

    def __eq__(self, other):
        print("__eq__", kind())
        return True

    def __hash__(self):
        return 1


gen = seen_by_gen()
print("gen before", next(gen))
try:
    raise ValueError("outer")
except ValueError:
    print("map", list(map(kind, [1, 2])))
    print("sorted key", sorted([3, 1, 2], key=lambda x: (kind(), x)))
    print("filter", list(filter(lambda x: kind() == "ValueError", [0, 1])))
    print("gen in except", next(gen))
    print("gen fresh", next(seen_by_gen()))
    for f in (lambda: list(map(reraise, [1])), lambda: sorted([2, 1], key=reraise),
              lambda: next(reraise() for _ in [1])):
        try:
            f()
        except ValueError as e:
            print("re-raised", repr(e))
    print("eq in list.index", [0, Lazy()].index(5))
    print("eq in dict lookup", {Lazy(): "v"}[Lazy()])
    try:
        Lazy().missing
    except ValueError as e:
        print("re-raised by __getattr__", repr(e))
print("gen after", next(gen))
print("after", sys.exc_info())

# nested handlers: the innermost one is seen through the builtin
try:
    raise KeyError("a")
except KeyError:
    try:
        raise IndexError("b")
    except IndexError:
        print("inner", list(map(kind, [0])))
    print("outer again", list(map(kind, [0])))

# once the handler has ended, the called function has nothing to re-raise
try:
    list(map(reraise, [1]))
except RuntimeError as e:
    print(type(e).__name__)
