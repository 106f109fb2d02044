class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "V" + str(self.v)
a, b = V(1), V(2)
print(a < b, b > a, sorted([V(3), V(1), V(2)]))
try:
    a <= b
except TypeError:
    print("TypeError no __le__")
