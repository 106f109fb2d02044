# requires: MODULE_GC
# Lists, tuples and dicts nested 200,000 deep (or as deep as the heap allows): repr, str,
# ==, !=, <, <=, in, index(), count(), sorted() and max() walk them in C, and each ends in
# RecursionError (CPython: always) or the right answer, never a crash, whatever the C
# frames' size (on WebAssembly a frame may use no memory stack at all).
DEPTH = 200000
try:
    import gc
    FREE = gc.mem_free()  # a smaller heap: as deep as it holds with room
except (ImportError, AttributeError):  # (CPython's gc has no mem_free)
    FREE = DEPTH * 1000


def nest(make, depth):
    global n
    n = 0
    v = 0
    while n < depth:
        v = make(v)
        n += 1
    return v


def check(name, f, answer):
    try:
        got = f()
    except (RecursionError, MemoryError):
        got = answer
    except TypeError:
        got = "TypeError"
    print(name, got == answer)


for kind, make, key, width, size in (("list", lambda x: [x], 0, 2, 96), ("tuple", lambda x: (x,), 0, 3, 96),
                                     ("dict", lambda x: {1: x}, 1, 5, 480)):
    try:
        x = nest(make, min(DEPTH, FREE // size))
    except MemoryError:  # a smaller heap: half as deep, room for the checks
        x = None
        x = nest(make, n // 2)
    inner = x[key]
    check(kind + " repr", lambda: len(repr(x)), width * n + 1)
    check(kind + " str", lambda: len(str(x)), width * n + 1)
    check(kind + " ==", lambda: x == inner, False)
    check(kind + " !=", lambda: x != inner, True)
    check(kind + " in", lambda: inner in [x], False)
    check(kind + " index", lambda: [x, inner].index(inner), 1)
    check(kind + " count", lambda: [x, x, inner].count(inner), 1)
    if kind != "dict":
        check(kind + " <", lambda: inner < x, "TypeError")
        check(kind + " <=", lambda: x <= inner, "TypeError")
        check(kind + " sorted", lambda: sorted([x, inner]), "TypeError")
        check(kind + " max", lambda: max([x, inner]), "TypeError")
    x = inner = None
print("done")
