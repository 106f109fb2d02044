# requires: COMPILER COMPILER_ERROR_DETAIL
# compile(src, f, "single") takes one statement (a line of several, a; b, is one), as CPython:
# more is a SyntaxError; exec of what it made prints an expression statement's value.


def single(src):
    try:
        code = compile(src, "<single>", "single")
    except SyntaxError as e:
        print(repr(src), "SyntaxError", e.msg)
        return
    print(repr(src), "compiled")
    exec(code, {})


for src in [
    "a = 1; b = 2",
    "a = 1\nb = 2",
    "a = 1\nb = 2\n",
    "a = 1\n\n\nb = 2",
    "1 + 1\n2 + 2\n",
    "x = 1\n\n",
    "x = 1\n# comment\n",
    "if 1:\n  pass\n\n",
    "\n\n7 * 6\n",
    "7 * 6; 5 * 5",
    "for i in range(2):\n    i\n",
]:
    single(src)
