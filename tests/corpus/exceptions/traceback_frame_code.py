# requires: COMPILER EXC_ATTRS MODULE_SYS COMPILER_INTROSPECTION
# tb_frame of a traceback: each level's f_code (its co_name and co_filename) and, for frames
# that have ended, f_lineno (a running frame's is where it is now, in CPython), from the
# outermost frame to the one that raised, through tb_next; exec'd code's file name too.
import sys


def inner():
    return 1 // 0


def outer():
    return inner()


try:
    outer()
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        ended = frame.f_code.co_name != "<module>"
        print(frame.f_code.co_name, not ended or frame.f_lineno == tb.tb_lineno, frame.f_code.co_filename.endswith("traceback_frame_code.py"))
        print(type(frame).__name__, type(frame.f_code).__name__)
        tb = tb.tb_next

try:
    exec(compile("x = 1\n\nraise KeyError(x)\n", "<made>", "exec"), {})
except KeyError:
    tb = sys.exc_info()[2]
    while tb.tb_next is not None:
        tb = tb.tb_next
    print(tb.tb_frame.f_code.co_name, tb.tb_frame.f_code.co_filename, tb.tb_frame.f_lineno)
