# requires: COMPILER BUILTIN_HELPERS GENERATORS CLASS_DICT|CLASS_ADVANCED
# The namespaces exec and eval run in: an instance's __dict__ as globals, a dict subclass,
# locals that are any mapping (only __getitem__, or a dict subclass), bad namespaces.


def show(tag, f):
    try:
        print(tag, repr(f()))
    except Exception as e:
        print(tag, type(e).__name__)


class Obj:
    pass


o = Obj()
o.a = 10
exec("b = a * 2\ndef get():\n    return b + 1\nc = get()", o.__dict__)
print(o.b, o.c, sorted(k for k in o.__dict__ if not k.startswith("__")))
exec("del a", o.__dict__)
print(hasattr(o, "a"))
try:
    exec("d = 4\nraise ValueError", o.__dict__)
except ValueError:
    print("ValueError, d =", o.d)


class NS(dict):
    pass


ns = NS(x=3)
exec("y = x + 1", ns)
print(ns["y"], type(ns).__name__)
show(1, lambda: eval("x * y", NS(x=2, y=5)))


class Cells:
    def __init__(self):
        self.stored = {}

    def __getitem__(self, key):
        if key.startswith("c"):
            return int(key[1:]) * 10
        if key in self.stored:
            return self.stored[key]
        raise KeyError(key)

    def __setitem__(self, key, value):
        self.stored[key] = value

    def __delitem__(self, key):
        del self.stored[key]


cells = Cells()
show(2, lambda: eval("c1 + c20", {}, cells))
show(3, lambda: eval("len('ab') + c3", {}, cells))
show(4, lambda: eval("missing", {}, cells))
show(5, lambda: eval("gl", {"gl": 7}, cells))
exec("v = c2 + 1\nw = v * 2", {}, cells)
print(sorted(cells.stored.items()))
exec("del v", {}, cells)
print(sorted(cells.stored.items()))
show(6, lambda: exec("del nothing", {}, cells))
show(7, lambda: eval("locals() is cells", {"cells": cells}, cells))


class Loud(dict):
    def __getitem__(self, key):
        return "loud-" + key


show(8, lambda: eval("anything", {}, Loud()))
show(9, lambda: eval("1", {}, 5))
show(10, lambda: eval("x", {"x": 1}, [1]))
show(11, lambda: exec("x = 1", [1]))
show(12, lambda: exec("x = 1", "abc"))
show(13, lambda: exec("x = 1", None, 123))
show(14, lambda: eval("x", {"x": 1}, None))
g = {}
exec("pass", g)
show(15, lambda: "__builtins__" in g)
show(16, lambda: exec("import sys as s2\nfrom sys import maxsize", {}, cells) or sorted(cells.stored))
show(17, lambda: eval("dir()", {}, o.__dict__))
show(18, lambda: eval("dir()", {}, cells))


class Keyed(Cells):
    def keys(self):
        return ["k2", "k1"]


show(19, lambda: eval("dir()", {}, Keyed()))
