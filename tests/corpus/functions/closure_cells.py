def make():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def get():
        return items
    return add, get
add, get = make()
add("a"); add("b")
print(get())
def shared():
    n = 0
    def inc():
        nonlocal n
        n += 1
    def read():
        return n
    return inc, read
i, r = shared()
i(); i(); i()
print(r())
def cell_in_loop():
    res = []
    for i in range(3):
        def f(i=i):
            return i * i
        res.append(f)
    return [f() for f in res]
print(cell_in_loop())
