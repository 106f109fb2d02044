# requires: CLASS_ADVANCED MODULE_GC
# Exception classes made by a metaclass are raised and caught as any; classes made in a
# loop and collected leave __subclasses__() and the list of live classes.
class M(type):
    def __repr__(cls):
        return "M-class " + cls.__name__
class E(Exception, metaclass=M):
    pass
class F(E):
    pass
try:
    raise F("boom")
except E as e:
    print("caught", type(e).__name__, e.args, repr(type(e)))
try:
    raise E
except Exception as e:
    print("caught2", type(e) is E)
print(issubclass(F, Exception), isinstance(F(), E), type(F) is M)
import gc
class Reg(type):
    made = []
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        Reg.made.append(name)
        return cls
for i in range(50):
    X = Reg("X" + str(i), (), {})
    X.__subclasses__()
gc.collect()
class Base(metaclass=Reg):
    pass
subs = [Reg("S" + str(i), (Base,), {}) for i in range(5)]
print(len(Reg.made), [c.__name__ for c in Base.__subclasses__()])
del subs
gc.collect()
print(len(Base.__subclasses__()) <= 5)
