class C:
    def f(cls):
        return cls.__name__
    f = classmethod(f)
    def g(x):
        return x * 2
    g = staticmethod(g)
class D(C):
    pass
print(C.f(), D.f(), D().f(), C.g(4), C().g(5))
