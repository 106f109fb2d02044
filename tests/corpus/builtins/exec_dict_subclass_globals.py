# requires: COMPILER MODULE_SYS
# A dict subclass given to eval/exec as globals alone is the code's namespace itself (CPython
# reads and writes its module-level names through it): its __getitem__, __setitem__ and
# __missing__ serve them. (Names a function defined there reads go to the dict directly.)


class Computed(dict):
    def __getitem__(self, k):
        if k == "magic":
            return 42
        return dict.__getitem__(self, k)


class Doubling(dict):
    def __setitem__(self, k, v):
        dict.__setitem__(self, k, v * 2 if isinstance(v, int) else v)


class Default(dict):
    def __missing__(self, k):
        if k == "late":
            return "filled"
        raise KeyError(k)


d = Computed(a=1)
print(eval("magic", d), eval("a", d), eval("magic + a", d))
exec("b = magic", d)
print(d["b"])
try:
    eval("nothere", d)
except NameError:
    print("NameError")
exec("del b", d)
print("b" in d)
exec("import sys as m", d)
print(type(d["m"]).__name__)
print(type(eval("locals()", d)).__name__)

s = Doubling()
exec("x = 5\ny = x + 1\nfor i in range(2): pass", s)
print(s["x"], s["y"], s["i"])
exec("def f():\n    return x\nz = f()", s)
print(s["z"])

e = Default()
print(eval("late", e), eval("len('ab')", e))
try:
    eval("other", e)
except NameError:
    print("NameError")
# given as locals too, or with other locals: those serve the names first
print(eval("magic", {}, Computed()), eval("magic", Computed(), {"magic": 7}))
# globals() in that code is the object given (also in an exec/eval inside it)
g = Computed(q=3)
g["g"] = g
print(eval("globals() is g", g), eval("type(globals()).__name__", g))
exec("inner = eval('globals()')", g)
print(g["inner"] is g, eval("globals()['q']", g))
