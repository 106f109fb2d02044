# requires: BUILTIN_HELPERS
# A program may replace builtins.__import__: import statements then call it with the
# module name, the importing globals, the from-list and the relative level; the original
# function still imports normally. Putting it back restores normal imports.
import builtins

real_import = builtins.__import__
seen = []


def tracing_import(name, globs=None, locs=None, fromlist=None, level=0):
    if not name.startswith("_"):  # (CPython's own start-up imports go through it too)
        seen.append((name, fromlist, level, globs is globals()))
    return real_import(name, globs, locs, fromlist, level)


def fake_import(name, globs=None, locs=None, fromlist=None, level=0):
    class Fake:
        tag = "fake " + name

    return Fake


builtins.__import__ = tracing_import
import helper_pkg
from helper_pkg import part
from helper_pkg.part import VALUE, twice

print(helper_pkg.NAME, part.VALUE, VALUE, twice(4))

builtins.__import__ = fake_import
import anything_at_all
from whatever import tag

print(anything_at_all.tag, tag)

builtins.__import__ = real_import
import helper_pkg as again

print(again is helper_pkg)
for entry in seen:
    print(entry)
print(len(seen))
