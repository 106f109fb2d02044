def f(*args, **kw):
    return args, sorted(kw.items())
a = [1, 2]
d = {"x": 1}
print(f(*a, 3, *a))
print(f(0, *a, y=2, **d))
print(f(*"ab", **{"k": "v"}, z=0))
print(*[1, 2, 3], sep="-")
t = tuple(a) + (5,)
print(t)
