# requires: GENERATORS
def g():
    yield 1
    return 99
def outer():
    r = yield from g()
    print("inner returned", r)
    yield r + 1
print(list(outer()))
