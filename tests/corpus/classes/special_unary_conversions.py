class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return self.v
    def __neg__(self):
        return Num(-self.v)
    def __abs__(self):
        return Num(abs(self.v))
    def __repr__(self):
        return "Num(" + str(self.v) + ")"
n = Num(-5)
print(int(n), -n, abs(n), int(-n), abs(-n))
