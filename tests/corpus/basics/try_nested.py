def f():
    try:
        try:
            raise KeyError("k")
        except ValueError:
            print("wrong")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", repr(e))
f()
def g():
    try:
        return 1
    finally:
        print("finally runs before return")
print(g())
def h():
    try:
        return 1
    finally:
        return 2
print(h())
def k():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("fin", i)
k()
