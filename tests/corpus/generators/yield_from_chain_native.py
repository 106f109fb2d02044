# requires: GENERATORS
# A chain of generators delegating with `yield from`, whose innermost delegate is not a
# generator (a tuple, a range, a user iterator): every value reaches the outermost caller,
# and send/throw/close travel down the chain.


def leaf_tuple():
    yield from ("a", "b")
    return "leaf done"


def middle():
    r = yield from leaf_tuple()
    print("middle got", r)
    yield from range(3)
    return "middle done"


def top():
    r = yield from middle()
    print("top got", r)


print(list(top()))


class Echo:
    # an iterator with send(): answers what it was sent
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, v):
        self.n += 1
        if self.n > 4:
            raise StopIteration(self.n)
        return ("echo", v)


def wrap1():
    return (yield from Echo())


def wrap2():
    got = yield from wrap1()
    print("wrap2 result", got)


g = wrap2()
print(next(g))
print(g.send(10))
print(g.send(20))
print(g.send(30))
try:
    g.send(40)
except StopIteration:
    print("stopped")


class Closable:
    def __iter__(self):
        return self

    def __next__(self):
        return 7

    def close(self):
        print("Closable.close")

    def throw(self, exc):
        print("Closable.throw", type(exc).__name__)
        return 8


def outer():
    try:
        yield from inner()
    finally:
        print("outer finally")


def inner():
    yield from Closable()


g = outer()
print(next(g))
print(g.throw(ValueError("x")))
g.close()


def depth(n):
    if n == 0:
        yield from [n, n]
    else:
        yield from depth(n - 1)
        yield n


print(list(depth(6)))
