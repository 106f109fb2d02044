# requires: GENERATORS
def g():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
it = g()
for v in it:
    print(v)
    break
print("after break")
it.close()
it = g()
try:
    for v in it:
        raise ValueError("in loop")
except ValueError as e:
    print("caught", e)
    it.close()
for v in g():
    print("ran to the end", v)
