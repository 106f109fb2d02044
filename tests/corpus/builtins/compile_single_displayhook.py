# requires: COMPILER BUILTIN_HELPERS
# Code compiled in mode 'single' shows each expression statement's value as CPython's
# sys.displayhook does: its repr printed unless it is None, and kept as builtins._ (the
# REPL's own _); an assignment or a None shows nothing and leaves _; a global _ hides it.
import builtins


def show(tag, f):
    try:
        print(tag, repr(f()))
    except Exception as e:
        print(tag, type(e).__name__)


show("before", lambda: _)
show("attr before", lambda: hasattr(builtins, "_"))
exec(compile("1+1", "<s>", "single"))
show("after", lambda: (_, builtins._))
exec(compile("None", "<s>", "single"))
show("None leaves it", lambda: builtins._)
exec(compile("x = 5", "<s>", "single"))
show("assignment leaves it", lambda: _)
exec(compile("'abc'", "<s>", "single"))
show("str", lambda: builtins._)
exec(compile("[1, 2]; 3 * 3", "<s>", "single"))
show("two statements", lambda: _)
g = {}
exec(compile("y = 4", "<s>", "single"), g)
exec(compile("y * 10", "<s>", "single"), g)
show("globals", lambda: (builtins._, "_" in g))


def f():
    exec(compile("(7, 6)", "<s>", "single"))
    return _


show("from a function", f)
builtins._ = "stored"
show("a store", lambda: _)
exec(compile("'shown'", "<s>", "single"))
show("shown after a store", lambda: builtins._)
_ = "mine"
exec(compile("12", "<s>", "single"))
show("a global _ hides it", lambda: (_, builtins._))
