# requires: EXC_CHAINING
# __context__ is the exception being handled where the new one is raised, as in CPython:
# also when a try block inside the handler catches it (it was None), never the exception
# itself, unchanged by a bare raise or the end of a finally block, and without a cycle:
# raising k while handling an exception whose context is k cuts that link.


def show(tag, e):
    c = e.__context__
    print(tag, repr(e), "context:", repr(c), "its context:", repr(c.__context__) if c is not None else "-")


try:
    raise KeyError("outer")
except KeyError:
    try:
        raise ValueError("inner")
    except ValueError as v:
        show("nested try", v)
    try:
        try:
            raise IndexError("in finally")
        finally:
            print("finally runs")
    except IndexError as i:
        show("through finally", i)

try:
    try:
        raise TypeError("first")
    finally:
        pass
except TypeError as t:
    show("no handler", t)

try:
    try:
        raise KeyError("k")
    except KeyError as k:
        try:
            raise ValueError("v")
        except ValueError:
            raise k
except KeyError as e:
    show("cycle cut", e)

saved = OSError("saved")
try:
    try:
        raise saved
    except OSError:
        raise
except OSError as e:
    show("bare raise", e)

x = LookupError("x")
y = RuntimeError("y")
x.__context__ = y
y.__context__ = x
try:
    try:
        raise x
    except LookupError:
        raise ArithmeticError("z")
except ArithmeticError as e:
    show("loop made by stores", e)
