def repeat(n):
    def deco(f):
        def w(*a, **k):
            return [f(*a, **k) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(name="x"):
    return "hi " + name
print(hi(), hi(name="y"))
def counted(f):
    def w(*a):
        w.calls += 1
        return f(*a)
    w.calls = 0
    return w
@counted
def noop():
    return None
noop(); noop()
print(noop.calls)
def keep_name(f):
    def w():
        return f()
    w.__name__ = f.__name__
    return w
@keep_name
def named():
    return 1
print(named.__name__)
