# requires: MODULE_ARRAY INT_BIG_MPZ BUILTIN_BYTEARRAY MODULE_GC BUILTIN_MEMORYVIEW FLOAT GENERATORS
# MicroPython's typed stores keep an int's low bits instead of raising OverflowError
# (array, and a bytearray built from ints); its P (pointer-sized) and O (object) codes.
import array
import gc

for code, vals in (('B', [-1, 256, 257, -256]), ('b', [128, 255, -129, True]), ('H', [-1, 65536 + 5]),
                   ('h', [32768, -32769]), ('I', [-1, 2**32 + 7]), ('i', [2**31, 2**63]),
                   ('Q', [-1, -(2**64) // 2**64, 2**64 + 3, 2**100 - 1]),
                   ('q', [2**63, 2**64 - 1, -(2**63) - 1, -(2**70) - 5])):
    print(code, list(array.array(code, vals)))

a = array.array('B', [1, 2])
a.append(300)
a[0] = -2
a.extend([511, -1000])
a.insert(0, 2**65 + 9)
print(a)
print(bytearray([0, 1, -1, 256, True, False, 2**64 + 65, -(2**64) - 1]))
try:
    bytearray([1.5])
except TypeError:
    print('TypeError')

p = array.array('P', [1, 2**40 if len(array.array('P', [0]).tobytes()) == 8 else 2**20])
p.append(-1)
print(p[0], p[1] > 0, p[2] == 2 ** (8 * len(p.tobytes()) // 3) - 1)


class Thing:
    pass


t = Thing()
o = array.array('O', [1, 'two', None])
o.append(t)
o.extend([(3,), [4]])
o[1] = 'deux'
print(o[0], o[1], o[2], o[3] is t, o[4], o[5], len(o), t in o, o.pop(0), len(o))
for bad in (lambda: o.tobytes(), lambda: o.frombytes(b'12345678'), lambda: o.byteswap(),
            lambda: array.array('O', b'12345678'), lambda: memoryview(o), lambda: bytes(o)):
    try:
        bad()
    except TypeError:
        print('TypeError')
big = []
for i in range(200):
    big.append([i] * 3)
keep = array.array('O', big)
big = None
for i in range(3000):
    junk = [i, i]
gc.collect()
print(sum(x[2] for x in keep), keep[199])
