class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
    @classmethod
    def create(cls):
        return cls()
    @classmethod
    def how_many(cls):
        return cls.instances
    @staticmethod
    def add(a, b):
        return a + b
class Sub(Counter):
    pass
Counter.create(); Sub.create(); Counter()
print(Counter.how_many(), Sub.how_many(), type(Sub.create()).__name__)
print(Counter.add(2, 3), Counter().add(4, 5), Sub.add(1, 1))
sm = staticmethod(lambda: "raw")
class H:
    f = sm
    g = classmethod(lambda cls: cls.__name__)
print(H.f(), H().f(), H.g(), H().g())
