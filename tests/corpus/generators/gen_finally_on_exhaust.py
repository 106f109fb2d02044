# requires: GENERATORS
def g():
    try:
        for i in range(2):
            yield i
    finally:
        print("finally when exhausted")
for v in g():
    print(v)
def h():
    with Ctx():
        yield "in with"
class Ctx:
    def __enter__(self):
        print("enter")
    def __exit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None)
x = h()
print(next(x))
x.close()
