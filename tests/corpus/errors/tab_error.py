# requires: COMPILER ERROR_MSG_DETAILED
# TabError: indentation whose comparison with the enclosing levels depends on the width of a
# tab (tabs and spaces mixed inconsistently), as CPython finds it; consistent mixes compile.
cases = [
    "if 1:\n\tx = 1\n        y = 2\n",
    "if 1:\n        x = 1\n\ty = 2\n",
    "if 1:\n\tif 1:\n\t\tx = 1\n\t        y = 2\n",
    "if 1:\n    \tx = 1\n\ty = 2\n",
    "if 1:\n\tx = 1\n\ty = 2\n",
    "if 1:\n  \tx = 1\n  \ty = 2\n",
    "if 1:\n\tif 1:\n\t\tx=1\n        z = 3\n",
    "if 1:\n\tif 1:\n\t\tx=1\n\tz = 3\n",
    "if 1:\n    x = 1\n\ty = 2\n",
    "if 1:\n x = 1\n\ty = 2\n",
    "if 1:\n        if 1:\n\t\tx = 1\n",
]
for i, src in enumerate(cases):
    try:
        compile(src, "<s>", "exec")
        print(i, "ok")
    except SyntaxError as e:
        print(i, type(e).__name__, e.msg, e.lineno)
print(issubclass(TabError, IndentationError), issubclass(TabError, SyntaxError))
