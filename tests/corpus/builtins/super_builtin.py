class A:
    def m(self):
        return "A.m"
class B(A):
    def m(self):
        return "B>" + super(B, self).m()
class C(B):
    def m(self):
        return "C>" + super().m()
print(C().m(), super(C, C()).m(), super(B, C()).m())
