# requires: GENERATORS
def gen(a, b=2, *rest, scale=1, **kw):
    yield a * scale
    yield b * scale
    for r in rest:
        yield r * scale
    for k in sorted(kw):
        yield k
print(list(gen(1)), list(gen(1, 3, 5, 7, scale=10, z=0, y=1)))
