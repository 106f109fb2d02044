# requires: GENERATORS
def inner():
    yield 1
    yield 2
def outer():
    try:
        yield from inner()
    except ValueError as e:
        yield "outer handled " + str(e)
g = outer()
print(next(g))
print(g.throw(ValueError("x")))
print(next(g, "end"))
