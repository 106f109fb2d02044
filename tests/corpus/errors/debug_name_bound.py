# requires: COMPILER COMPILER_ERROR_DETAIL
# Binding the name __debug__ is CPython's SyntaxError "cannot assign to __debug__" however a
# statement binds it (def, class, a parameter of each kind, import, except ... as, an attribute
# target, an annotation), at the statement's line and column; reading it, deleting an
# attribute of that name and `global __debug__` are not errors.


def check(src):
    try:
        compile(src, "f.py", "exec")
        print("ok:", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, repr(src))


for src in [
    "def f(__debug__): pass",
    "def f(a, __debug__=1): pass",
    "def f(*__debug__): pass",
    "def f(**__debug__): pass",
    "def f(*, a, __debug__): pass",
    "def __debug__(): pass",
    "class __debug__: pass",
    "class C:\n  def __debug__(self): pass",
    "if 1:\n  def f(__debug__): pass",
    "x = lambda __debug__=1: 0",
    "import __debug__",
    "import __debug__.a",
    "import a.__debug__",
    "import a as __debug__, b",
    "import b, __debug__",
    "from . import __debug__",
    "from m import x as __debug__",
    "from m import (a, __debug__)",
    "try: pass\nexcept E as __debug__: pass",
    "try: pass\nexcept E as e: pass\nexcept: pass",
    "__debug__ = 1",
    "__debug__ += 1",
    "__debug__: int",
    "del __debug__",
    "x.__debug__ = 1",
    "a.b.__debug__ = 1",
    "if 1:\n  x.y.__debug__ = 1",
    "for x.__debug__ in y: pass",
    "x.__debug__, y = 1, 2",
    "del x.__debug__",
    "x.__debug__ += 1",
    "def f(): global __debug__",
    "x: int = __debug__",
    "print(__debug__, x.__debug__)",
]:
    check(src)
