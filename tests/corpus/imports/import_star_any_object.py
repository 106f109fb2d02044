# requires: MODULE_SYS
# `from m import *` when sys.modules holds something other than a module.
import sys


class C:
    a = 1
    _hidden = 2


class WithAll:
    __all__ = ["x"]
    x = 5
    y = 6


class BadAll:
    __all__ = ["x", 1]
    x = 5


for value in [C, C(), WithAll, BadAll, 1, [1], "text", None]:
    sys.modules["m"] = value
    try:
        from m import *
        print(type(value).__name__, "ok")
    except ImportError:
        print(type(value).__name__, "ImportError")
    except TypeError:
        print(type(value).__name__, "TypeError")
print(a, x)
sys.modules["m"] = 1
try:
    import m.sub
except ImportError:
    print("ImportError for m.sub")
del sys.modules["m"]
