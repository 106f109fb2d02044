# requires: MODULE_ARRAY
import array

a = array.array('h', [1, 2, -3])
a.append(4)
a.extend([5, 6])
print(a, len(a), a[2], a[-1], a[1:3], a[::2], a[::-1], a.tobytes())
a[0] = 100
a.insert(1, 7)
print(a.pop(), a.pop(0), a, a.index(-3), a.count(2), 4 in a, 9 in a)
a.remove(7)
a.reverse()
print(a, a.tolist(), list(a), a.itemsize, a.typecode)
print(array.array('B', b'\x01\x02'), array.array('i'), list(array.array('I', [3, 4])), array.array('b', [-1, 1]))
b = array.array('H', [258, 1])
print(bytes(b), b.tobytes() == bytes(b), array.array('H', b.tobytes()) == b)
c = array.array('B')
c.frombytes(b'xyz')
c.fromlist([1, 2])
print(c, c + array.array('B', [9]), c * 2, len(c * 0))
c += array.array('B', [7])
del c[0]
del c[1:3]
print(c, c == array.array('B', [121, 1, 2, 7]), c != c, c < array.array('B', [122]))
d = array.array('l', range(5))
d[1:3] = array.array('l', [9, 9, 9])
print(d, sum(d), max(d), sorted(d))
s = array.array('b', [1, 2, 3, 4])
s.byteswap()
print(s)
for bad in (lambda: array.array('z'), lambda: array.array('i', 'abc'), lambda: array.array('i', [1])[5],
            lambda: array.array('i').pop(), lambda: array.array('i', [1]).remove(2),
            lambda: array.array('B', b'ab').frombytes('x'), lambda: array.array('h').frombytes(b'abc')):
    try:
        bad()
    except (OverflowError, ValueError, TypeError, IndexError) as e:
        print(type(e).__name__)
