class A:
    def who(self):
        return "A"
    def hello(self):
        return "hello from A"
class B(A):
    def who(self):
        return "B" + super().who()
class C(A):
    def who(self):
        return "C" + super().who()
    def hello(self):
        return "hello from C"
class D(B, C):
    def who(self):
        return "D" + super().who()
d = D()
print(d.who(), d.hello())
print([k.__name__ for k in D.__mro__])
print(isinstance(d, A), isinstance(d, C), issubclass(D, (int, B)))
