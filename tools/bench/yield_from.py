# Generators delegating through a chain of yield from: every value passes
# through each level of the chain, with send() and return values going back up.
def leaf(n):
    total = 0
    for i in range(n):
        got = yield i
        if got is not None:
            total += got
    return total


def level(depth, n):
    if depth == 0:
        result = yield from leaf(n)
    else:
        result = yield from level(depth - 1, n)
    return result + depth


def drive(depth, n):
    gen = level(depth, n)
    acc = 0
    value = next(gen)
    try:
        while True:
            acc += value
            value = gen.send(value & 3)
    except StopIteration as stop:
        return acc, stop.value


for depth in (1, 5, 20):
    print(depth, drive(depth, 3000))
