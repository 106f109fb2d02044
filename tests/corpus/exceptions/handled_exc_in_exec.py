# requires: COMPILER MODULE_SYS EXC_CHAINING
# Code run by exec()/eval() in an except block sees the exception handled there, as in
# CPython: sys.exc_info() reports it, a bare raise re-raises it, an exception raised and
# caught in the exec'd code takes it as __context__; a traceback through exec'd code has
# the lines of the code compiled.
import sys


def handler():
    try:
        raise KeyError("k")
    except KeyError:
        exec("print('exec sees', __import__('sys').exc_info()[0].__name__)")
        print("eval sees", eval("sys.exc_info()[1]", {"sys": sys}))
        exec("try:\n    raise\nexcept KeyError as e:\n    print('bare raise in exec', repr(e))")
        exec("try:\n    raise ValueError('v')\nexcept ValueError as e:\n    print('context', repr(e.__context__))")
    print("after", eval("sys.exc_info()", {"sys": sys}))


handler()

src = "def f(x):\n    return 1 // x\n\nr = f(0)\n"
try:
    exec(compile(src, "mod.py", "exec"), {})
except ZeroDivisionError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print("lines", lines)
