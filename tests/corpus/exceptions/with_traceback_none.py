# requires: ERROR_MSG_DETAILED
# with_traceback() and __traceback__ for code that only passes a traceback along: None is
# taken, anything else is refused with CPython's TypeError; the arity error of the
# inherited method names the type defining it (BaseException, int, list).
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


class E(KeyError):
    pass


class L(list):
    pass


e = ValueError(3)
print(e.with_traceback(None) is e, e.__traceback__)
t(lambda: e.with_traceback(5))
t(lambda: e.with_traceback())
t(lambda: E().with_traceback())
t(lambda: OSError().with_traceback(1, 2))
t(lambda: True.bit_length(1))
t(lambda: L().append())
e.__traceback__ = None
print(e.__traceback__)
try:
    e.__traceback__ = "tb"
except TypeError as x:
    print(x)


def reraise():
    try:
        raise KeyError(1)
    except KeyError as k:
        raise ValueError(2).with_traceback(None) from k


try:
    reraise()
except ValueError as v:
    print(repr(v), repr(v.__cause__))
