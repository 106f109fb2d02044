# requires: COMPILER COMPILER_ERROR_DETAIL
# str() of a SyntaxError reads its attributes as they are now (msg, filename, lineno stored
# over those of its args), as CPython: the file's base name when a str, the line when an int
# (not a bool).
e = SyntaxError("m")
e.filename = "/x/y.py"; print(str(e))
e.lineno = 4; print(str(e))
e.msg = 5; print(str(e))
e.filename = None; print(str(e))
e.lineno = True; print(str(e))
e = SyntaxError("m", ("f", 1, 2, "t"))
e.msg = None; print(str(e))
e = IndentationError("a", ("g.py", 2, 1, "x"))
e.filename = b"b.py"; print(str(e), e.args)
class S(SyntaxError):
    pass
s = S("q", ("h.py", 3, 1, "z")); s.lineno = 7; print(str(s))
try:
    compile("x = (", "dir/src.py", "exec")
except SyntaxError as err:
    print(str(err))
    err.lineno, err.filename = 12, "other.py"
    print(str(err), err.args[0])
