def f(a, b=2):
    return a
print(f.__name__)
g = f
print(g.__name__, g is f, g(7))
def outer():
    def inner():
        pass
    return inner
print(outer().__name__)
print((lambda: 0).__name__)
