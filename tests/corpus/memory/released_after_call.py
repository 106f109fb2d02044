# requires: MODULE_GC GC_PRECISE_FRAMES
# What a call left behind is not kept alive: a big value passed as an argument, or made in
# a function that returned, no longer holds memory once the program drops it: eight tenths
# of the free heap, in pieces, fit after it only if it is gone (CPython's gc has no
# mem_free: sizes are then fixed).
import gc

gc.collect()
try:
    free = gc.mem_free()
except AttributeError:
    free = 8 << 20
N = free * 30 // 100
M = free // 10
keep = [None] * 8


def use(a, b, c):
    return len(c)


def make():
    big = bytes(N)
    return len(big)


def second(what):
    try:
        for i in range(8):
            keep[i] = bytes(M)
        print(what, "the rest fits")
    except MemoryError:
        print(what, "MemoryError: the first one is still held")
    for i in range(8):
        keep[i] = None


print(use(1, 2, bytes(N)) == N)
second("argument")
print(make() == N)
second("function local")
for i in range(3):
    print(use(i, [i], bytes(N)) == N)
    second("argument loop")
