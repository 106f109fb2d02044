# requires: IMPORT_U_ALIASES MODULE_JSON MODULE_TIME
# MicroPython's u-prefixed names of the builtin modules import the module itself; a
# u-name that is no builtin module is still not found.
import time
import ujson
import utime

print(utime is time, ujson.loads("[1, 2]"))
print(utime.ticks_diff(utime.ticks_add(5, 3), 5))
try:
    import unothere
except ImportError as e:
    print(type(e).__name__, e)
