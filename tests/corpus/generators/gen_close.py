# requires: GENERATORS
def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("cleanup")
it = g()
print(next(it))
it.close()
print(next(it, "closed gen"))
it.close()
fresh = g()
fresh.close()
print("closing unstarted prints nothing")
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError")
