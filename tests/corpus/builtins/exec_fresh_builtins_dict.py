# requires: COMPILER BUILTIN_HELPERS GENERATORS
# exec/eval into globals without __builtins__ add the builtins module's dict (builtins.__dict__,
# a dict, as CPython 3.11), also from a function and for eval; a copy of that dict minus a name
# is builtins of its own; later runs in the same globals keep it.
import builtins


def show(tag, f):
    try:
        print(tag, repr(f()))
    except Exception as e:
        print(tag, type(e).__name__)


g = {}
exec("x = 1", g)
show(1, lambda: type(g["__builtins__"]).__name__)
show(2, lambda: g["__builtins__"] is builtins.__dict__)
show(3, lambda: sorted(k for k in g if k != "__builtins__"))
show(4, lambda: eval("isinstance(__builtins__, dict)", {}))
show(5, lambda: eval("__builtins__['len']('abc')", {}))
show(6, lambda: eval("__builtins__.get('abs') is abs", {}))
exec("y = len('ab') + x", g)
show(7, lambda: g["y"])
del g["__builtins__"]
show(8, lambda: g == {"x": 1, "y": 3})


def inner():
    d = {}
    eval("0", d)
    return d["__builtins__"] is builtins.__dict__


show(9, inner)
restricted = dict(builtins.__dict__)
del restricted["len"]
show(10, lambda: eval("len('a')", {"__builtins__": restricted}))
show(11, lambda: eval("abs(-5)", {"__builtins__": restricted}))
show(12, lambda: len("abcd"))
show(13, lambda: eval("min(4, 2)", {"__builtins__": builtins.__dict__}))
