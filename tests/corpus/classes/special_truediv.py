# requires: FLOAT
class Frac:
    def __init__(self, n, d):
        self.n, self.d = n, d
    def __truediv__(self, o):
        return Frac(self.n * o.d, self.d * o.n)
    def __rtruediv__(self, k):
        return Frac(k * self.d, self.n)
    def __itruediv__(self, k):
        self.d *= k
        return self
    def __repr__(self):
        return str(self.n) + "/" + str(self.d)
a = Frac(1, 2)
b = Frac(3, 4)
print(a / b, 2 / a)
c = a
c /= 5
print(c, a is c)
