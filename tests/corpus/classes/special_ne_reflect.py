class L:
    def __lt__(self, o):
        print("L.__lt__")
        return NotImplemented
class R:
    def __gt__(self, o):
        print("R.__gt__")
        return True
print(L() < R())
class E:
    def __eq__(self, o):
        print("E.__eq__")
        return NotImplemented
print(E() == E())
x = E()
print(x == x)
