# requires: COMPILER GENERATORS
# eval / exec / compile as third-party test suites use them: modes, globals/locals dicts,
# __builtins__, code objects, SyntaxError attributes, exec in a class body, against CPython.


def show(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__)


for src in ["1+", "", "x = 1", "  1 + 1", "1 + 1\n", "\n1 + 1", "undefined_name", "1/0", "(yield)"]:
    show(lambda: eval(src))
for src in ["x = 1", "raise ValueError('x')", "return 5", "break", "def f(:\n pass", "  x = 1"]:
    show(lambda: exec(src))
for src in ["if 1:\nx = 1", "x = 1\n  y = 2", "lambda: 1"]:
    show(lambda: exec(src))
for src, mode in [
    ("1 +", "eval"),
    ("x = 1", "eval"),
    ("x = 1", "bogus"),
    ("a = 1; b = 2\n\n# end\n", "single"),
    ("if 1:\n  a = 1\n", "single"),
]:
    show(lambda: compile(src, "<s>", mode) is not None)
show(lambda: eval(compile("3 * 4", "<s>", "eval")))
show(lambda: exec(compile("3 * 4", "<s>", "eval")))
show(lambda: eval(compile("y = 3", "<s>", "exec")))
show(lambda: eval("lambda: 1")())
show(lambda: compile("x", "<s>", "eval", dont_inherit=True) is not None)
show(lambda: compile("x", "<s>", "exec", 0, True, -1) is not None)
g = {}
exec("def f():\n    return z\nz = 5", g)
show(lambda: g["f"]())
show(lambda: sorted(k for k in g if k != "__builtins__"))
show(lambda: eval("a + b", {"a": 1, "b": 2}))
show(lambda: eval("a", {}, {"a": 3}))
show(lambda: eval("len('abc')", {"__builtins__": {"len": len}}))
show(lambda: eval("__name__", {}))
show(lambda: eval("__name__", {"__name__": "m"}))
show(lambda: exec("import math\nr = math.floor(2.5)", g) or g["r"])
loc = {}
exec("q = 7", None, loc)
show(lambda: loc)
show(lambda: eval("[x for x in range(3)]", {}))
show(lambda: eval("[k for x in range(3)]", {}, {"k": 1}))


class C:
    exec("attr = 42")


show(lambda: C.attr)
show(lambda: eval(b"1 + 2"))
show(lambda: exec(b"bb = 3", g) or g["bb"])
show(lambda: eval("1", None))
show(lambda: eval("1", 5))
show(lambda: exec(5))
show(lambda: exec("global gg\ngg = 9") or gg)
for src, mode in [("1 +\n2 +", "eval"), ("1 + * 2", "eval"), ("x = 1\nif x:", "exec")]:
    try:
        compile(src, "myfile.py", mode)
    except SyntaxError as e:
        print(type(e).__name__, e.filename, e.lineno)
