def square(x):
    return x * x
def cube(x):
    return x * x * x
ops = {"sq": square, "cu": cube, "neg": lambda x: -x}
for name in sorted(ops):
    print(name, ops[name](3))
print(list(map(square, [1, 2, 3])), [f(2) for f in (square, cube)])
def apply(f, *args):
    return f(*args)
print(apply(max, 3, 8, 1), apply(len, "four"))
