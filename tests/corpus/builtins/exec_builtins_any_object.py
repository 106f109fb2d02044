# requires: COMPILER BUILTIN_HELPERS FLOAT MODULE_MATH
# exec/eval globals whose __builtins__ is no dict: a module stands for its dict; any other
# object is subscripted at each builtin name, as CPython 3.11 does (None, an int, a str or a
# list: its TypeError at the first builtin name; a mapping: its items, a KeyError a NameError,
# another exception its own). The builtins behind the types' own methods stay the build's.
import math


def show(tag, f):
    try:
        print(tag, repr(f()))
    except Exception as e:
        print(tag, type(e).__name__, e)


for bad in (None, 5, "abc", [1], (2,)):
    show("bad", lambda bad=bad: exec("z = len('a')", {"__builtins__": bad}))
    show("eval", lambda bad=bad: eval("abs(-3)", {"__builtins__": bad}))
# only globals and constants: no builtin name is looked up, nothing fails
g = {"__builtins__": None}
exec("a = 1\nb = a * 6 + 1", g)
show("globals", lambda: g["b"])
# a function made there fails when it reaches a builtin name, not before
exec("def f(n):\n    if n:\n        return len('xy')\n    return -1", g)
show("f0", lambda: g["f"](0))
show("f1", lambda: g["f"](1))
# a module: its dict
show("module", lambda: eval("sqrt(16) + floor(2.5)", {"__builtins__": math}))
show("module missing", lambda: eval("len('a')", {"__builtins__": math}))


class Names:
    """A mapping of its own (no dict): __getitem__ only."""

    def __init__(self, **items):
        self.items = items
        self.asked = []

    def __getitem__(self, key):
        self.asked.append(key)
        if key == "boom":
            raise ValueError("no boom here")
        return self.items[key]


own = Names(print=print, len=lambda s: "own len")
exec("print(len('abc'))", {"__builtins__": own})
show("asked", lambda: own.asked)
show("missing", lambda: eval("max(1, 2)", {"__builtins__": own}))
show("other error", lambda: eval("boom", {"__builtins__": own}))
show("no class", lambda: exec("class A:\n    pass", {"__builtins__": own}))
# (import with builtins that are no dict is CPython's SystemError: not mimicked)
show("no import", lambda: exec("import math", {"__builtins__": {"print": print}}))
show("own import", lambda: exec("import math", {"__builtins__": {"__import__": lambda *a: 0}}))


# a dict subclass: its own __getitem__ and __missing__ answer (it is not a plain dict)
class Loud(dict):
    def __missing__(self, key):
        return "missing " + key


show("missing hook", lambda: eval("anything", {"__builtins__": Loud()}))


class Upper(dict):
    def __getitem__(self, key):
        return key.upper()


show("getitem hook", lambda: eval("name", {"__builtins__": Upper()}))
# the types' own methods call the build's builtins, whatever the globals say
g = {"__builtins__": {"print": print, "int": int, "float": float}}
for src in [
    "print(int.__pow__(2, 3, 5))",
    "print((2.5).__round__())",
    "print((7).__format__('3d'))",
    "print(2 ** 10)",
]:
    show(src, lambda src=src: exec(src, g))
show("round", lambda: exec("round(2.5)", g))
