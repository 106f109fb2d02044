# != is the inverse of == for every object whose type defines == alone: bound methods,
# method descriptors, slices, classes with __eq__ only; identity when == is NotImplemented.
class A:
    def m(self):
        pass

    def __eq__(self, other):
        return True


class B:
    def __eq__(self, other):
        return NotImplemented


class C:
    def __ne__(self, other):
        return "ne"


a = A()
print(a.m == a.m, a.m != a.m, A.m != A.m, a.m != A().m)
x = []
print(x.append != x.append, x.append != [].append)
print(str.join != str.join, str.join != str.split)
print(slice(1, 2) != slice(1, 2), slice(1, 2) != slice(1, 3))
print(A() != A(), A() == A())
b = B()
print(b != B(), b != b, b == b)
print(C() != 1, 1 != C())
print(len != len, print != len)
