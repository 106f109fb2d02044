class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, y=0):
        return self.n + x + y
a = Adder(10)
print(a(1), a(1, y=2), list(map(a, [1, 2])))
class Falsy:
    def __bool__(self):
        return False
class Empty:
    def __len__(self):
        return 0
class Plain:
    pass
print(bool(Falsy()), bool(Empty()), bool(Plain()), not Falsy())
if not Empty():
    print("empty is falsy")
print("yes" if Falsy() else "no", Falsy() or "fallback")
