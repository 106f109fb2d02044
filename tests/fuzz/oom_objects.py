# ruff: noqa  (a program for the firmware, written for it: not linted as the tools are)
# Objects whose growth failed with MemoryError must stay consistent. Run under fault
# injection (tests/fuzz/inject.py, tests/test_fault_inject.py): wherever the one failing
# allocation lands inside a `try`, the program catches the MemoryError and goes on using the
# object whose operation failed (reads, iterates, reprs, compares and mutates it), and every
# check must hold; an inconsistency raises Inconsistent. (Without a fault it prints "ok".)

from collections import OrderedDict, deque

import array
import json
import re


class Inconsistent(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Inconsistent(what)


def attempt(f, *args):
    try:
        f(*args)
        return True
    except MemoryError:
        return False


# ---- list
def grow_list(lst):
    for i in range(len(lst), 120):
        lst.append(i)
    lst.extend(range(120, 160))
    lst += list(range(160, 200))
    lst[10:10] = []


lst = []
attempt(grow_list, lst)
check(lst == list(range(len(lst))), "list after append/extend")
check(repr(lst) == "[" + ", ".join(str(i) for i in range(len(lst))) + "]", "list repr")
lst.reverse()
lst.sort()
check(lst == list(range(len(lst))), "list sort")
lst2 = [3, 1, 2]
attempt(lambda: lst2.__setitem__(slice(1, 2), list(range(100))))
check(len(lst2) in (3, 102) and lst2[0] == 3 and lst2[-1] == 2, "list slice assignment")
check(sorted(lst2) == sorted(list(lst2)), "list copy")
big = [5, 4, 3, 2, 1] * 20
attempt(big.sort)
check(sorted(big) == [1] * 20 + [2] * 20 + [3] * 20 + [4] * 20 + [5] * 20, "list after failed sort")
check(len(big) == 100 and big.count(3) == 20, "list after failed sort keeps its items")
big2 = [str(i) for i in range(60)]
attempt(lambda: big2.sort(key=lambda s: (len(s), s)))
check(sorted(big2, key=int) == [str(i) for i in range(60)], "list after failed keyed sort")
lst3 = [1, 2]
attempt(lambda: lst3.__imul__(50))
check(len(lst3) in (2, 100) and lst3[:2] == [1, 2], "list *=")
lst4 = list(range(10))
attempt(lambda: lst4.insert(0, -1))
check(lst4 in (list(range(10)), [-1] + list(range(10))), "list insert")

# ---- dict
d = {}


def grow_dict(d):
    for i in range(150):
        d[i] = str(i)
    for i in range(40):
        d["k" + str(i)] = i


attempt(grow_dict, d)
for k, v in d.items():
    if isinstance(k, int):
        check(v == str(k), "dict int item")
    else:
        check(k == "k" + str(v), "dict str item")
check(len(d) == len(list(d)) == len(list(d.values())), "dict len")
check(dict(d) == d and d.copy() == d, "dict copy")
for k in list(d)[::2]:
    del d[k]
d[-1] = "x"
check(d[-1] == "x", "dict mutation after failure")
d2 = {i: i for i in range(30)}
attempt(lambda: d2.update({i: -i for i in range(30, 90)}))
check(all(d2[k] == (k if k < 30 else -k) for k in d2), "dict update")
od = OrderedDict()
attempt(lambda: [od.__setitem__(i, i) for i in range(80)])
check(list(od) == list(range(len(od))), "OrderedDict order")
od.move_to_end(0) if 0 in od else None
check(repr(od).startswith("OrderedDict("), "OrderedDict repr")

# ---- set
s = set()
attempt(lambda: [s.add(i * 3) for i in range(150)])
check(all(x % 3 == 0 for x in s) and len(s) == len(list(s)), "set add")
check(sorted(s) == [i * 3 for i in range(len(s))], "set contents")
s2 = set(range(20))
attempt(lambda: s2.update(range(20, 200)))
check(sorted(s2) == list(range(len(s2))), "set update")
check(s2 == set(s2) and s2 | set() == s2, "set compare")
fs = None
try:
    fs = frozenset(range(100))
except MemoryError:
    pass
check(fs is None or len(fs) == 100, "frozenset")

# ---- str building
parts = []
txt = ""


def build_str():
    global txt
    for i in range(60):
        parts.append("%d;" % i)
        txt = txt + str(i) + ";"


attempt(build_str)
check("".join(parts) == "".join(str(i) + ";" for i in range(len(parts))), "str join")
check(txt == "".join(str(i) + ";" for i in range(txt.count(";"))), "str concat")
j = None
try:
    j = "-".join(str(i) for i in range(200))
except MemoryError:
    pass
check(j is None or j.split("-") == [str(i) for i in range(200)], "str join of a generator")
f = None
try:
    f = "{}:{:>5}:{!r}".format(1, "ab", [1, 2]) + f"{txt[:3]}{len(parts)}"
except MemoryError:
    pass
check(f is None or f.startswith("1:   ab:[1, 2]"), "str format")

# ---- bytearray / bytes / array
ba = bytearray()


def grow_ba():
    for i in range(200):
        ba.append(i & 0xFF)
    ba.extend(bytes(range(50)))
    ba[0:0] = b"\x00" * 0


attempt(grow_ba)
check(all(ba[i] == i & 0xFF for i in range(min(len(ba), 200))), "bytearray append")
check(bytes(ba) == ba and len(ba.hex()) == 2 * len(ba), "bytearray copy")
ba2 = bytearray(b"abc")
attempt(lambda: ba2.__iadd__(b"x" * 300))
check(ba2 == b"abc" or ba2 == b"abc" + b"x" * 300, "bytearray +=")
arr = array.array("i")
attempt(lambda: [arr.append(i) for i in range(150)])
check(list(arr) == list(range(len(arr))), "array append")
n_arr = len(arr)
attempt(lambda: arr.extend(range(1000)))
check(list(arr[n_arr:]) == list(range(len(arr) - n_arr)), "array extend")

# ---- deque
dq = deque((), 50)
attempt(lambda: [dq.append(i) for i in range(120)])
check(
    list(dq) == list(range(120 - len(dq), 120)) or list(dq) == list(range(len(dq))), "deque append"
)
dq2 = deque()
attempt(lambda: [dq2.appendleft(i) for i in range(120)])
check(list(dq2) == list(range(len(dq2) - 1, -1, -1)), "deque appendleft")
check(len(dq2) == len(list(dq2)), "deque len")


# ---- classes and instances
class Base:
    def __init_subclass__(cls, **kw):
        cls.registered = True


made = []


def make_classes():
    for i in range(10):
        ns = {"m%d" % j: (lambda self, j=j: j) for j in range(8)}
        C = type("C%d" % i, (Base,), ns)
        made.append(C)


attempt(make_classes)
for C in made:
    c = C()
    check(c.m0() == 0 and c.m7() == 7 and C.registered, "class made")


class Obj:
    pass


o = Obj()


def grow_obj():
    for i in range(80):
        setattr(o, "a%d" % i, i)


attempt(grow_obj)
for k, v in o.__dict__.items():
    check(k == "a%d" % v, "instance dict")
check(all(getattr(o, "a%d" % i) == i for i in range(len(o.__dict__))), "instance attrs")
o.extra = 1
check(o.extra == 1, "instance after failure")


# ---- generators
def gen():
    acc = []
    for i in range(100):
        acc.append([i] * 3)
        yield i


g = gen()
got = []
try:
    for x in g:
        got.append(x)
except MemoryError:
    pass
check(got == list(range(len(got))), "generator values")
rest = []
try:
    rest = list(g)
except MemoryError:
    pass
# (the value whose append failed is lost; a failure inside the generator finishes it)
check(
    rest == list(range(rest[0], rest[0] + len(rest))) if rest else True, "generator after failure"
)
check(not rest or rest[0] in (len(got), len(got) + 1), "generator resumes where it was")


def outer():
    yield from gen()


g2 = outer()
n = 0
try:
    for x in g2:
        check(x == n, "yield from order")
        n += 1
except MemoryError:
    pass
try:
    next(g2)
except (StopIteration, MemoryError):
    pass

# ---- compile / exec, json, re
ns = {}
for i in range(6):
    try:
        exec("def f%d(a, b=%d):\n    return [a, b, {'k': a}]\nr%d = f%d(%d)" % (i, i, i, i, i), ns)
    except MemoryError:
        pass
for i in range(6):
    if "r%d" % i in ns:
        check(ns["r%d" % i] == [i, i, {"k": i}], "exec result")
try:
    code = compile("x = [i * 2 for i in range(5)]\nclass K:\n    y = x[:]\n", "<s>", "exec")
    ns2 = {}
    exec(code, ns2)
    check(ns2["K"].y == [0, 2, 4, 6, 8], "compiled class")
except MemoryError:
    pass
data = {"a": [1, 2, {"b": "c" * 20}], "d": list(range(30))}
try:
    check(json.loads(json.dumps(data)) == data, "json round trip")
except MemoryError:
    pass
try:
    rx = re.compile(r"(\d+)-(\w+)")
    m = rx.search("xx 12-ab yy")
    check(m is None or m.group(2) == "ab", "re search")
    check(rx.sub(lambda m: m.group(2), "1-a 2-b") == "a b", "re sub")
except MemoryError:
    pass

# ---- the heap is still usable
check(sum(len(str(i)) for i in range(300)) == 790, "heap usable")
print("ok")
