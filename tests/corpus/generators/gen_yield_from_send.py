# requires: GENERATORS
def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
def delegator():
    result = yield from acc()
    yield "final " + str(result)
d = delegator()
print(next(d), d.send(5), d.send(7), d.send(None))
