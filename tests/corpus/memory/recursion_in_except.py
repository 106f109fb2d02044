def f(n):
    try:
        return f(n + 1)
    finally:
        pass
try:
    f(0)
except RuntimeError:
    print("through finally blocks")
def g(n):
    try:
        return g(n + 1)
    except ZeroDivisionError:
        return -1
try:
    g(0)
except RuntimeError:
    print("through unrelated handlers")
