# ruff: noqa  (a program for the firmware, written for it: not linted as the tools are)
# Recursion through every builtin that calls back into Python hits the stack or recursion
# limit at every depth "from the inside": the recursion goes [pad] levels through one kind
# (a builtin calling back) and then on through another until the limit, so across the pads
# the limit strikes at every point of the second kind's C path. Each must end in
# RecursionError (or another Python exception), and the VM must stay usable: the objects
# involved are checked after each, and "ok" is printed at the end.
# Usage (firmware): recursion_depths.mpy [PADS] [STEP]
import json
import re
import sys

state = [0, None, None, 0]  # level, padding kind, kind, pads


def rec(*args, **kw):
    state[0] += 1
    kind = state[1] if state[0] <= state[3] else state[2]
    kind()
    return "x"


class R:
    def __repr__(self):
        return rec()


class S:
    def __str__(self):
        return rec()


class E:
    def __eq__(self, other):
        return rec()

    __hash__ = None


class H:
    def __hash__(self):
        rec()
        return 1


class L:
    def __len__(self):
        rec()
        return 1


class I:
    def __iter__(self):
        rec()
        return iter(())


class N:
    def __iter__(self):
        return self

    def __next__(self):
        rec()
        raise StopIteration


class G:
    def __getattr__(self, name):
        return rec()


class GI:
    def __getitem__(self, i):
        return rec()


class X:
    def __index__(self):
        rec()
        return 0


class F:
    def __format__(self, spec):
        return rec()


class B:
    def __bool__(self):
        rec()
        return True


class C:
    def __contains__(self, v):
        rec()
        return True


class Call:
    def __call__(self):
        return rec()


class Lt:
    def __lt__(self, other):
        rec()
        return True


class P:
    @property
    def p(self):
        return rec()


class Base:
    def __init_subclass__(cls, **kw):
        rec()


class Meta(type):
    def __new__(mcls, name, bases, ns):
        rec()
        return type.__new__(mcls, name, bases, ns)


def inner():
    rec()
    yield 1


def outer():
    yield from inner()


lst = [3, 1, 2]
KINDS = {
    "call": lambda: rec(),
    "sorted_key": lambda: sorted(lst, key=rec),
    "sort_key": lambda: [2, 1].sort(key=rec),
    "map": lambda: list(map(rec, lst)),
    "filter": lambda: list(filter(rec, lst)),
    "min_key": lambda: min(lst, key=rec),
    "repr": lambda: repr(R()),
    "repr_list": lambda: repr([1, [R()]]),
    "str": lambda: str(S()),
    "print": lambda: print(S(), end=""),
    "eq": lambda: [E()] == [E()],
    "hash": lambda: hash(H()),
    "dict_key": lambda: {H(): 1},
    "set_add": lambda: set([H()]),
    "len": lambda: len(L()),
    "iter": lambda: list(I()),
    "next": lambda: list(N()),
    "tuple_next": lambda: tuple(N()),
    "join": lambda: "".join(N()),
    "getattr": lambda: G().x,
    "getattr_builtin": lambda: getattr(G(), "y", None),
    "getitem": lambda: GI()[0],
    "index": lambda: lst[X()],
    "range_index": lambda: range(X()),
    "format": lambda: format(F(), ""),
    "fstring": lambda: f"{F()}",
    "bool": lambda: bool(B()),
    "if": lambda: 1 if B() else 0,
    "contains": lambda: 1 in C(),
    "callable_obj": lambda: Call()(),
    "lt_sort": lambda: sorted([Lt(), Lt()]),
    "property": lambda: P().p,
    "json_default": lambda: json.dumps(object(), default=rec),
    "re_sub": lambda: re.sub("a", rec, "aa"),
    "yield_from": lambda: next(outer()),
    "genexpr": lambda: sum(rec() and 1 for _ in lst),
    "init_subclass": lambda: type("K", (Base,), {}),
    "class_stmt": lambda: Meta("M", (), {}),
    "exec": lambda: exec("rec()", {"rec": rec}),
}
NAMES = sorted(KINDS)
PADS = int(sys.argv[1]) if len(sys.argv) > 1 else 24
STEP = int(sys.argv[2]) if len(sys.argv) > 2 else 1
PADDING = ("call", "repr", "sorted_key", "getitem")

outcomes = {}
for name in NAMES:
    for pad_kind in PADDING:
        for pad in range(0, PADS, STEP):
            state[0] = 0
            state[1] = KINDS[pad_kind]
            state[2] = KINDS[name]
            state[3] = pad
            try:
                rec()
                what = "returned"
            except RecursionError:
                what = "RecursionError"
            except RuntimeError:
                what = "RuntimeError"
            except Exception as e:
                what = type(e).__name__
            outcomes[(name, what)] = outcomes.get((name, what), 0) + 1
            # the VM goes on, and so do the objects the recursion went through
            if lst != [3, 1, 2] or sorted(lst) != [1, 2, 3]:
                raise SystemExit("list changed: %r" % (lst,))
for name, what in sorted(outcomes):
    print(name, what)
check = [repr([i, str(i)]) for i in range(50)]
print("ok" if len("".join(check)) > 100 else "broken")
