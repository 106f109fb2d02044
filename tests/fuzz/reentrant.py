"""Generator of re-entrant and adversarial-protocol programs for the VM (host side).

User code that runs in the middle of a builtin's C loop and changes what the loop holds:
containers mutated by the __eq__/__lt__/__hash__/key function/iterator the builtin calls,
protocol methods returning nonsense (__len__, __index__, __hash__, __iter__, __next__,
__bool__, __eq__, __getitem__, __format__/__repr__/__str__), deep and self-referencing
structures, generators re-entered from inside themselves, class bodies and metaclasses
that misbehave, memoryviews over resized bytearrays and slice assignment with itself.

`generate(seed, n)` gives n cases (name, source) drawn with a fixed-seed random.Random;
`program(cases)` joins them into one program for the firmware: each case runs in its
own try/except (only Python exceptions may come out) after a line "@ name" on stderr
(unbuffered, so a crash names its case; stdout is the cases' own output). tests/test_fuzz_reentrant.py runs the programs on host_asan.

    python tests/fuzz/reentrant.py SEED N > prog.py     write one program
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable

# Firmware-side helpers every program starts with. Mutations are bounded (a budget per
# case), so no case loops for ever on a correct VM.
PRELUDE = r'''
import sys
try:
    import heapq
except ImportError:
    heapq = None
try:
    import json
except ImportError:
    json = None
try:
    from collections import deque
except ImportError:
    deque = None
try:
    import array
except ImportError:
    array = None

BUDGET = [0]


def spend():
    BUDGET[0] -= 1
    return BUDGET[0] >= 0


def grow_list(t):
    t.extend(range(200))


def shrink_list(t):
    t.clear()


def pop_list(t):
    if t:
        t.pop()


def front_list(t):
    t.insert(0, -1)


def slice_list(t):
    t[1:] = [9] * 300


LIST_ACTS = [grow_list, shrink_list, pop_list, front_list, slice_list]


def grow_dict(t):
    for i in range(100):
        t[1000 + i + len(t)] = i


def shrink_dict(t):
    t.clear()


def pop_dict(t):
    if t:
        t.popitem()


def rebuild_dict(t):
    items = list(t.items())
    t.clear()
    for k, v in items:
        t[k] = v


DICT_ACTS = [grow_dict, shrink_dict, pop_dict, rebuild_dict]


def grow_set(t):
    for i in range(100):
        t.add(1000 + i + len(t))


def shrink_set(t):
    t.clear()


def pop_set(t):
    if t:
        t.pop()


SET_ACTS = [grow_set, shrink_set, pop_set]


def grow_bytes(t):
    t.extend(b"z" * 500)


def shrink_bytes(t):
    t[:] = b""


def cut_bytes(t):
    del t[1:]


BYTES_ACTS = [grow_bytes, shrink_bytes, cut_bytes]


def grow_deque(t):
    for i in range(50):
        t.append(i)


def shrink_deque(t):
    t.clear()


def pop_deque(t):
    if t:
        t.popleft()


DEQUE_ACTS = [grow_deque, shrink_deque, pop_deque]


def acts_for(t):
    if isinstance(t, list):
        return LIST_ACTS
    if isinstance(t, dict):
        return DICT_ACTS
    if isinstance(t, (set,)):
        return SET_ACTS
    if isinstance(t, bytearray):
        return BYTES_ACTS
    return DEQUE_ACTS


class Target:
    """What a mutating object changes: a container, the action, after how many calls."""

    def __init__(self, t, act, after):
        self.t = t
        self.act = acts_for(t)[act % len(acts_for(t))]
        self.after = after
        self.calls = 0

    def fire(self):
        self.calls += 1
        if self.calls >= self.after and spend():
            self.act(self.t)


class M:
    """A value whose comparisons and hash mutate a target."""

    def __init__(self, v, tgt):
        self.v = v
        self.tgt = tgt

    def __eq__(self, o):
        self.tgt.fire()
        return self.v == getattr(o, "v", o)

    def __ne__(self, o):
        self.tgt.fire()
        return self.v != getattr(o, "v", o)

    def __lt__(self, o):
        self.tgt.fire()
        return self.v < getattr(o, "v", o)

    def __gt__(self, o):
        self.tgt.fire()
        return self.v > getattr(o, "v", o)

    def __le__(self, o):
        self.tgt.fire()
        return self.v <= getattr(o, "v", o)

    def __ge__(self, o):
        self.tgt.fire()
        return self.v >= getattr(o, "v", o)

    def __hash__(self):
        self.tgt.fire()
        return hash(self.v) & 7

    def __add__(self, o):
        self.tgt.fire()
        return self.v + getattr(o, "v", o)

    __radd__ = __add__

    def __index__(self):
        self.tgt.fire()
        return self.v

    def __bool__(self):
        self.tgt.fire()
        return bool(self.v)


def miter(base, tgt):
    """An iterator over [base] that mutates a target as it goes."""
    for x in base:
        tgt.fire()
        yield x


class Weird:
    """Every protocol method returns [r] (or raises it, when it is an exception class)."""

    def __init__(self, r):
        self.r = r

    def _r(self):
        r = self.r
        if isinstance(r, type) and issubclass(r, BaseException):
            raise r()
        return r

    def __len__(self):
        return self._r()

    def __index__(self):
        return self._r()

    def __int__(self):
        return self._r()

    def __float__(self):
        return self._r()

    def __hash__(self):
        return self._r()

    def __iter__(self):
        return self._r()

    def __next__(self):
        return self._r()

    def __bool__(self):
        return self._r()

    def __eq__(self, o):
        return self._r()

    def __lt__(self, o):
        return self._r()

    def __contains__(self, o):
        return self._r()

    def __repr__(self):
        return self._r()

    def __str__(self):
        return self._r()

    def __format__(self, spec):
        return self._r()

    def __getitem__(self, i):
        return self._r()

    def __call__(self, *a):
        return self._r()


class BadBool:
    def __bool__(self):
        raise ValueError("bool")


class Seq:
    """The old iteration protocol: __getitem__ gives n items, then raises [stop]."""

    def __init__(self, n, stop, tgt=None):
        self.n = n
        self.stop = stop
        self.tgt = tgt

    def __getitem__(self, i):
        if self.tgt is not None:
            self.tgt.fire()
        if i >= self.n:
            raise self.stop
        return i


class It:
    """An iterator whose __next__ raises [exc] after n items."""

    def __init__(self, n, exc):
        self.n = n
        self.exc = exc

    def __iter__(self):
        return self

    def __next__(self):
        self.n -= 1
        if self.n < 0:
            raise self.exc
        return self.n


def deep_list(n):
    x = []
    for _ in range(n):
        x = [x]
    return x


def deep_tuple(n):
    x = ()
    for _ in range(n):
        x = (x,)
    return x


def deep_dict(n):
    x = {}
    for _ in range(n):
        x = {"a": x}
    return x


def selfref_list():
    a = [1]
    a.append(a)
    return a


def selfref_dict():
    d = {1: 2}
    d[3] = d
    return d
'''

# Values [Weird] may return or raise.
NONSENSE = [
    "-1",
    "-(2**31)",
    "2**31",
    "2**63",
    "2**64",
    "2**100",
    "-(2**100)",
    "'x'",
    "b'x'",
    "1.5",
    "None",
    "True",
    "[]",
    "BadBool()",
    "Weird(StopIteration)",
    "StopIteration",
    "IndexError",
    "KeyError",
    "RecursionError",
    "MemoryError",
    "GeneratorExit",
    "ValueError",
    "0",
    "1",
    "3",
]

Template = Callable[[random.Random], str]


def _target(r: random.Random, var: str) -> str:
    return f"Target({var}, {r.randrange(8)}, {r.randrange(1, 6)})"


def _mlist(r: random.Random, var: str = "L", n: int | None = None) -> str:
    n = n if n is not None else r.randrange(1, 12)
    vals = [r.randrange(6) for _ in range(n)]
    return f"{var} = []\nT = {_target(r, var)}\n{var}.extend(M(v, T) for v in {vals})\n"


def list_mutated_by_compare(r: random.Random) -> str:
    op = r.choice(
        [
            "L.sort()",
            "L.sort(reverse=True)",
            "sorted(L)",
            "L.sort(key=lambda m: (T.fire(), m.v)[1])",
            "sorted(L, key=lambda m: m)",
            "L.index(M(3, T))",
            "L.index(3)",
            "L.count(M(2, T))",
            "L.count(2)",
            "L.remove(M(4, T))",
            "L.remove(4)",
            "M(5, T) in L",
            "5 in L",
            "L == list(L)",
            "L == [M(1, T)] * len(L)",
            "L < [M(1, T)] * len(L)",
            "tuple(L) == tuple(L)",
            "tuple(L) < tuple(reversed(L))",
            "min(L)",
            "max(L)",
            "min(L, key=lambda m: (T.fire(), m)[1])",
            "sum(L, 0)",
            "heapq.heapify(L)",
            "heapq.heappush(L, M(1, T))",
            "heapq.heappop(L)",
            "heapq.heappushpop(L, M(2, T))",
            "heapq.heapreplace(L, M(2, T))",
            "[heapq.heappop(L) for _ in range(len(L))]",
            "list(reversed(L))",
            "dict.fromkeys(L)",
            "set(L)",
            "frozenset(L)",
            "{m: 1 for m in L}",
            "L[:] = sorted(L)",
            "L.sort(key=lambda m: L.clear() or m.v)",
            "L.sort(key=lambda m: L.append(m) or m.v)",
            "sorted(L, key=lambda m: L.clear() or m.v)",
        ]
    )
    return _mlist(r) + f"BUDGET[0] = {r.randrange(1, 20)}\nr = {op}\n"


def dict_mutated_by_hash_eq(r: random.Random) -> str:
    kind = r.choice(["dict", "set"])
    n = r.randrange(0, 12)
    if kind == "dict":
        head = f"D = {{}}\nT = {_target(r, 'D')}\nfor i in range({n}):\n    D[M(i, T)] = i\n"
        op = r.choice(
            [
                "D[M(3, T)]",
                "M(2, T) in D",
                "D.get(M(1, T))",
                "D[M(20, T)] = 1",
                "D.pop(M(2, T), None)",
                "D.setdefault(M(7, T), 1)",
                "D.update({M(30, T): 1, M(31, T): 2})",
                "D.update([(M(i, T), i) for i in range(10)])",
                "dict(D)",
                "D == dict(D)",
                "D.copy()",
                "dict.fromkeys(M(i, T) for i in range(20))",
                "D.__delitem__(M(1, T))",
                "D.keys() == D.keys()",
                "D.items() & D.items()",
                "list(D.values())",
                "[D.get(M(i, T)) for i in range(30)]",
            ]
        )
    else:
        head = f"S = set()\nT = {_target(r, 'S')}\nfor i in range({n}):\n    S.add(M(i, T))\n"
        op = r.choice(
            [
                "M(2, T) in S",
                "S.add(M(20, T))",
                "S.discard(M(3, T))",
                "S.remove(M(3, T))",
                "S | {M(1, T)}",
                "S & {M(1, T), M(2, T)}",
                "S - {M(1, T)}",
                "S ^ {M(2, T)}",
                "S == set(S)",
                "S.issubset({M(i, T) for i in range(10)})",
                "S.issuperset({M(1, T)})",
                "S.isdisjoint({M(1, T)})",
                "S.update(M(i, T) for i in range(40))",
                "S.intersection_update({M(1, T)})",
                "S.difference_update({M(1, T)})",
                "S.symmetric_difference_update({M(1, T), M(50, T)})",
                "frozenset(S) == S",
                "S.copy()",
            ]
        )
    return head + f"BUDGET[0] = {r.randrange(1, 20)}\nr = {op}\n"


def iterate_while_resized(r: random.Random) -> str:
    kind = r.choice(["list", "dict", "set", "bytearray", "deque", "keys", "values", "items"])
    n = r.randrange(0, 10)
    make = {
        "list": f"C = list(range({n}))",
        "dict": f"C = dict.fromkeys(range({n}))",
        "keys": f"C = dict.fromkeys(range({n}))",
        "values": f"C = dict.fromkeys(range({n}))",
        "items": f"C = dict.fromkeys(range({n}))",
        "set": f"C = set(range({n}))",
        "bytearray": f"C = bytearray(range({n}))",
        "deque": f"C = deque(range({n}))",
    }[kind]
    src = {"keys": "C.keys()", "values": "C.values()", "items": "C.items()"}.get(kind, "C")
    body = r.choice(
        [
            f"for x in {src}:\n    T.fire()\n",
            f"it = iter({src})\nnext(it, None)\nT.fire()\nT.fire()\nr = list(it)\n",
            f"r = [T.fire() for x in {src}]\n",
            f"r = list(zip({src}, {src}, (T.fire() for _ in range(30))))\n",
            f"r = list(map(lambda x: T.fire(), {src}))\n",
            f"r = list(filter(lambda x: T.fire(), {src}))\n",
            f"r = list(enumerate({src}))\nfor i, x in enumerate({src}):\n    T.fire()\n",
            f"it = reversed(list({src}))\nT.fire()\nr = list(it)\n",
        ]
    )
    if kind == "list" and r.randrange(2):
        body = "it = reversed(C)\nnext(it, None)\nT.fire()\nr = list(it)\n" + body
    return f"{make}\nT = {_target(r, 'C')}\nBUDGET[0] = {r.randrange(1, 8)}\n{body}"


def consume_mutating_iterator(r: random.Random) -> str:
    kind = r.choice(["list", "dict", "set", "bytearray", "deque"])
    n = r.randrange(0, 10)
    make = {
        "list": f"C = list(range({n}))",
        "dict": f"C = dict.fromkeys(range({n}))",
        "set": f"C = set(range({n}))",
        "bytearray": f"C = bytearray(range({n}))",
        "deque": f"C = deque(range({n}))",
    }[kind]
    base = r.choice(["C", "list(C)", "range(20)"])
    consumer = r.choice(
        [
            "''.join(str(x) for x in miter({b}, T))",
            "','.join(miter(map(str, {b}), T))",
            "b'-'.join(miter((bytes([x & 255]) for x in {b}), T))",
            "bytearray(miter((x & 255 for x in {b}), T))",
            "C.extend(miter({b}, T)) if hasattr(C, 'extend') else None",
            "C.update(miter(((x, x) for x in {b}), T)) if isinstance(C, dict) else None",
            "C.update(miter({b}, T)) if isinstance(C, set) else None",
            "tuple(miter({b}, T))",
            "list(miter({b}, T))",
            "dict(miter(((x, 1) for x in {b}), T))",
            "set(miter({b}, T))",
            "min(miter({b}, T), default=0)",
            "max(miter({b}, T), default=0)",
            "sum(miter({b}, T))",
            "sorted(miter({b}, T))",
            "list(zip(miter({b}, T), miter({b}, T)))",
            "list(map(lambda a, b: a, miter({b}, T), C))",
            "list(filter(None, miter({b}, T)))",
            "list(enumerate(miter({b}, T)))",
            "any(miter({b}, T))",
            "all(miter({b}, T))",
            "deque(miter({b}, T))",
            "C.extend(C) if hasattr(C, 'extend') else None",
            "C[len(C):] = miter({b}, T) if isinstance(C, (list, bytearray)) else None",
            "list(miter({b}, T)) == list(miter({b}, T))",
            "array.array('i', miter({b}, T))",
            "frozenset(miter({b}, T))",
            "' '.join(map(str, miter(C, T)))",
        ]
    ).format(b=base)
    return f"{make}\nT = {_target(r, 'C')}\nBUDGET[0] = {r.randrange(1, 30)}\nr = {consumer}\n"


def nonsense_protocol(r: random.Random) -> str:
    v = r.choice(NONSENSE)
    op = r.choice(
        [
            "len(w)",
            "bool(w)",
            "not w",
            "1 if w else 0",
            "range(w)",
            "[1, 2, 3][w]",
            "[1, 2, 3][w:w]",
            "'abc'[w]",
            "b'abc'[w:]",
            "bytes(w)",
            "bytearray(w)",
            "'ab' * w",
            "[0] * w",
            "(1,) * w",
            "b'a' * w",
            "hex(w)",
            "bin(w)",
            "oct(w)",
            "chr(w)",
            "[1, 2].pop(w)",
            "[1, 2].insert(w, 0)",
            "(1).to_bytes(w, 'little')",
            "slice(w, w, w).indices(5)",
            "slice(0, 3).indices(w)",
            "round(1.5, w)",
            "'x'.center(w)",
            "'x'.ljust(w)",
            "'x'.zfill(w)",
            "b'x'.center(w)",
            "'a\\tb'.expandtabs(w)",
            "hash(w)",
            "{w: 1}",
            "{w}",
            "w in {1: 2}",
            "w in {1}",
            "frozenset([w])",
            "iter(w)",
            "list(w)",
            "tuple(w)",
            "sorted(w)",
            "min(w)",
            "max(w, default=0)",
            "sum(w)",
            "[x for x in w]",
            "a, b = w",
            "dict(w)",
            "set(w)",
            "''.join(w)",
            "list(zip(w, w))",
            "list(map(abs, w))",
            "list(enumerate(w))",
            "all([w])",
            "any([w])",
            "list(filter(None, [w, w]))",
            "[1, 2].index(w)",
            "[w, 1].count(1)",
            "[1, w].remove(1)",
            "w in [1, 2]",
            "w in (1, 2)",
            "[w] == [1]",
            "(w, 1) == (1, 1)",
            "(w,) < (1,)",
            "sorted([w, w, w])",
            "[w, 1, w].sort()",
            "min([w, w])",
            "max(1, w)",
            "1 in w",
            "w == 1",
            "w != 1",
            "format(w)",
            "format(w, '>10')",
            "f'{w}'",
            "f'{w!r}'",
            "f'{w:x}'",
            "'{}'.format(w)",
            "'{:>4}'.format(w)",
            "'%s' % w",
            "'%r' % (w,)",
            "'%d' % (w,)",
            "'%*d' % (w, 1)",
            "'%.*f' % (w, 1.0)",
            "str(w)",
            "repr(w)",
            "repr([w, w])",
            "str((w,))",
            "str({1: w})",
            "print(w)",
            "int(w)",
            "float(w)",
            "complex(w)",
            "divmod(w, 1)",
            "abs(w)",
            "isinstance(w, int)",
            "bytes([w])",
            "bytearray([w])",
            "bytearray(3)[w]",
            "bytearray(b'abc').pop(w)",
            "memoryview(b'abc')[w]",
            "array.array('b', [1, 2])[w]",
            "array.array('b', [0]) * w",
            "json.dumps(w)",
            "json.dumps([w])",
            "json.dumps({'a': w})",
            "w()",
            "getattr(1, w, None)",
            "setattr(w, 'r', 1)",
            "next(w, 0)",
            "next(iter([w]))",
            "deque(w)",
            "deque([1], w)",
            "'abc'.split(None, w)",
            "'abc'.replace('a', 'b', w)",
            "'abc'.find('b', w)",
            "'abc'.startswith('a', w)",
            "[1, 2, 3].index(2, w)",
            "(1).__round__(w)",
            "int('1', w)",
            "(w).__class__",
            "heapq.nsmallest(w, [3, 1]) if hasattr(heapq, 'nsmallest') else 0",
            "heapq.heappush([w, w], w)",
        ]
    )
    return f"w = Weird({v})\nr = {op}\n"


def old_protocol(r: random.Random) -> str:
    stop = r.choice(["IndexError", "StopIteration", "KeyError", "ValueError", "StopIteration(5)"])
    n = r.randrange(0, 6)
    tgt = ""
    extra = "None"
    if r.randrange(2):
        tgt = f"C = list(range({r.randrange(4)}))\nT = {_target(r, 'C')}\nBUDGET[0] = 5\n"
        extra = "T"
    op = r.choice(
        [
            "list(s)",
            "tuple(s)",
            "[x for x in s]",
            "3 in s",
            "sorted(s)",
            "''.join(map(str, s))",
            "set(s)",
            "dict.fromkeys(s)",
            "list(zip(s, s))",
            "max(s, default=0)",
            "sum(s)",
            "bytes(s)",
            "bytearray(s)",
            "list(reversed(s))",
            "enumerate(s).__next__()",
            "list(It(n, StopIteration))",
            "list(It(n, IndexError))",
            "list(It(n, GeneratorExit))",
            "list(It(n, StopIteration(7)))",
            "sorted(It(n, RecursionError))",
            "dict(zip(It(n, StopIteration), s))",
            "''.join(It(n, StopIteration))",
            "bytes(It(n, StopIteration))",
            "min(It(n, MemoryError), default=0)",
            "any(It(n, ValueError))",
            "deque(It(n, StopIteration))",
        ]
    )
    return tgt + f"n = {n}\ns = Seq({n}, {stop}, {extra})\nr = {op}\n"


def deep_structures(r: random.Random) -> str:
    n = r.choice([100, 1000, 10000, 100000])
    make = r.choice(["deep_list", "deep_tuple", "deep_dict", "selfref_list", "selfref_dict"])
    arg = "" if make.startswith("selfref") else str(n)
    op = r.choice(
        [
            "repr(x)",
            "str(x)",
            "x == y",
            "x != y",
            "x < y",
            "hash(x)",
            "x in [y]",
            "[x].count(y)",
            "sorted([x, y])",
            "json.dumps(x)",
            "print(x)",
            "'%s' % (x,)",
            "f'{x}'",
            "{x: 1}",
            "x.copy() if hasattr(x, 'copy') else x",
            "list(x)",
            "max([x, y])",
            "[x] * 2 == [y] * 2",
            "(x, 1) == (y, 1)",
            "format(x)",
            "bytes(x) if isinstance(x, list) else 0",
        ]
    )
    return f"x = {make}({arg})\ny = {make}({arg})\nr = {op}\ndel x, y, r\n"


def generators(r: random.Random) -> str:
    return r.choice(
        [
            "def g():\n    yield 1\n    G[0].send(None)\n    yield 2\nG = [g()]\nr = list(G[0])\n",
            "def g():\n    yield 1\n    next(G[0])\nG = [g()]\nr = list(G[0])\n",
            "def g():\n    try:\n        yield 1\n    finally:\n        G[0].close()\nG = [g()]\n"
            "next(G[0])\nG[0].close()\n",
            "def g():\n    try:\n        yield 1\n    finally:\n        G[0].throw(ValueError)\nG = [g()]\n"
            "next(G[0])\nr = G[0].close()\n",
            "def g():\n    yield G[0].throw(KeyError)\nG = [g()]\nr = next(G[0])\n",
            "def g():\n    yield from G[0]\nG = [g()]\nr = list(G[0])\n",
            "def g():\n    yield 1\n    yield from G[0]\nG = [g()]\nr = list(G[0])\n",
            "def g():\n    x = yield 1\n    G[0].throw(x)\nG = [g()]\nnext(G[0])\nr = G[0].send(ValueError)\n",
            "def g():\n    try:\n        yield 1\n    except GeneratorExit:\n        yield 2\nG = [g()]\n"
            "next(G[0])\nr = G[0].close()\n",
            "def g():\n    try:\n        yield 1\n    finally:\n        yield 2\nG = [g()]\n"
            "next(G[0])\nr = G[0].throw(KeyError)\nr = G[0].close()\n",
            "def g():\n    while True:\n        try:\n            yield 1\n        except BaseException:\n"
            "            pass\nG = [g()]\nnext(G[0])\nr = G[0].close()\n",
            "def g():\n    yield 1\nG = [g()]\nnext(G[0])\nr = G[0].throw(StopIteration)\n",
            "def g():\n    yield 1\nG = [g()]\nr = G[0].throw(GeneratorExit)\nr = next(G[0])\n",
            "def g():\n    yield 1\nG = [g()]\nr = G[0].send(5)\n",
            "def g():\n    return (yield from iter([1, 2]))\nG = [g()]\nr = G[0].throw(ValueError)\n",
            "def g():\n    r = yield from It(3, StopIteration(9))\n    yield r\nr = list(g())\n",
            "def g():\n    yield from Seq(3, IndexError)\nr = list(g())\n",
            "def g():\n    yield from Weird(StopIteration)\nr = list(g())\n",
            "async def c():\n    return C[0].send(None)\nC = [c()]\nr = C[0].send(None)\n",
            "async def c():\n    await C[0]\nC = [c()]\nr = C[0].send(None)\n",
            "async def c():\n    return 1\nC = [c()]\nr = C[0].send(1)\n",
            "async def c():\n    return 1\nC = [c()]\nC[0].close()\nr = C[0].send(None)\n",
            "class A:\n    def __await__(self):\n        return Weird(3)\nasync def c():\n    await A()\n"
            "r = c().send(None)\n",
            "class A:\n    def __await__(self):\n        return iter([C[0]])\nasync def c():\n    await A()\n"
            "C = [c()]\nr = C[0].send(None)\nr = C[0].send(None)\n",
            "def g():\n    yield\nG = [g()]\nfor _ in range(3):\n    try:\n        G[0].throw(ValueError)\n"
            "    except ValueError:\n        pass\nr = list(G[0])\n",
            "def g():\n    yield G[0].gi_frame if hasattr(G[0], 'gi_frame') else 0\nG = [g()]\nr = list(G[0])\n",
            "def g():\n    x = [(yield i), (yield 2)]\n    yield x\nG = [g()]\nr = list(G[0])\n",
            "def g():\n    yield 1\nG = [g()]\nit = iter(G[0])\nr = [next(it), G[0].close(), list(it)]\n",
        ]
    )


def classes(r: random.Random) -> str:
    # (not __class__: mpy-cross gives a class body storing it a frame one slot short,
    # which the loader refuses, so the whole program would not load)
    name = r.choice(
        [
            "__len__",
            "__iter__",
            "__hash__",
            "__eq__",
            "__init__",
            "__new__",
            "__getattr__",
            "__repr__",
            "__str__",
            "__bool__",
            "__call__",
            "__getitem__",
            "__dict__",
            "__name__",
            "__module__",
            "__qualname__",
            "__slots__",
            "__next__",
            "__index__",
            "__lt__",
            "__enter__",
            "__exit__",
            "__contains__",
            "__setattr__",
            "__del__",
            "__init_subclass__",
            "__set_name__",
            "__get__",
            "__set__",
            "__delattr__",
            "__bases__",
            "__mro__",
            "__doc__",
        ]
    )
    val = r.choice(
        [
            "None",
            "5",
            "'x'",
            "len",
            "print",
            "(1, 2)",
            "[]",
            "object()",
            "staticmethod(len)",
            "classmethod(len)",
            "property(len)",
            "lambda *a: None",
            "lambda *a: 1 / 0",
            "Weird(StopIteration)",
        ]
    )
    use = r.choice(
        [
            "o = C()\nr = [len(o)]\n",
            "o = C()\nr = list(o)\n",
            "o = C()\nr = hash(o)\n",
            "o = C()\nr = o == o\n",
            "o = C()\nr = repr(o)\n",
            "o = C()\nr = str(o)\n",
            "o = C()\nr = bool(o)\n",
            "o = C()\nr = o()\n",
            "o = C()\nr = o[0]\n",
            "o = C()\nr = o.zz\n",
            "o = C()\no.zz = 1\nr = o.zz\n",
            "o = C()\ndel o.zz\n",
            "o = C()\nr = 1 in o\n",
            "o = C()\nwith o:\n    pass\n",
            "o = C()\nr = next(o)\n",
            "o = C()\nr = [1][o]\n",
            "o = C()\nr = o < o\n",
            "class D(C):\n    pass\nr = D()\n",
            "class D(C):\n    x = C()\nr = D().x\n",
            "r = (C.__name__, C.__doc__)\n",
            "r = repr(C)\n",
            "r = isinstance(C(), C)\n",
            "r = {C(): 1}\n",
        ]
    )
    kind = r.randrange(5)
    if kind == 0:
        cls = f"class C:\n    {name} = {val}\n"
    elif kind == 1:
        # a class body that replaces builtins used later in its own body and methods
        b = r.choice(
            [
                "len",
                "print",
                "isinstance",
                "super",
                "object",
                "iter",
                "next",
                "__build_class__",
                "str",
                "type",
            ]
        )
        cls = (
            f"class C:\n    {b} = {val}\n    try:\n        z = {b}([])\n    except Exception:\n"
            f"        pass\n    def m(self):\n        return {b}\n    {name} = {val}\n"
        )
    elif kind == 2:
        exc = r.choice(["ValueError", "StopIteration", "GeneratorExit", "RecursionError"])
        cls = (
            f"class B:\n    def __init_subclass__(cls, **kw):\n        raise {exc}\n"
            "try:\n    class C(B):\n        pass\nexcept BaseException:\n    class C:\n        pass\n"
        )
    elif kind == 3:
        ret = r.choice(
            [
                "5",
                "None",
                "type",
                "object()",
                "Weird(1)",
                "name",
                "bases[0]",
                "type.__new__(mcs, name, (), ns)",
                "type.__new__(mcs, 'N', bases, {})",
            ]
        )
        cls = (
            f"class Meta(type):\n    def __new__(mcs, name, bases, ns):\n        return {ret}\n"
            "try:\n    class C(metaclass=Meta):\n        x = 1\nexcept BaseException:\n"
            "    class C:\n        pass\nif not isinstance(C, type):\n    class C:\n        pass\n"
        )
    else:
        cls = (
            f"class Meta(type):\n    def __call__(cls, *a):\n        return {val}\n"
            f"    {name} = {val}\nclass C(metaclass=Meta):\n    pass\n"
        )
    return cls + use


def buffers(r: random.Random) -> str:
    n = r.randrange(0, 20)
    pre = f"ba = bytearray(b'abcdefghijklmnopqrst'[:{n}])\n"
    op = r.choice(
        [
            "m = memoryview(ba)\nba.extend(b'x' * 1000)\nr = bytes(m)\n",
            "m = memoryview(ba)\nba.extend(b'x' * 1000)\nr = m[-1] if len(m) else 0\n",
            "m = memoryview(ba)\nba.clear() if hasattr(ba, 'clear') else ba.__init__()\n"
            "r = bytes(m)\n",
            "m = memoryview(ba)\ndel ba[:]\nr = m[0:3]\nm[0:1] = b'q' if len(m) else b''\n",
            "m = memoryview(ba)[2:]\nba[:] = b''\nr = bytes(m)\n",
            "m = memoryview(ba)\nba[:] = b'y' * 5000\nm[:] = bytes(len(m))\n",
            "m = memoryview(ba)\nba += b'x' * 999\nr = list(m)\n",
            "m = memoryview(ba)\nba *= 100\nr = m.tobytes() if hasattr(m, 'tobytes') else bytes(m)\n",
            "m = memoryview(ba)\nba.extend(m)\nr = bytes(m)\n",
            "m = memoryview(ba)\nba[1:] = m\nr = bytes(ba)\n",
            "m = memoryview(ba)\nba[:0] = m\n",
            "m = memoryview(ba)\nba.extend(b'x' * 900)\nba[0:2] = m\n",
            "ba[1:] = ba\n",
            "ba[:] = ba\n",
            "ba[::2] = ba[:len(ba[::2])]\n",
            "ba[2:4] = ba\n",
            "ba.extend(ba)\n",
            "ba += ba\n",
            "ba[len(ba):] = ba\n",
            "ba[:1] = memoryview(ba)[1:]\n",
            "ba.extend(memoryview(ba))\n",
            "ba.replace(ba, ba) if hasattr(ba, 'replace') else 0\n",
            "r = ba.find(ba)\n",
            "a = array.array('i', range({n}))\na[1:] = a\n",
            "a = array.array('i', range({n}))\na[:] = a\n",
            "a = array.array('i', range({n}))\na.extend(a)\n",
            "a = array.array('i', range({n}))\na += a\n",
            "a = array.array('b', range({n}))\nm = memoryview(a)\na.extend(range(200))\nr = bytes(m)\n",
            "a = array.array('b', range({n}))\nm = memoryview(a)\na.extend(a)\nm[0] = 1 if len(m) else 0\n",
            "L = list(range({n}))\nL[1:] = L\n",
            "L = list(range({n}))\nL[::2] = L[:len(L[::2])]\n",
            "L = list(range({n}))\nL[:0] = L\n",
            "L = list(range({n}))\nL.extend(L)\nL += L\nL *= 3\n",
            "L = list(range({n}))\nL.insert(0, L)\nr = repr(L)\n",
            "m = memoryview(ba)\nmm = m[1:]\nba.extend(b'z' * 400)\nr = bytes(mm)\n",
            "m = memoryview(ba)\nr = [m[i] for i in range(len(m)) if (ba.clear() or True)]\n",
            "m = memoryview(ba)\nr = bytes(m) == ba.extend(b'x' * 300)\n",
            "s = bytes(ba)\nr = s.join([ba, memoryview(ba), ba])\n",
            "r = ba.join([ba, ba])\n",
            "r = b''.join(ba[i:i + 1] for i in range(len(ba)) if not ba.extend(b'q'))[:10]\n",
        ]
    ).replace("{n}", str(n))
    return pre + op


def index_mutates(r: random.Random) -> str:
    """Indexes, counts and values whose __index__ resizes the container being indexed."""
    kind = r.choice(["list", "bytearray", "array", "deque", "mv"])
    n = r.randrange(0, 12)
    make = {
        "list": f"C = list(range({n}))",
        "bytearray": f"C = bytearray(range({n}))",
        "array": f"C = array.array('b', range({n}))",
        "deque": f"C = deque(range({n}), 40)",
        "mv": f"B = bytearray(range({n}))\nC = memoryview(B)",
    }[kind]
    tgt = "B" if kind == "mv" else "C" if kind != "array" else "ALT"
    if kind == "array":
        make += "\nALT = bytearray(4)"  # an array cannot be cleared in place by our actions
    i, j = r.randrange(-3, n + 2), r.randrange(-3, n + 2)
    m = lambda v: f"M({v}, T)"  # noqa: E731
    op = r.choice(
        [
            f"C[{m(i)}]",
            f"C[{m(i)}] = {m(1)}",
            f"C[{i}] = {m(2)}",
            f"del C[{m(i)}]",
            f"C[{m(i)}:{m(j)}]",
            f"C[{m(i)}:{m(j)}:{m(r.choice([1, 2, -1, -2]))}]",
            f"C[{m(i)}:{m(j)}] = C",
            f"C[{m(i)}:{m(j)}] = [1, 2, 3] if isinstance(C, list) else b'xyz'",
            f"C[::{m(r.choice([2, -1]))}] = C[::{r.choice([2, -1])}]",
            f"del C[{m(i)}:{m(j)}:{m(r.choice([1, 2, -1]))}]",
            f"C.pop({m(i)})",
            f"C.insert({m(i)}, {m(3)})",
            f"C.index({m(1)}, {m(i)}, {m(j)})",
            f"C.count({m(1)})",
            f"C.remove({m(1)})",
            f"C * {m(r.choice([0, 2, 3]))}",
            f"{m(2)} * C",
            f"C *= {m(r.choice([0, 2, 3]))}",
            f"C.extend([{m(1)}, {m(2)}])",
            f"C.append({m(7)})",
            f"C.rotate({m(i)})",
            f"C.find(b'a', {m(i)}, {m(j)})",
            f"C.count(b'a', {m(i)})",
            f"C.center({m(n + 4)})",
            f"C.ljust({m(n + 4)}, b'-')",
            f"C.zfill({m(n + 4)})",
            f"bytes(C)[{m(i)}]",
            f"list(C)[{m(i)}:{m(j)}]",
            f"tuple(C)[{m(i)}:{m(j)}]",
            f"struct.pack_into('<i', C, {m(i)}, 5)",
            f"struct.unpack_from('<h', C, {m(i)})",
            f"struct.pack_into('<hh', C, {m(i)}, {m(1)}, {m(2)})",
            f"int.from_bytes(C[{m(i)}:], 'little')",
            f"C.__setitem__({m(i)}, {m(9)})",
            f"C.__getitem__(slice({m(i)}, None))",
            "sorted(C, key=lambda x: T.fire())",
            "C.sort(key=lambda x: T.fire() or x)",
            "min(C, key=lambda x: T.fire() or x)",
            f"heapq.nlargest({m(2)}, C) if hasattr(heapq, 'nlargest') else 0",
        ]
    )
    stmt = op if op.startswith("del ") or "*=" in op else "r = " + op
    return (
        f"import struct\n{make}\nT = {_target(r, tgt)}\nBUDGET[0] = {r.randrange(1, 6)}\n{stmt}\n"
    )


def mutating_values(r: random.Random) -> str:
    """Comparisons of two containers whose items' __eq__/__lt__ resize either of them."""
    kind = r.choice(["list", "tuple", "dict", "set", "deque"])
    n = r.randrange(1, 10)
    side = r.choice(["A", "B"])
    if kind == "dict":
        make = (
            f"A = {{}}\nB = {{}}\nT = {_target(r, side) if side == 'A' else _target(r, 'B')}\n"
            f"for i in range({n}):\n    A[i] = M(i, T)\n    B[i] = M(i, T)\n"
        )
    elif kind == "set":
        make = (
            f"A = set()\nB = set()\nT = {_target(r, side)}\n"
            f"for i in range({n}):\n    A.add(M(i, T))\n    B.add(M(i, T))\n"
        )
    else:
        wrap = {"list": "list", "tuple": "list", "deque": "deque"}[kind]
        make = (
            f"A = {wrap}()\nB = {wrap}()\nT = {_target(r, side)}\n"
            f"for i in range({n}):\n    A.append(M(i, T))\n    B.append(M(i, T))\n"
        )
        if kind == "tuple":
            make += "A2 = tuple(A)\nB2 = tuple(B)\n"
    a, b = ("A2", "B2") if kind == "tuple" else ("A", "B")
    op = r.choice(
        [
            f"{a} == {b}",
            f"{a} != {b}",
            f"{a} < {b}",
            f"{a} <= {b}",
            f"{a} > {b}",
            f"{b} >= {a}",
            f"{a} == {a}",
            f"[{a}] == [{b}]",
            f"M(3, T) in {a}",
            f"{a}.count(M(2, T)) if hasattr({a}, 'count') else 0",
            f"{a}.index(M(n - 1, T)) if hasattr({a}, 'index') else 0",
            f"{a}.remove(M(2, T)) if hasattr({a}, 'remove') else 0",
            f"list({a}.values()) == list({b}.values()) if isinstance({a}, dict) else 0",
            f"{a}.items() == {b}.items() if isinstance({a}, dict) else 0",
            f"{a}.keys() <= {b}.keys() if isinstance({a}, dict) else 0",
            f"sorted({a})",
            f"max({a})",
        ]
    ).replace("n - 1", str(n - 1))
    return make + f"BUDGET[0] = {r.randrange(1, 12)}\nr = {op}\n"


