# requires: GENERATORS
def g():
    yield 1
    raise ValueError("from generator")
it = g()
print(next(it))
try:
    next(it)
except ValueError as e:
    print("caught")
print(next(it, "finished"))
def stop():
    yield 1
    raise StopIteration
try:
    print(list(stop()))
except RuntimeError as e:
    print("RuntimeError")
