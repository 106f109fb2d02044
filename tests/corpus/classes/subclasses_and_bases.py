# requires: MODULE_GC CLASS_ADVANCED
# __subclasses__() lists the live classes derived directly from a class (the list keeps
# none alive), and a change of __bases__ reaches the MRO and attribute lookups of every
# class derived from it; one that cannot linearise a subclass is undone.
import gc
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in A.__subclasses__()], [k.__name__ for k in B.__subclasses__()], D.__subclasses__())
class M(type): pass
class N(M): pass
print(type.__subclasses__(M) == [N], M.__subclasses__(M) == [N], N in type.__subclasses__(type))
for i in range(200):
    class T(A): pass
    del T
gc.collect()
print(len(A.__subclasses__()) < 20)
# __bases__ change reaches subclasses
class X:
    def who(self): return "X"
class Y:
    def who(self): return "Y"
class Base(X): pass
class Mid(Base): pass
class Leaf(Mid): pass
l = Leaf()
print(l.who(), [k.__name__ for k in Leaf.__mro__])
Base.__bases__ = (Y,)
print(l.who(), [k.__name__ for k in Leaf.__mro__], [k.__name__ for k in Mid.__mro__])
print(X.__subclasses__(), [k.__name__ for k in Y.__subclasses__()])
class Z(Y): pass
class W(Leaf, Z): pass
try:
    Base.__bases__ = (Z,)
except TypeError:
    print("TypeError")
print([k.__name__ for k in W.__mro__])
try:
    Z.__bases__ = (Leaf,)
except TypeError:
    print("TypeError")
print([k.__name__ for k in Z.__mro__], [k.__name__ for k in W.__mro__])


# a change that leaves a subclass without a consistent MRO is undone
class P:
    pass


class Q:
    pass


class R(P):
    pass


class S(Q, R):
    pass


try:
    R.__bases__ = (Q,)
except TypeError:
    print("TypeError")
print([k.__name__ for k in R.__bases__], [k.__name__ for k in R.__mro__], [k.__name__ for k in S.__mro__])
print(sorted([k.__name__ for k in P.__subclasses__()]), Q.__subclasses__() == [S])
