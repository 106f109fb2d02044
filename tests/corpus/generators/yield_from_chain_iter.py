# requires: GENERATORS
# A generator delegated to by `yield from` that itself delegates to a plain iterator
# (a list, a range, an object with __next__): the whole chain yields its items.
class Count:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i == self.n:
            raise StopIteration
        self.i += 1
        return self.i * 10


def leaf():
    yield from [1, 2]
    yield from range(3, 5)
    yield from Count(2)
    return "leaf done"


def middle():
    r = yield from leaf()
    yield r


def top():
    yield from middle()
    yield "top done"


print(list(top()))
g = top()
print(next(g), g.send(None), next(g), next(g))
print(list(g))
