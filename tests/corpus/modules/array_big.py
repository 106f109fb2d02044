# requires: MODULE_ARRAY INT_BIG_MPZ|INT_BIG_LONGLONG FLOAT FLOAT_DOUBLE
import array

q = array.array('q', [-2**63, 2**63 - 1])
Q = array.array('Q', [2**64 - 1])
print(q, Q, q.itemsize, Q[0], array.array('I', [2**32 - 1]), array.array('i', [-2**31]))
f = array.array('d', [1.5, 2.5])
f.append(3)
print(f, f[2], sum(f), array.array('f', [0.5, 0.25]), array.array('f', [0.1])[0] == 0.1)
for bad in (lambda: array.array('d', ['x']), lambda: array.array('b', [1.5])):
    try:
        bad()
    except (OverflowError, TypeError) as e:
        print(type(e).__name__)
