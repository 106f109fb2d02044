# requires: GENERATORS
def inner():
    try:
        yield 1
        yield 2
    except KeyError:
        print("inner caught KeyError")
        yield "recovered"
    finally:
        print("inner finally")
def outer():
    yield from inner()
    yield "outer continues"
g = outer()
print(next(g))
print(g.throw(KeyError))
print(next(g))
print(next(g, "end"))
g2 = outer()
next(g2)
g2.close()
print("closed through yield from")
