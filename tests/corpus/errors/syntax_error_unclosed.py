# requires: COMPILER COMPILER_ERROR_DETAIL
# SyntaxError for input ending inside brackets: CPython's message names the innermost open
# bracket, at its line and column.


def report(src):
    try:
        compile(src, "unclosed.py", "exec")
        print("compiled")
    except SyntaxError as e:
        print(repr(src), "|", e.msg, e.lineno, e.offset, e.filename)


report("(1,\n[2")
report("[1,\n(2,\n")
report("x = {1:\n")
report("f(a, [\n b")
report("(")
report("x = (1 +\n 2\n")
report("s = '(' + (\n  ')' # (\n")
report("t = ([\n], {\n  1: (2,\n")
report("ok = [1, 2]\nz = (3,\n")
report("y = 1\n")
