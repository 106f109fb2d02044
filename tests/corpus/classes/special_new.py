class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst
    def __init__(self, v):
        self.v = v
a = Single(1)
b = Single(2)
print(a is b, a.v)
class Tagged(tuple):
    def __new__(cls, *items):
        return super().__new__(cls, items)
t = Tagged(1, 2, 3)
print(t, len(t), type(t).__name__, isinstance(t, tuple))
class NotSelf:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotSelf())
