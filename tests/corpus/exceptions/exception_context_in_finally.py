def f():
    try:
        raise KeyError("a")
    finally:
        print("finally while KeyError propagates")
try:
    f()
except KeyError as e:
    print("got", repr(e))
def g():
    try:
        raise KeyError("first")
    finally:
        raise ValueError("replaces")
try:
    g()
except ValueError as e:
    print(repr(e))
