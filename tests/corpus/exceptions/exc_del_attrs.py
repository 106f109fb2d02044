# requires: EXC_ATTRS EXC_CHAINING ERROR_MSG_DETAILED BUILTIN_HELPERS
# del of an exception's args, __traceback__, __cause__, __context__ and __suppress_context__
# is CPython's TypeError; an attribute stored on an exception can be deleted; a missing one
# is an AttributeError.


def try_del(e, name):
    try:
        delattr(e, name)
        print(name, "deleted")
    except (TypeError, AttributeError) as x:
        print(name, type(x).__name__, x)


e = ValueError(1, 2)
for name in ("args", "__traceback__", "__cause__", "__context__", "__suppress_context__", "missing"):
    try_del(e, name)
print(e.args)
e.note = "kept"
print(e.note)
try_del(e, "note")
print(hasattr(e, "note"))
try_del(e, "note")
try:
    raise KeyError("k")
except KeyError as k:
    try_del(k, "__traceback__")
    k.extra = 5
    del k.extra
    print(hasattr(k, "extra"))
