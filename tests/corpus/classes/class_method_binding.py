class C:
    def m(self, x):
        return (type(self).__name__, x)
c = C()
bm = c.m
print(bm(1), C.m(c, 2))
c.m = lambda x: ("instance attr", x)
print(c.m(3), C.m(c, 4))
def outside(self):
    return "patched"
C.p = outside
print(C().p())
class D:
    f = len
print(D.f("abc"))
