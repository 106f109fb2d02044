class R:
    def __init__(self, v):
        self.v = v
    def __radd__(self, o):
        return "radd(" + repr(o) + ")"
    def __rsub__(self, o):
        return "rsub(" + repr(o) + ")"
    def __rmul__(self, o):
        return "rmul(" + repr(o) + ")"
    def __rfloordiv__(self, o):
        return "rfloordiv(" + repr(o) + ")"
    def __rmod__(self, o):
        return "rmod(" + repr(o) + ")"
    def __rpow__(self, o):
        return "rpow(" + repr(o) + ")"
    def __rlshift__(self, o):
        return "rlshift(" + repr(o) + ")"
    def __rrshift__(self, o):
        return "rrshift(" + repr(o) + ")"
    def __rand__(self, o):
        return "rand(" + repr(o) + ")"
    def __ror__(self, o):
        return "ror(" + repr(o) + ")"
    def __rxor__(self, o):
        return "rxor(" + repr(o) + ")"
r = R(0)
print(1 + r, 2 - r, 3 * r, 4 // r, 5 % r, 6 ** r)
print(7 << r, 8 >> r, 9 & r, 10 | r, 11 ^ r, "s" + r, [1] * r)
print(sum([r], 0) if False else 0 + r)
