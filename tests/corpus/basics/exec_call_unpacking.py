# requires: COMPILER
# Call forms and targets that Python 3.5/3.6 made valid, compiled from source by exec/eval:
# several * and ** unpackings, positionals after *, empty targets; the order arguments are
# evaluated in; what stays a SyntaxError.
def show(*args, **kwargs):
    return args, sorted(kwargs.items())


def noisy(x):
    print("eval", x)
    return x


env = {"f": show, "a": [1, 2], "b": (3,), "d": {"x": 1}, "e": {"y": 2}, "noisy": noisy}
for code in [
    "f(*a, *b)",
    "f(**d, **e)",
    "f(*a, 9)",
    "f(0, *a, 9, *b, k=1, **d)",
    "f(*a, *b, **d, **e)",
    "f(**d, k=5)",
    "f(*noisy([1]), kw=noisy(2))",
    "f(noisy(1), *noisy([2]), noisy(3), k=noisy(4), **noisy({'m': 5}))",
    "f(**d, 3)",
    "f(**d, *a)",
    "next(f(a for a in b)[0][0])",
    "f(*)",
]:
    try:
        print(code, "->", eval(code, env))
    except SyntaxError:
        print(code, "-> SyntaxError")

for code in ["() = []", "[] = ()", "del ()", "(a, ()) = (1, [])", "() = [1]"]:
    try:
        exec(code, env)
        print(code, "ok")
    except (SyntaxError, ValueError) as err:
        print(code, type(err).__name__)

print(repr(IndexError("foo")), repr(IndexError("foo", 2)), repr(IndexError()))
print(env["a"], eval("f(*b, *[a], **{\"z\": a})", env))
