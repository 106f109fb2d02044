# requires: COMPILER COMPILER_ERROR_DETAIL
# compile()'s argument checks (flags must be an int CPython knows; the mode; the optimize
# level; the file name), 'single' mode given nothing to run (blank lines, a comment: SyntaxError), and the
# attributes of a SyntaxError made by hand from a 4- or 6-item location (end_lineno and
# end_offset, None when not given, as CPython 3.11).


def show(label, f):
    try:
        r = f()
        print(label, "ok", r if r is None or isinstance(r, (int, str)) else type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__)


show("flags int", lambda: compile("x", "f", "exec", 0))
show("flags kw", lambda: compile("x", "f", "exec", flags=0, dont_inherit=True))
show("flags str", lambda: compile("x", "f", "exec", "0"))
show("flags bytes", lambda: compile("x", "f", "exec", b"1"))
show("flags None", lambda: compile("x", "f", "exec", None))
show("flags kw str", lambda: compile("x", "f", "exec", flags=[]))
# the flags CPython knows pass (future features, PyCF_ALLOW_TOP_LEVEL_AWAIT, ...), others are
# a ValueError
for flags in [0x10, 0x200, 0x2000, 0x4000, 0x20000, 0x1000000, 0x1FE6210, 0xFF, 0x1, 0x8000, 0x2000000, -1]:
    show(("flags", flags), lambda: compile("x", "f", "exec", flags) and None)
show("optimize 4", lambda: compile("x", "f", "exec", optimize=4))
for o in (0, 1, 2, 3, True, 2**40, "x", None):
    show(("optimize", o), lambda: compile("x", "f", "exec", optimize=o) and None)
for d in (0, 1, True, "x", None, 2**40):
    show(("dont_inherit", d), lambda: compile("x", "f", "exec", dont_inherit=d) and None)
show("flags big", lambda: compile("x", "f", "exec", 2**40))
show("optimize -1", lambda: compile("x", "f", "exec", optimize=-1))
show("optimize -2", lambda: compile("x", "f", "exec", 0, False, -2))
show("mode int", lambda: compile("x", "f", 0))
show("mode bad", lambda: compile("x", "f", "run"))
show("filename int", lambda: compile("x", 3, "exec"))
show("no mode", lambda: compile("x", "f"))
show("source int", lambda: compile(3, "f", "exec"))
for src in ["", "\n", "\n\n", "# only a comment\n", "  \n", "pass", "x = 1\n", "1 + 1\n\n"]:
    show(("single", src), lambda: compile(src, "f", "single") and None)
    show(("exec", src), lambda: compile(src, "f", "exec") and None)
for args in [
    ("m", ("f", 1, 2, "t")),
    ("m", ("f", 3, 4, "text", 3, 9)),
    ("m", ("f", 1, 2, None, 2, 0)),
    ("only msg",),
    (),
]:
    e = SyntaxError(*args)
    print(args, e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
    if len(args) == 2:
        print(str(e))
try:
    raise SyntaxError("bad", ("mod.py", 7, 3, "x = = 1\n", 7, 6))
except SyntaxError as e:
    print(e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text), str(e))
try:
    compile("a = (1,\n", "g.py", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.filename, e.lineno, e.offset, e.text.rstrip("\n"))
