class N:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, N) and self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __gt__(self, o):
        return self.v > o.v
    def __ge__(self, o):
        return self.v >= o.v
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return "N" + str(self.v)
a, b, c = N(1), N(2), N(1)
print(a == c, a != b, a < b, a <= c, b > a, b >= b, a == 1)
print(sorted([N(3), N(1), N(2)]), max(N(5), N(9)), min([N(4), N(0)]))
print({a: "x"}[c], a in [N(1)], N(7) in (N(6), N(7)))
class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
print(OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2))
try:
    OnlyEq(1) < OnlyEq(2)
except TypeError:
    print("TypeError")
