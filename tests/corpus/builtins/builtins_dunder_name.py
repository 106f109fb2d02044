# requires: COMPILER BUILTIN_HELPERS
# __builtins__ names the builtins module from module code, functions, class bodies and
# eval/exec code (as in CPython's __main__); a global of that name hides it, and eval/exec
# globals holding their own __builtins__ see theirs.
import builtins


def show(tag, f):
    try:
        print(tag, repr(f()))
    except Exception as e:
        print(tag, type(e).__name__)


show(1, lambda: __builtins__ is builtins)
show(2, lambda: __builtins__.__name__)
show(3, lambda: __builtins__.len("abc"))
show(4, lambda: hasattr(__builtins__, "print"))


def f():
    return __builtins__.abs(-4)


show(5, f)


class C:
    b = __builtins__.__name__


show(6, lambda: C.b)
show(7, lambda: eval("__builtins__ is builtins"))
show(8, lambda: eval("__builtins__", {"__builtins__": {"own": 1}}))
__builtins__ = "shadowed"
show(10, lambda: __builtins__)
