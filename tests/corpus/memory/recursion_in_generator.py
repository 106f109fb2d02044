# requires: GENERATORS
def walk(n):
    yield n
    yield from walk(n + 1)
try:
    for v in walk(0):
        pass
except RuntimeError:
    print("deep yield from caught")
print("alive")
