# requires: EXC_ATTRS MODULE_SYS GENERATORS ERROR_MSG_DETAILED
# Traceback objects: e.__traceback__ and sys.exc_info() as CPython: tb_lineno and tb_next from
# the frame that caught the exception inward, sys.exc_info() in an except block, a function it
# calls, a finally block and a generator; with_traceback() and __traceback__ assignment move
# a traceback to another exception (None clears it), anything else is a TypeError.
import sys


def lines(tb):
    out = []
    while tb is not None:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out


def inner():
    raise ValueError("v")


def middle():
    inner()


try:
    middle()
except ValueError as e:
    print(lines(e.__traceback__))
    t, v, tb = sys.exc_info()
    print(t is ValueError, v is e, lines(tb))
    print(type(tb).__name__, type(tb.tb_lineno).__name__)
print(sys.exc_info())


def helper():
    return sys.exc_info()[0]


try:
    {}["k"]
except KeyError:
    print(helper())
    try:
        1 // 0
    except ZeroDivisionError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info()[1])
e = ValueError("fresh")
print(e.__traceback__)
try:
    raise e
except ValueError:
    pass
print(len(lines(e.__traceback__)))
e.__traceback__ = None
print(e.__traceback__)
try:
    middle()
except ValueError as x:
    saved = x.__traceback__
n = RuntimeError("r").with_traceback(saved)
print(lines(n.__traceback__))
try:
    raise n
except RuntimeError as r:
    print(lines(r.__traceback__))
print(lines(saved))
try:
    n.with_traceback(5)
except TypeError as x:
    print("TypeError", x)
try:
    n.__traceback__ = "x"
except TypeError as x:
    print("TypeError", x)
try:
    try:
        raise ValueError
    finally:
        print("finally", sys.exc_info()[0])
except ValueError:
    pass
def gen():
    try:
        yield 1
        raise KeyError("g")
    except KeyError:
        yield sys.exc_info()[0].__name__
print(list(gen()))
