# requires: MODULE_COLLECTIONS BUILTIN_REVERSED
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], 3 in d, 9 in d, bool(d), bool(deque()))
print(d.pop(), d.popleft(), d, list(d), list(reversed(d)))
d.extend('ab')
d.extendleft([8, 9])
print(d, d.count(2), d.index(2), d.index('a', 2))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.remove('a')
d.reverse()
print(d)
d[0] = 'first'
del d[1]
d.insert(1, 'ins')
print(d, d.copy(), d == deque(d), d == deque(), deque([1, 2]) < deque([1, 3]))
d.clear()
print(d, len(d))
m = deque(maxlen=3)
for i in range(6):
    m.append(i)
print(m, m.maxlen, deque().maxlen)
m.appendleft(-1)
print(m)
m.extend([10, 11])
print(m)
m += [12]
print(m)
z = deque(maxlen=0)
z.append(1)
print(z)
q = deque()
for i in range(100):
    q.append(i)
    if i % 3 == 0:
        q.popleft()
print(len(q), q[0], q[-1], sum(q))
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).remove(2), lambda: deque([1])[5],
            lambda: deque(maxlen=-1), lambda: deque([1], 1).insert(0, 2)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__)
