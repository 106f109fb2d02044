# requires: GENERATORS BUILTIN_REVERSED
def g():
    yield "a"
it = g()
print(iter(it) is it, next(it))
print(list(zip(g(), g())), list(enumerate(g())), list(map(str.upper, g())))
print(list(reversed(list(g()))), sorted(g()))
