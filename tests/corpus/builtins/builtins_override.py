# requires: BUILTIN_HELPERS MODULE_GC MODULE_SYS
# Storing into the builtins module changes what a builtin name means everywhere
# (functions defined before the change included); a global of the same name still wins.
import builtins

orig_abs, orig_len, orig_min = abs, len, min


def f(x):
    return abs(x), len([x])


print(f(-3))
builtins.abs = lambda x: ('abs', x)
builtins.len = lambda x: 99
print(f(-3), abs(-1))
builtins.answer = 42
print(answer, getattr(builtins, 'answer'))  # noqa: F821
builtins.abs, builtins.len = orig_abs, orig_len
print(f(-3))


def g():
    min = lambda *a: 'global wins'  # noqa: E731
    return min(1, 2)


builtins.min = lambda *a: 'override'
print(g(), min(3, 4))
builtins.min = orig_min
print(min(3, 4))

# __build_class__: a replacement that wraps the original sees every class statement
orig_build_class = builtins.__build_class__
seen = []


def tracing_build_class(body, name, *bases, **kw):
    seen.append(name)
    return orig_build_class(body, name, *bases, **kw)


builtins.__build_class__ = tracing_build_class


class A:
    x = 1


class B(A):
    pass


builtins.__build_class__ = orig_build_class


class C:
    pass


print(seen, B.x, B.__name__, C.__name__)

# __import__: every import statement goes through the replacement
orig_import = builtins.__import__
calls = []


def logging_import(name, globals=None, locals=None, fromlist=(), level=0):
    calls.append((name, fromlist, level))
    return orig_import(name, globals, locals, fromlist, level)


builtins.__import__ = logging_import
import sys  # noqa: E402
from sys import maxsize  # noqa: E402
builtins.__import__ = orig_import
import gc  # noqa: E402, F401
print(calls, sys.maxsize == maxsize)
