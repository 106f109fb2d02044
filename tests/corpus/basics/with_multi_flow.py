class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("in", self.n)
        return self
    def __exit__(self, *a):
        print("out", self.n)
def f():
    with CM(1), CM(2):
        return "returned"
print(f())
for i in range(3):
    with CM(i):
        if i == 0:
            continue
        if i == 1:
            break
print("loop done")
def g():
    with CM("x") as a, CM("y") as b:
        with CM("z"):
            raise IndexError
try:
    g()
except IndexError:
    print("IndexError out")
