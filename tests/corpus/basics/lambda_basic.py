sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10, *c, **d: a + b + len(c) + len(d)
print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, k=5))
print(sorted([3, -4, 1, -2], key=lambda v: abs(v)))
fs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fs])
print((lambda: "nothing")())
kw = lambda *, k: k
print(kw(k=3))
