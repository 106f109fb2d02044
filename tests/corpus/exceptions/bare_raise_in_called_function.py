# A bare `raise` in a function called from an except block re-raises the exception being
# handled there, as in CPython (it was "No active exception to reraise"); nested handlers
# re-raise the innermost; once the handler has ended there is nothing to re-raise.


def reraise():
    raise


def reraise_deeper(n):
    if n == 0:
        raise
    reraise_deeper(n - 1)


def log_and_reraise(tag):
    print("handling", tag)
    reraise()


try:
    try:
        {}["k"]
    except KeyError:
        reraise()
except KeyError as e:
    print("re-raised", type(e).__name__, e)

try:
    try:
        [][1]
    except IndexError:
        reraise_deeper(5)
except IndexError as e:
    print("through 6 calls", type(e).__name__)

try:
    try:
        int("x")
    except ValueError:
        try:
            1 // 0
        except ZeroDivisionError:
            log_and_reraise("inner")
except ZeroDivisionError as e:
    print("innermost", type(e).__name__)

try:
    try:
        raise OSError(5, "io")
    except OSError:
        pass
    reraise()
except RuntimeError as e:
    print("after the handler:", type(e).__name__)
