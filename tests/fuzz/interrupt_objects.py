# ruff: noqa  (a program for the firmware, written for it: not linted as the tools are)
# Objects a builtin was working on when a Ctrl-C (KeyboardInterrupt) came in a callback of
# its (tests/test_fault_inject.py: MPF_FAULT_INTERRUPT at each poll check), caught and used
# on: consistent (an inconsistency raises Inconsistent). Without a fault it prints "ok 9".
import heapq
import json
import re
from collections import OrderedDict, deque


class Inconsistent(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Inconsistent(what)


def spin(x):
    t = 0
    for i in range(3):
        t += i
    return x


def gen(n):
    for i in range(n):
        spin(i)
        yield i


def attempt(f, *a):
    try:
        f(*a)
    except KeyboardInterrupt:
        pass


orig = [5, 3, 9, 1, 7, 2, 8, 6, 4, 0] * 3
lst = orig[:]
attempt(lambda: lst.sort(key=spin))
check(sorted(lst) == sorted(orig) and len(lst) == 30, "list.sort")
lst2 = orig[:]
attempt(lambda: lst2.sort(key=lambda x: -spin(x), reverse=True))
check(sorted(lst2) == sorted(orig), "list.sort reverse")
s = None
try:
    s = sorted(orig, key=spin)
except KeyboardInterrupt:
    pass
check(s is None or s == sorted(orig), "sorted")
l3 = [1, 2]
attempt(lambda: l3.extend(gen(20)))
check(l3[:2] == [1, 2] and l3[2:] == list(range(len(l3) - 2)), "list.extend")
d = {}
attempt(lambda: d.update((i, spin(i)) for i in range(20)))
check(all(d[k] == k for k in d) and list(d) == list(range(len(d))), "dict.update")
st = set()
attempt(lambda: st.update(gen(20)))
check(st == set(range(len(st))), "set.update")
dq = deque()
attempt(lambda: dq.extend(gen(20)))
check(list(dq) == list(range(len(dq))), "deque.extend")
ba = bytearray(b"ab")
attempt(lambda: ba.extend(gen(20)))
check(ba[:2] == b"ab" and list(ba[2:]) == list(range(len(ba) - 2)), "bytearray.extend")
joined = []
attempt(lambda: joined.append("-".join(str(x) for x in gen(20))))
check(joined in ([], ["-".join(str(i) for i in range(20))]), "str.join")
h = []


class Lt:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        spin(0)
        return self.v < other.v


objs = [Lt(v) for v in orig]
attempt(lambda: objs.sort())
check(
    sorted(o.v for o in objs) == sorted(orig) and len(set(map(id, objs))) == 30,
    "list.sort of objects",
)
objs2 = None
try:
    objs2 = sorted(objs, reverse=True)
except KeyboardInterrupt:
    pass
check(objs2 is None or [o.v for o in objs2] == sorted(orig, reverse=True), "sorted objects")
check(sorted(o.v for o in objs) == sorted(orig), "list after sorted")


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        spin(0)
        return self.v % 3

    def __eq__(self, other):
        spin(0)
        return self.v == other.v


dk = {}
for v in range(20):
    attempt(lambda: dk.__setitem__(K(v), v))
check(all(dk[k] == k.v for k in list(dk)), "dict of objects")
check(len(dk) == len(list(dk.items())), "dict of objects len")
for v in orig:
    attempt(lambda: heapq.heappush(h, Lt(v)))
try:
    out = []
    while h:
        out.append(heapq.heappop(h).v)
    # (an interrupted sift may leave the order off, as in CPython; never an item lost or doubled)
    rest_items = sorted(orig)
    for v in out:
        check(v in rest_items, "heap item")
        rest_items.remove(v)
    check(len(rest_items) <= 1, "heap items")
except KeyboardInterrupt:
    pass
js = None
try:
    js = json.dumps([1, {"a": object()}], default=lambda o: spin(7))
except KeyboardInterrupt:
    pass
check(js is None or json.loads(js) == [1, {"a": 7}], "json.dumps")
r = None
try:
    r = re.sub(r"\d", lambda m: str(spin(int(m.group(0))) + 1), "a1b2c3")
except KeyboardInterrupt:
    pass
check(r is None or r == "a2b3c4", "re.sub")
od = OrderedDict()
attempt(lambda: od.update((str(i), spin(i)) for i in range(15)))
check(list(od.values()) == list(range(len(od))), "OrderedDict")


class Base:
    subs = []

    def __init_subclass__(cls):
        spin(0)
        Base.subs.append(cls.__name__)


for i in range(3):
    try:
        type("K%d" % i, (Base,), {"x": i})
    except KeyboardInterrupt:
        pass
check(all(n.startswith("K") for n in Base.subs), "subclasses")
g = gen(10)
got = []
try:
    for x in g:
        got.append(x)
except KeyboardInterrupt:
    pass
rest = []
try:
    rest = list(g)
except KeyboardInterrupt:
    pass
check(got == list(range(len(got))), "generator")
check(not rest or rest == list(range(rest[0], rest[0] + len(rest))), "generator rest")
m = max(range(10), key=spin)
print("ok", m)
