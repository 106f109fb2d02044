class C:
    def m(self):
        return self
c = C()
m1 = c.m
m2 = c.m
print(m1() is c, m1 == m2, m1.__self__ is c, C.m(c) is c)
print(m1.__func__ is C.m if hasattr(m1, "__func__") else True)
