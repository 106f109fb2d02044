t = tuple(range(10))
print(t[2:5], t[::3], t[-1], len(t))
print(t.index(5), t.count(5), t.count(99))
try:
    t[0] = 1
except TypeError as e:
    print("TypeError")
try:
    t[20]
except IndexError as e:
    print(type(e).__name__)
print(tuple() == (), (1, 2) + (3,), (0,) * 3)
print(max((3, 1), (2, 9)), min([(1, "b"), (1, "a")]))
