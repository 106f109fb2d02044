fns = [len, str, repr, abs, bool]
print([f.__name__ for f in fns])
print([f(-3) if f is abs else f("x") for f in fns])
m = max
print(m([1, 5, 2]), m(3, 4), m("abc"))
