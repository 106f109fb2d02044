x = "global"
def f():
    print(x)
def g():
    x = "local"
    def h():
        return x
    return h()
def k():
    try:
        print(x)
        x = 1
    except NameError as e:
        print(type(e).__name__)
f()
print(g())
k()
class C:
    x = "class"
    def m(self):
        return x
print(C().m(), C.x)
