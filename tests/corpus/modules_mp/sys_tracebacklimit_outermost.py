# requires: MODULE_SYS MODULE_IO
# sys.tracebacklimit = N keeps the N outermost entries of a traceback (as CPython's
# traceback module does with its limit); 0 or less leaves only the exception line.
import io
import sys


def f0():
    raise ValueError("v")


def f1():
    f0()


def f2():
    f1()


def show(e):
    buf = io.StringIO()
    sys.print_exception(e, buf)
    for line in buf.getvalue().split("\n"):
        if line.startswith("  File "):
            print(line.split('"')[2])
        else:
            print(line)


for limit in (10, 3, 2, 1, 0, -5):
    sys.tracebacklimit = limit
    print("limit", limit)
    try:
        f2()
    except ValueError as e:
        show(e)
del sys.tracebacklimit
print(hasattr(sys, "tracebacklimit"))
