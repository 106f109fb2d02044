# requires: COMPILER BUILTIN_HELPERS GENERATORS
# locals() in a function is one dict per call (CPython 3.11): exec without namespaces stores
# into it, the function's own variables are not changed, each locals() call refreshes it.
# (The variables are parameters: a .mpy names only those; test_compiler.py runs this program
# from source too, where every local has its name.)


def stores(a):
    exec("a = 2\nb = 3")
    print(a, sorted(locals().items()))


stores(1)


def refresh(x, snap=None):
    snap = locals()
    x = 2
    print(snap["x"], sorted(snap))
    locals()
    print(snap["x"], sorted(snap))
    del x
    locals()
    print(sorted(snap))
    print(snap is locals())


refresh(1)


def reads(p, q=5):
    exec("r = p + q")
    got = locals()["r"]
    print(eval("r"), got)
    try:
        print(r)  # noqa: F821 (not a local variable: a global name)
    except NameError:
        print("NameError")
    return got


print(reads(1))


def gen(y):
    yield sorted(locals().items())
    exec("z = 1")
    yield sorted(locals())


print(list(gen(5)))


def by_eval(n):
    try:
        eval("[n + i for i in range(2)]")  # a comprehension's scope does not see eval's locals
    except NameError:
        print("NameError")
    return eval("n * n"), eval("[i * 2 for i in range(n)]")


print(by_eval(4))
