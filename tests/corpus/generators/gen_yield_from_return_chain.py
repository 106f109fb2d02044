# requires: GENERATORS
def leaf(n):
    for i in range(n):
        yield i
    return n * 10
def mid():
    a = yield from leaf(2)
    b = yield from leaf(3)
    return a + b
def top():
    total = yield from mid()
    yield "total=" + str(total)
print(list(top()))
