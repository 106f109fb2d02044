def make():
    out = []
    for i in range(3):
        out.append(lambda: i)
    return out
print([f() for f in make()])
def make_fixed():
    out = []
    for i in range(3):
        def bind(j):
            return lambda: j
        out.append(bind(i))
    return out
print([f() for f in make_fixed()])
def comp_closure():
    return [lambda: k for k in range(3)]
print([f() for f in comp_closure()])
