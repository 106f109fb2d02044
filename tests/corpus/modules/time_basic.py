# requires: MODULE_TIME FLOAT INT_BIG_MPZ|INT_BIG_LONGLONG
import time

t0 = time.time()
time.sleep(0.01)
t1 = time.time()
print(type(t0).__name__, t1 >= t0, type(time.time_ns()).__name__, time.monotonic() <= time.monotonic())
m = time.monotonic_ns()
time.sleep(0)
print(time.monotonic_ns() >= m)
print(tuple(time.gmtime(0)), tuple(time.gmtime(1700000000)), tuple(time.gmtime(951782400)), tuple(time.gmtime(-86400)))
print(tuple(time.gmtime(4102444800.5)), time.gmtime(86399)[3:6])
for bad in (lambda: time.sleep(-1), lambda: time.sleep('x')):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
