# requires: COMPILER MODULE_MICROPYTHON MODULE_SYS MODULE_IO
# micropython.opt_level() sets the level the on-device compiler uses for eval, exec and
# compile(optimize=-1): 1 drops asserts (__debug__ False), 3 also the line numbers (every
# line is reported as line 1).
import io
import micropython
import sys

print(micropython.opt_level())
micropython.opt_level(1)
print(micropython.opt_level())
exec("assert False, 'kept'\nprint('assert dropped', __debug__)")
print(eval("__debug__"), eval(compile("__debug__", "f", "eval")), eval(compile("__debug__", "f", "eval", optimize=0)))
micropython.opt_level(0)
try:
    exec("assert False, 'kept'")
except AssertionError as e:
    print("AssertionError", e)


def traceback_lines(src):
    try:
        exec(src)
    except NameError as e:
        buf = io.StringIO()
        sys.print_exception(e, buf)
        return [line for line in buf.getvalue().splitlines() if "<string>" in line]


src = "x = 1\n\ny = 2\nundefined_name\n"
print(traceback_lines(src))
micropython.opt_level(3)
print(traceback_lines(src))
micropython.opt_level(0)
print(traceback_lines(src))
