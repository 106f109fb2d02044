def f(a, b=0, *c, d=1, **e):
    return (a, b, c, d, sorted(e.items()))
print(f(1))
print(f(1, 2, 3, 4))
print(f(1, d=2))
print(f(a=1, b=2, z=3))
print(f(*(1, 2), *[3], d=4, **{"x": 5}))
args = (10,)
kw = {"b": 20}
print(f(*args, **kw))
bound = "a-b".split
print(bound("-"), "".join(map(str, (1, 2))))
