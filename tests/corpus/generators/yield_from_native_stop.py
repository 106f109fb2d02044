# requires: GENERATORS
# A builtin iterator that raises StopIteration (map over a function raising it) simply
# ends a yield from / for loop, as in CPython.
def stop(x):
    if x == 2:
        raise StopIteration
    return x


def g():
    r = yield from map(stop, [1, 2, 3])
    print("returned", r)


print(list(g()))
print([x for x in map(stop, [1, 2, 3])])


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(42)


def h():
    r = yield from It()
    print("returned", r)


print(list(h()))
