# requires: INT_BIG_MPZ RANGE_BIG BUILTIN_REVERSED ERROR_MSG_DETAILED FLOAT
# range() with bounds, steps, lengths and indices beyond a machine word: items, len()'s
# OverflowError, membership, count/index, slicing, reversed, equality and hash.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
r = range(2**70)
t(lambda: r[5])
t(lambda: len(r))
t(lambda: r[-1])
t(lambda: 2**70 in range(2**71))
t(lambda: 2**70 in range(2**70))
t(lambda: range(2**70, 2**71, 2**65)[3])
t(lambda: list(range(2**70, 2**70+3)))
t(lambda: list(reversed(range(2**70, 2**70+3))))
t(lambda: range(2**70)[2**69:2**69+4])
t(lambda: list(range(2**70)[2**69:2**69+4]))
t(lambda: range(0, 2**70, 3)[::-1])
t(lambda: range(2**70).index(2**69))
t(lambda: range(2**70).count(2**69))
t(lambda: range(2**70) == range(2**70))
t(lambda: range(2**70).stop)
t(lambda: repr(range(-2**70, 2**70, 2**68)))
t(lambda: bool(range(2**70)))
t(lambda: range(2**70)[2**69])
t(lambda: range(2**70)[2**71])
t(lambda: hash(range(2**70)) == hash(range(2**70)))
t(lambda: next(iter(range(2**64-1, 2**64+2))))
t(lambda: list(range(2**64-1, 2**64+2)))
t(lambda: list(range(2**31-2, 2**31+2)))
t(lambda: list(range(2**63-2, 2**63+2)))
t(lambda: range(5)[2**70])
t(lambda: 2**70 in range(5))
B = 2**70
for r in [range(B), range(-B, B, 3), range(B, -B, -7), range(B, B), range(B, 0), range(0, 10, B), range(10, 0, -B), range(5), range(10, -10, -3), range(0)]:
    print(r, bool(r), r.start, r.stop, r.step)
    t(lambda: len(r))
    t(lambda: r[0])
    t(lambda: r[-1])
    t(lambda: r[1])
    t(lambda: r[-B])
    t(lambda: r[::2])
    t(lambda: r[::-1])
    t(lambda: r[1:-1:3])
    t(lambda: r[-5:])
    t(lambda: r[:B:-B])
    t(lambda: r[B:])
    t(lambda: list(reversed(r[:4])))
    t(lambda: list(r[-3:]))
    t(lambda: [x for _, x in zip(range(3), reversed(r))])
    t(lambda: [x for _, x in zip(range(3), r)])
    t(lambda: r[B // 3] in r)
    t(lambda: (r.stop - 1) in r)
    t(lambda: r.count(r.start))
    t(lambda: r.index(r.start))
    t(lambda: r.index(B * 5))
    t(lambda: r == range(r.start, r.stop, r.step))
    t(lambda: hash(r) == hash(range(r.start, r.stop, r.step)))
    t(lambda: r["a"])
    t(lambda: r[1.0])
    t(lambda: r[::0])
    t(lambda: r["a":])

t(lambda: range(2**70, 2**70 + 3)[True])
t(lambda: range(1.0))
t(lambda: range(B, 1.0))
t(lambda: range(0, B, 0))
t(lambda: type(reversed(range(3))).__name__)
t(lambda: range(0, B, B // 4) == range(0, B, B // 4)[:])
t(lambda: range(2) == range(0, 2, B))
t(lambda: range(1) == range(0, 1, B))
t(lambda: list(range(2**62, 2**64, 2**62)))
t(lambda: range(0, 2**62, 2**30)[::2**40])
t(lambda: list(range(-3, 3)[::-2]))
t(lambda: sum(range(2**64, 2**64 + 100)))
class I:
    def __index__(self):
        return 2
t(lambda: range(B)[I()])
t(lambda: range(I())[I()])
t(lambda: range(B)[I():])
t(lambda: list(range(10)[I():I()*3]))


class J:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


t(lambda: range(J(B)))
t(lambda: range(J(B))[J(B - 1)])
t(lambda: range(J(B))[J(-B)])
t(lambda: range(10)[J(B):])
t(lambda: range(10)[:J(-B)])
t(lambda: range(10)[::J(B)])
t(lambda: range(B)[J(2):J(5)])
