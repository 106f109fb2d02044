# requires: MODULE_SYS
# sys.tracebacklimit = 0 leaves only the exception line (no "Traceback" header).
import sys


def f(n):
    if n == 0:
        raise ValueError("deep")
    f(n - 1)


sys.tracebacklimit = 0
try:
    f(3)
except ValueError as e:
    sys.print_exception(e, sys.stdout)
print("end")
