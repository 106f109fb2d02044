class A:
    pass
a = A()
r = repr(a)
print(r.startswith("<"), "A object" in r, str(a) == r)
print(A.__name__, type(a) is A, a.__class__ is A, a.__class__.__name__)
