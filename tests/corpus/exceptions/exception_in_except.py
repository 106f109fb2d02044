try:
    try:
        raise ValueError("a")
    except ValueError:
        raise KeyError("b")
except KeyError as e:
    print("outer got", repr(e))
def f():
    try:
        raise ValueError
    except ValueError:
        try:
            raise TypeError
        except TypeError:
            print("inner handled")
        raise
try:
    f()
except ValueError:
    print("original re-raised")
