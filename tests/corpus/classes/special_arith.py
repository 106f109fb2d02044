class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "V(" + str(self.x) + ", " + str(self.y) + ")"
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return V(self.x * k * 10, self.y * k * 10)
    def __neg__(self):
        return V(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return abs(self.x) + abs(self.y)
    def __invert__(self):
        return V(self.y, self.x)
    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)
    def __mod__(self, k):
        return V(self.x % k, self.y % k)
    def __pow__(self, k):
        return V(self.x ** k, self.y ** k)
    def __lshift__(self, k):
        return V(self.x << k, self.y << k)
    def __rshift__(self, k):
        return V(self.x >> k, self.y >> k)
    def __and__(self, k):
        return V(self.x & k, self.y & k)
    def __or__(self, k):
        return V(self.x | k, self.y | k)
    def __xor__(self, k):
        return V(self.x ^ k, self.y ^ k)
a, b = V(1, 2), V(10, 20)
print(a + b, b - a, a * 3, 3 * a, -a, +a, abs(V(-3, 4)), ~a)
print(b // 3, b % 3, a ** 3, a << 2, b >> 1, b & 6, a | 8, a ^ 3)
