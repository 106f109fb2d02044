# requires: CLASS_ADVANCED
# A metaclass's __call__: singletons, counting instances, super().__call__ reaching
# type.__call__ (which runs __new__ and __init__).
class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kw):
        if cls not in Singleton._instances:
            Singleton._instances[cls] = super().__call__(*args, **kw)
        return Singleton._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, name="default"):
        print("Config.__init__", name)
        self.name = name


a = Config("first")
b = Config("second")
print(a is b, a.name, b.name)


class Other(metaclass=Singleton):
    pass


print(Other() is Other(), Other() is not a)


class Counting(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.count = 0

    def __call__(cls, *args, **kw):
        inst = super().__call__(*args, **kw)
        cls.count += 1
        return inst


class P(metaclass=Counting):
    def __init__(self, x, y=0):
        self.x = x
        self.y = y


p = P(1)
q = P(2, y=5)
print(P.count, p.x, q.x, q.y)


class Q(P):
    pass


Q(3)
Q(4)
print(P.count, Q.count, type(Q).__name__)


# __call__ returning anything at all
class Odd(type):
    def __call__(cls, *args):
        return args


class O(metaclass=Odd):
    def __init__(self):
        print("never")


print(O(1, 2), O())


# type.__call__ directly, and a __new__ that returns an object of another class
class Weird:
    def __new__(cls, v):
        return v * 2

    def __init__(self, v):
        print("not called")


print(type.__call__(Weird, 21), Weird(4))


class Plain:
    def __init__(self, v):
        self.v = v


print(type.__call__(Plain, 5).v)
try:
    type.__call__(5)
except TypeError as e:
    print("TypeError")
