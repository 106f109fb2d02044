# requires: ERROR_MSG_EXACT INT_BIG_MPZ BUILTIN_BYTEARRAY BUILTIN_MEMORYVIEW MODULE_ARRAY BUILTIN_HELPERS STR_FORMAT
# Indexes beyond a machine word and __index__ objects on every sequence type: an item is
# IndexError ("cannot fit"), pop is OverflowError, slice bounds and steps clamp, start/stop
# arguments clamp; out-of-range messages are each type's (assignment, pop); a memoryview
# refuses deletion before it looks at the index.
import array


class I:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


BIG = 10**20
makers = [
    ("list", lambda: [1, 2, 3]),
    ("tuple", lambda: (1, 2, 3)),
    ("str", lambda: "abc"),
    ("bytes", lambda: b"abc"),
    ("bytearray", lambda: bytearray(b"abc")),
    ("memoryview", lambda: memoryview(bytearray(b"abc"))),
    ("array", lambda: array.array("b", [1, 2, 3])),
    ("range", lambda: range(1, 4)),
]


def show(label, f):
    try:
        r = f()
        if isinstance(r, memoryview):
            r = r.tobytes()
        if isinstance(r, range):
            r = list(r)  # (a range's step beyond a word: a shorter one that takes the same items)
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def store(m, k):
    x = m()
    x[k] = 1
    return x


def delete(m, k):
    x = m()
    del x[k]
    return x


for name, m in makers:
    for k in (BIG, -BIG, I(BIG), I(-2), 7, "x"):
        kr = "I(%d)" % k.v if isinstance(k, I) else repr(k)
        show("%s[%s]" % (name, kr), lambda: m()[k])
        if not isinstance(k, str):
            show("%s[%s:]" % (name, kr), lambda: m()[k:])
            show("%s[:%s]" % (name, kr), lambda: m()[:k])
            if name != "memoryview":  # (memoryview slices with a step: not implemented)
                show("%s[::%s]" % (name, kr), lambda: m()[::k])
        if name in ("list", "bytearray", "memoryview", "array"):
            show("%s[%s] = 1" % (name, kr), lambda: store(m, k))
            show("del %s[%s]" % (name, kr), lambda: delete(m, k))
        if name in ("list", "bytearray", "array"):
            show("%s.pop(%s)" % (name, kr), lambda: m().pop(k))
            show("%s.insert(%s)" % (name, kr), lambda: m().insert(k, 9))
for k in (BIG, -BIG, I(BIG)):
    show("list.index start", lambda: [1, 2].index(2, k))
    show("tuple.index stop", lambda: (1, 2).index(2, 0, k))
    show("str.find start", lambda: "abc".find("c", k))
    show("bytes.count stop", lambda: b"abcc".count(b"c", 0, k))
    show("[0] * k", lambda: [0] * k)
    show("slice.indices", lambda: slice(k, None, 2).indices(5))
show("range(5)[::BIG]", lambda: list(range(5)[::BIG]))
show("range(5)[::3]", lambda: range(5)[::3])
show("slice.indices step 10", lambda: slice(None, None, 10).indices(3))
