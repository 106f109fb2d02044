def f(a, b, c=3, *args, d, e=5, **kw):
    print(a, b, c, args, d, e, sorted(kw.items()))
f(1, 2, d=4)
f(1, 2, 30, 40, 50, d=4, e=6, z=1, y=2)
f(b=2, a=1, d=0)
f(*[1, 2], **{"d": 9, "q": 8})
def g(x, y=[]):
    y.append(x)
    return y
print(g(1), g(2), g(3, []))
def h(*, only):
    return only
print(h(only="kw"))