TEMPLATES: dict[str, Template] = {
    "cmp": list_mutated_by_compare,
    "hash": dict_mutated_by_hash_eq,
    "iter": iterate_while_resized,
    "consume": consume_mutating_iterator,
    "proto": nonsense_protocol,
    "old": old_protocol,
    "deep": deep_structures,
    "gen": generators,
    "class": classes,
    "buf": buffers,
    "index": index_mutates,
    "values": mutating_values,
}


def generate(seed: int, n: int) -> list[tuple[str, str]]:
    """n cases (name, source) of seed [seed]; each template in turn, its details random."""
    rnd = random.Random(seed)
    kinds = list(TEMPLATES)
    out = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        out.append((f"{seed}.{i}.{kind}", TEMPLATES[kind](rnd)))
    return out


def _indent(src: str) -> str:
    return "".join("        " + line + "\n" for line in src.splitlines())


def program(cases: list[tuple[str, str]]) -> str:
    """One program running [cases] in turn, each after "@ name", then "@ done"."""
    parts = [PRELUDE]
    for i, (name, src) in enumerate(cases):
        parts.append(
            f"\n\ndef case_{i}():\n    BUDGET[0] = 0\n    try:\n{_indent(src)}"
            "    except BaseException as e:\n"
            "        if isinstance(e, KeyboardInterrupt):\n            raise\n\n\n"
            f"print('@ {name}', file=sys.stderr)\ncase_{i}()\n"
        )
    parts.append("\nprint('@ done', file=sys.stderr)\n")
    return "".join(parts)


if __name__ == "__main__":
    seed_arg = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    n_arg = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    sys.stdout.write(program(generate(seed_arg, n_arg)))
