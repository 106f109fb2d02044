# requires: COMPILER
# eval / exec / compile as third-party test suites use them
def show(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__)

show(lambda: eval("1+"))
show(lambda: eval(""))
show(lambda: eval("x = 1"))
show(lambda: exec("x = 1"))
show(lambda: eval("  1 + 1"))
show(lambda: eval("1 + 1\n"))
show(lambda: eval("\n1 + 1"))
show(lambda: compile("1 +", "<s>", "eval"))
show(lambda: compile("x = 1", "<s>", "eval"))
show(lambda: compile("x = 1", "<s>", "bogus"))
show(lambda: compile("a = 1; b = 2\n\n# end\n", "<s>", "single") is not None)
show(lambda: compile("if 1:\n  a = 1\n", "<s>", "single") is not None)
show(lambda: eval(compile("3 * 4", "<s>", "eval")))
show(lambda: exec(compile("3 * 4", "<s>", "eval")))
show(lambda: eval(compile("y = 3", "<s>", "exec")))
g = {}
exec("def f():\n    return z\nz = 5", g)
show(lambda: g["f"]())
show(lambda: sorted(k for k in g if k != "__builtins__"))
show(lambda: eval("undefined_name"))
show(lambda: eval("a + b", {"a": 1, "b": 2}))
show(lambda: eval("a", {}, {"a": 3}))
show(lambda: eval("len('abc')", {"__builtins__": {"len": len}}))
show(lambda: eval("__name__", {}))
show(lambda: eval("__name__", {"__name__": "m"}))
show(lambda: exec("import math\nr = math.floor(2.5)", g) or g["r"])
l = {}
exec("q = 7", None, l)
show(lambda: l)
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
show(lambda: eval("lambda: 1")())
show(lambda: exec("raise ValueError('x')"))
show(lambda: eval("1/0"))
show(lambda: compile("x", "<s>", "eval", dont_inherit=True) is not None)
show(lambda: compile("x", "<s>", "exec", 0, True, -1) is not None)
show(lambda: exec("global gg\ngg = 9") or gg)
show(lambda: eval("(yield)"))
show(lambda: exec("return 5"))
show(lambda: exec("break"))
show(lambda: exec("def f(:\n pass"))
show(lambda: exec("  x = 1"))
show(lambda: exec("if 1:\nx = 1"))
show(lambda: exec("x = 1\n  y = 2"))
try:
    eval("1 +\n2 +")
except SyntaxError as e:
    print("SE", e.lineno, e.filename)
try:
    compile("1 + * 2", "myfile.py", "eval")
except SyntaxError as e:
    print("SE3", e.filename, e.lineno)
