# requires: COMPILER FUNCTION_CLOSURE ERROR_MSG_DETAILED
# exec(code, globals, locals, closure=cells) (3.11): a function's code run with its own
# cells (f.__closure__), or with another function's of the same shape; the cells are
# shared (a store through nonlocal is seen); the checks: a closure only for code objects,
# only for code that needs one, of exactly the right length of cells. Also __closure__ and
# cell_contents themselves.


def show(tag, f):
    try:
        print(tag, repr(f()))
    except Exception as e:
        print(tag, type(e).__name__, e)


def outer(start):
    x = start

    def get():
        print("x is", x)

    def bump():
        nonlocal x
        x += 1

    return get, bump


get, bump = outer(5)
show(1, lambda: exec(get.__code__, {}, None, closure=get.__closure__))
bump()
show(2, lambda: exec(get.__code__, {}, closure=get.__closure__))
other_get, _ = outer("other")
show(3, lambda: exec(get.__code__, {"print": print}, closure=other_get.__closure__))
exec(bump.__code__, {}, closure=bump.__closure__)
show(4, lambda: get.__closure__[0].cell_contents)
show(5, lambda: exec(get.__code__, {}))
show(6, lambda: exec(get.__code__, {}, closure=None))
show(7, lambda: exec("1", {}, closure=get.__closure__))
show(8, lambda: exec(get.__code__, {}, closure=(1,)))
show(9, lambda: exec(get.__code__, {}, closure=()))
show(10, lambda: exec(get.__code__, {}, closure=[get.__closure__[0]]))


def plain():
    print("plain runs")


show(11, lambda: exec(plain.__code__, {"print": print}, closure=None))
show(12, lambda: exec(plain.__code__, {}, closure=get.__closure__))
show(13, lambda: plain.__closure__)
show(14, lambda: (len(get.__closure__), type(get.__closure__[0]).__name__))
show(15, lambda: exec("y = 2", {}, {}, closure=None))
try:
    exec("y = 2", {}, {}, bogus=1)
except TypeError:
    print(16, "TypeError")


def two():
    a = 1
    b = 2

    def inner():
        return a + b

    del b
    return inner


inner = two()
show(17, lambda: [c.cell_contents for c in inner.__closure__])
