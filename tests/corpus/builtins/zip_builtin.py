print(list(zip("abc", range(10), [True, False, None])))
names = ["a", "b"]
vals = [1, 2]
print(dict(zip(names, vals)))
z = zip([1, 2], [3, 4])
print(next(z), list(z))
a, b = zip(*[(1, 2), (3, 4), (5, 6)])
print(a, b)
