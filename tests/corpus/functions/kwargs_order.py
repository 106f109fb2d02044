def f(**kw):
    return list(kw.items())
print(f(b=1, a=2, c=3))
print(f(**{"z": 1, "y": 2}, x=3))
def g(a, *args, b=2, **kw):
    return a, args, b, kw
print(g(1, 2, 3, b=4, c=5, d=6))
print(g(*range(3), **dict(b="B", e="E")))
