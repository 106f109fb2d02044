# requires: EXC_CHAINING GENERATORS
# An exception raised and caught inside a function called while its caller handles another
# takes that one as __context__, as in CPython: through a plain call, map(), sorted(key=),
# a generator's next() and a __eq__ the VM calls; `raise ... from` keeps its cause and still
# gets the context; outside any handler there is none.


def caught(tag):
    try:
        raise KeyError(tag)
    except KeyError as e:
        return e


def gen_caught():
    try:
        raise IndexError("gen")
    except IndexError as e:
        yield e


class Eq:
    def __eq__(self, other):
        global from_eq
        from_eq = caught("eq")
        return False

    def __hash__(self):
        return 0


def chained(_):
    try:
        raise LookupError("first")
    except LookupError as z:
        raise RuntimeError("chained") from z


def show(tag, e):
    print(tag, repr(e), "context:", repr(e.__context__))


try:
    raise ValueError("handled")
except ValueError:
    show("call", caught("call"))
    show("map", list(map(caught, ["map"]))[0])
    keys = []
    sorted([2, 1], key=lambda x: keys.append(caught("sorted")) or x)
    show("sorted", keys[0])
    show("generator", next(gen_caught()))
    Eq() in [1]
    show("__eq__", from_eq)
    try:
        list(map(chained, [1]))
    except RuntimeError as e:
        show("raised from", e)
        print("cause", repr(e.__cause__), "its context", repr(e.__cause__.__context__))
        print("suppress", e.__suppress_context__)

show("outside", caught("outside"))
