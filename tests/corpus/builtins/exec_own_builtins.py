# requires: COMPILER
# exec/eval globals with a __builtins__ of their own (a dict, a dict subclass or the builtins
# module), and globals without one (it is added).
import builtins


def show(tag, f):
    try:
        print(tag, repr(f()))
    except Exception as e:
        print(tag, type(e).__name__)


show(1, lambda: eval("len", {"__builtins__": {}}))
show(2, lambda: eval("abs(-2)", {"__builtins__": {"abs": lambda x: "own abs"}}))
show(3, lambda: exec("class A:\n    pass", {"__builtins__": {}}))
show(4, lambda: eval("len('ab')", {"__builtins__": builtins}))
g = {"__builtins__": {"len": lambda x: 99}}
exec("def f(s):\n    return len(s)", g)
show(5, lambda: g["f"]("a"))
show(6, lambda: len("abcd"))
fresh = {}
exec("r = len('xyz')", fresh)
show(7, lambda: (fresh["r"], "__builtins__" in fresh))
show(8, lambda: eval("max(3, 9)", {"__name__": "m"}))


# a dict subclass as __builtins__ is a dict of builtins too (its items; a name it lacks is a
# NameError)
class Own(dict):
    pass


show(9, lambda: eval("twice(4)", {"__builtins__": Own(twice=lambda x: 2 * x)}))
show(10, lambda: eval("len", {"__builtins__": Own()}))
g = {"__builtins__": Own(str=lambda x: "own str")}
exec("def h():\n    return str(1)", g)
show(11, lambda: g["h"]())
show(12, lambda: str(2))
