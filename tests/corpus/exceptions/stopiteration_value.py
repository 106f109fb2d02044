# requires: GENERATORS
e = StopIteration(5)
print(e.value, e.args)
print(StopIteration().value)
def g():
    yield 1
    return "ret"
it = g()
next(it)
try:
    next(it)
except StopIteration as s:
    print("value:", s.value)
