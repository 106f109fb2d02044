t = (1, 2, 3, 2)
print(t, len(t), t[1], t.count(2), t.index(3))
print((1,), (), tuple("ab"), tuple([1, 2]))
print(t + (4,), t * 2, 2 in t)
a, b, c, d = t
print(a + b + c + d)
print((1, 2) == (1, 2), (1, 2) < (1, 3), (2,) > (1, 5))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])
