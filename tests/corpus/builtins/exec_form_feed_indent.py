# requires: COMPILER COMPILER_ERROR_DETAIL
# A form feed in a line's indentation starts the count again (CPython's tokenizer: "\fx = 1"
# at column 0, "  \fx" too); elsewhere it is a space. A line continuation at the very end of
# the source is "unexpected EOF while parsing" after it.


def run(src):
    try:
        d = {}
        exec(src, d)
        print("ok", repr(src), sorted([k for k in d if k != "__builtins__"]))
    except SyntaxError as e:
        print(type(e).__name__, repr(src), e.msg, e.lineno, e.offset)


for src in [
    "\fx = 1",
    "\f\fx = 1\n",
    "if 1:\n\f  x = 1\n  y = 2",
    "if 1:\n  \fx = 1\n  y = 2",
    "def f():\n    x = 1\n\f\n    return x\nr = f()",
    "x = 1 \f+ 2",
    "if 1:\n    x = 1\n  \f    y = 2",
    "x = 1\\",
    "1\\",
    "\\",
    "x = (1 +\\",
    "x = 1 \\\n",
    "x = 1 \\\n\\",
    "x = 1\n\\\n",
    "x = 1\n\\",
    "\\\nx = 1",
    "\\\n",
    "if 1:\n  x = 1\n  \\\n",
    "x = [1,\n\\\n",
    "def f():\n  return 1 \\\n",
]:
    run(src)
