def f(x):
    try:
        r = 10 // x
    except ZeroDivisionError:
        print("zero")
        return None
    else:
        print("else", r)
        return r
    finally:
        print("finally", x)
print(f(2), f(0))
try:
    pass
except Exception:
    pass
else:
    try:
        raise IndexError
    except IndexError:
        print("raised in else is not caught by its own try")
