# repr, str and == of containers nested far deeper than any C stack allows end in
# RecursionError, as in CPython.
for make in (lambda x: [x], lambda x: (x,), lambda x: {1: x}):
    v = 0
    for i in range(30000):
        v = make(v)
    for f in (repr, str):
        try:
            f(v)
            print("no error")
        except RecursionError:
            print("RecursionError")
