# requires: MODULE_SELECT MODULE_SYS MODULE_TIME FLOAT
# select.select() over the standard streams (stdin comes from select_select.stdin).
import select
import sys
import time

print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)
r, w, x = select.select([sys.stdin], [sys.stdout, sys.stderr], [], 0)
print(r == [sys.stdin], w == [sys.stdout, sys.stderr], x)
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.read(5)), repr(sys.stdin.read()))
# at end of input stdin stays readable: a read returns at once
print(select.select((sys.stdin,), (), (), 1.5)[0] == [sys.stdin], repr(sys.stdin.read()))
t = time.monotonic()
print(select.select([], [], [], 0.05), time.monotonic() - t >= 0.05)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print('ValueError', e)
try:
    select.select([], [], [], float("nan"))
except ValueError:
    print("ValueError for NaN")
