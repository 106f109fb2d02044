# requires: COMPILER ERROR_MSG_DETAILED
# str() of SyntaxError and IndentationError built by hand, in every form CPython prints: no
# args (None), a message alone, (msg, (file, line, offset, text)) with the file's base name,
# a file or line left out when not a str or an int, more than two args; the attributes; and
# the str of one the compiler raised.


def show(tag, f):
    try:
        print(tag, repr(f()))
    except Exception as e:
        print(tag, type(e).__name__)


show(1, lambda: str(SyntaxError()))
show(2, lambda: str(SyntaxError("msg")))
show(3, lambda: str(SyntaxError("msg", ("f.py", 3, 4, "abc\n"))))
show(4, lambda: str(SyntaxError("msg", ("/a/b/f.py", 3, 4, "abc\n", 3, 6))))
show(5, lambda: str(SyntaxError("msg", ("f.py", None, 4, "abc\n"))))
show(6, lambda: str(SyntaxError("msg", (None, 3, 4, "abc\n"))))
show(7, lambda: str(SyntaxError("msg", (None, None, None, None))))
show(8, lambda: str(SyntaxError(5, ("f.py", 3, 4, "abc\n"))))
show(9, lambda: str(SyntaxError("msg", 1, 2)))
show(10, lambda: str(SyntaxError(None)))
show(11, lambda: str(IndentationError()))
show(12, lambda: str(IndentationError("bad", ("dir/g.py", 7, 1, "x"))))
show(13, lambda: str(SyntaxError("msg", ("f.py", "3", 4, "abc"))))
show(14, lambda: str(SyntaxError("msg", (b"f.py", 3, 4, "abc"))))
show(15, lambda: str(SyntaxError("msg", ("dir/", 3, 4, "abc"))))
for e in (SyntaxError(), SyntaxError("only"), SyntaxError("m", ("f.py", 3, 4, "abc\n"))):
    print(repr(e.msg), e.filename, e.lineno, e.offset, repr(e.text), e.args)
try:
    compile("x = )", "some/dir/src.py", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.filename, e.lineno, str(e).endswith("(src.py, line 1)"))
try:
    exec("if 1:\n  a\n    b")
except SyntaxError as e:
    print(type(e).__name__, e.lineno, str(e).endswith("(<string>, line 3)"))
