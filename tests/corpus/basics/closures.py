def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
c = counter()
print(c(), c(), c(10))
d = counter()
print(d(), c())
def outer():
    x = 1
    def mid():
        def inner():
            nonlocal x
            x *= 3
            return x
        return inner
    f = mid()
    f()
    f()
    return x
print(outer())
def make_adders():
    return [lambda v, i=i: v + i for i in range(3)]
print([a(10) for a in make_adders()])
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
