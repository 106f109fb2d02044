def f(a, b=2, *, c, d=4):
    return a, b, c, d
print(f(1, c=3), f(1, 5, c=3, d=0), f(c=9, a=0))
def g(*, x=1, y):
    return x + y
print(g(y=1), g(x=5, y=5))
def h(a, *args, k=None):
    return a, args, k
print(h(1, 2, 3), h(1, k=2), h(*"xyz", k="k"))
