class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "V(" + repr(self.x) + ")"
class S(V):
    def __str__(self):
        return "S with " + str(self.x)
v = V("a")
s = S(1)
print(v, repr(v), str(v), [v], (s,), s, repr(s))
class OnlyStr:
    def __str__(self):
        return "only str"
print(OnlyStr(), str(OnlyStr()))
