# requires: BUILTIN_HELPERS GENERATORS COMPILER_INTROSPECTION
# co_lines() of a function's code: (start, end, line) runs of bytecode offsets, contiguous
# from 0 to len(co_code), with the lines of the statements (MicroPython's bytecode offsets;
# a statement far below the previous one and a long statement need extended table entries).


def short(p, q):
    r = p * q
    s = r + p
    return s - q


def spread(o):
    v = o.a
    # 1
    # 2
    # 3
    # 4
    # 5
    # 6
    # 7
    # 8
    # 9
    # 10
    # 11
    # 12
    # 13
    # 14
    # 15
    # 16
    # 17
    # 18
    # 19
    # 20
    # 21
    # 22
    # 23
    # 24
    # 25
    # 26
    # 27
    # 28
    # 29
    # 30
    # 31
    # 32
    # 33
    # 34
    # 35
    # 36
    # 37
    # 38
    # 39
    w = o.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.bb.cc.dd.ee.ff.gg()
    return v, w


for fn in (short, spread):
    runs = list(fn.__code__.co_lines())
    print(fn.__name__, runs)
    print(runs[0][0], runs[-1][1] == len(fn.__code__.co_code))
    print(all(runs[i][1] == runs[i + 1][0] for i in range(len(runs) - 1)))
    # (co_firstlineno: the def's line, as CPython gives it; MicroPython gives the first
    # statement's, here the next line)
    print(fn.__code__.co_firstlineno == runs[0][2] - 1)
