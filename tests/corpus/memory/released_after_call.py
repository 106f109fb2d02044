# requires: MODULE_GC GC_PRECISE_FRAMES
# What a call left behind is not kept alive: a big value passed as an argument, or made in a
# function that returned, no longer holds memory once the program drops it: after
# gc.collect() the free heap is back within 100 KB of what it was before the 1 MB value was
# made (CPython's gc has no mem_free: then nothing is measured).
import gc


def held(f0):
    gc.collect()
    try:
        return f0 - gc.mem_free() > 100000
    except AttributeError:
        return False


def free():
    gc.collect()
    try:
        return gc.mem_free()
    except AttributeError:
        return 0


def use(a, b, c):
    return len(c)


def make():
    big = bytes(1000000)
    return len(big)


f0 = free()
print(use(1, 2, bytes(1000000)))
print("argument held:", held(f0))
print(make())
print("function local held:", held(f0))
for i in range(3):
    print(use(i, [i], bytes(1000000)))
    print("argument loop held:", held(f0))
