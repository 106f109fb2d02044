# requires: GENERATORS
def g():
    try:
        yield 1
    finally:
        print("cleanup on close")
it = g()
next(it)
print(it.close())
print(list(it))
