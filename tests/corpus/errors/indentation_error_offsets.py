# requires: COMPILER ERROR_MSG_DETAILED COMPILER_ERROR_DETAIL
# IndentationError and TabError positions as CPython 3.11 gives them: "unexpected indent" at
# the indent's width in bytes, "unindent does not match" just past the line's end (also a last
# line without a newline), a TabError at 1, "expected an indented block" (its text differs) left out.
cases = [
    "  x = 1\n",
    "\tx = 1\n",
    "x = 1\n      y = 2\n",
    "if 1:\n    x = 1\n  y = 2\n",
    "if 1:\n    x = 1\n  yy = 22 + 3\n",
    "if 1:\n        x = 1\n    y = 2",
    "if 1:\n    x = 1\n      y = 2\n",
    "if 1:\n\tx = 1\n        y = 2\n",
    "if 1:\n        x = 1\n\ty = 2\n",
    "def f():\n    if x:\n        pass\n   return\n",
]


def where(src):
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        return type(e).__name__, e.msg, e.lineno, e.offset, e.text
    return "compiled"


print([where(src) for src in cases])
