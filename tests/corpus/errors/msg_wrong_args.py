# requires: ERROR_MSG_DETAILED
def f(a):
    pass
def g():
    pass
def h(a, b=1):
    pass
for call in (lambda: f(), lambda: f(1, 2), lambda: g(1), lambda: h(), lambda: f(b=1)):
    try:
        call()
    except TypeError as e:
        print(e)
