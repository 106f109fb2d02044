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
try:
    for i in range(20):
        micropython.schedule(out.append, i)
except RuntimeError as e:
    print('RuntimeError', e)
time.sleep_ms(1)
print(len(out))
try:
    micropython.schedule(5, 1)
except TypeError:
    print('TypeError')
