# requires: MODULE_MICROPYTHON MODULE_TIME
# micropython.const is folded by mpy-cross and the identity at run time.
import micropython
import time
from micropython import const

X = const(5)
Y = const(X * 2)
print(X, Y, micropython.const('s'), micropython.const(None))
print(micropython.opt_level(), micropython.opt_level(2), micropython.opt_level())
print(micropython.alloc_emergency_exception_buf(100))
out = []
micropython.schedule(out.append, 1)
micropython.schedule(out.append, 2)
time.sleep_ms(1)
print(out)
for i in range(5):  # fewer than the queue holds: none is refused
    micropython.schedule(out.append, i)
time.sleep_ms(1)
print(len(out), sorted(out[2:]))
try:
    micropython.schedule(5, 1)
except TypeError:
    print('TypeError')
