# requires: MODULE_GC GC_PRECISE_FRAMES COMPILER
# What exec() and eval() made in a dict the program dropped no longer holds memory: eight
# tenths of the free heap, in pieces, fit after it only if it is gone (CPython's gc has no
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


def second(what):
    try:
        for i in range(8):
            keep[i] = bytes(M)
        print(what, "the rest fits")
    except MemoryError:
        print(what, "MemoryError: the first one is still held")
    for i in range(8):
        keep[i] = None


g = {}
exec("big = bytes(" + str(N) + ")", g)
print(len(g["big"]) == N)
g = None
second("exec globals")
print(eval("len(bytes(" + str(N) + "))", {}) == N)
second("eval")
for i in range(3):
    g = {}
    exec("big = bytes(" + str(N) + ")", g)
    g = None
    second("exec loop")
