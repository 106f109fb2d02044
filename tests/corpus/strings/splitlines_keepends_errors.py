# requires: STR_METHODS_MORE BUILTIN_BYTEARRAY FLOAT INT_BIG_MPZ|INT_BIG_LONGLONG
# splitlines() of str, bytes and bytearray: keepends an int or a bool that fits a C int (by
# position or keyword), CPython's TypeError and OverflowError texts otherwise.
def show(tag, f):
    try:
        print(tag, repr(f()))
    except Exception as e:
        print(tag, type(e).__name__, e)
for o in ("a\nb", b"a\nb", bytearray(b"a\nb")):
    t = type(o).__name__
    for args, kw in [((), {}), ((1,), {}), ((True,), {}), ((0,), {}), ((2,), {}), ((-1,), {}), ((2**70,), {}), (("x",), {}), ((None,), {}), ((1.5,), {}), (([],), {}), ((1, 2), {}), ((), {"keepends": 1}), ((), {"keepends": None}), ((), {"keepends": "x"}), ((), {"foo": 1}), ((1,), {"keepends": 1}), ((), {"keepends": 1, "x": 2})]:
        show((t, args, kw), lambda: o.splitlines(*args, **kw))
    show((t, "unbound none"), lambda: type(o).splitlines())
    show((t, "unbound int"), lambda: type(o).splitlines(5))
    show((t, "unbound other"), lambda: type(o).splitlines("s" if t != "str" else b"s"))
