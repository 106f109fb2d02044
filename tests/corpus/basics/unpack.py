a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
p, *q = [7]
print(p, q)
[x, y] = "xy"
print(x, y)
for i, (j, *k) in enumerate([(1, 2, 3), (4,)]):
    print(i, j, k)
try:
    m, n = [1, 2, 3]
except ValueError as err:
    print(type(err).__name__)
try:
    m, n, o = [1, 2]
except ValueError as err:
    print(type(err).__name__)
