print(list(range(-3)), list(range(-3, 3)), list(range(3, -3, -2)), range(7)[-1], range(1, 10, 3)[1])
r = range(100)
print(r[10:20:3], len(r[::5]), 99 in r, 100 in r, -1 in r, r.index(42))
print(list(range(2, 20, 5)), [i for i in range(5, 0, -1)])
