def f(a, b):
    return a + b
def g(*, k):
    return k
for call in (lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, a=1), lambda: g(1), lambda: g()):
    try:
        call()
    except TypeError as e:
        print("TypeError")
