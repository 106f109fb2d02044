print(type(1), type("s"), type([]), type(None), type(type))
class C:
    pass
print(type(C()) is C, type(C) is type, type(lambda: 0).__name__)
D = type("D", (C,), {"x": 5, "m": lambda self: self.x * 2})
print(D.__name__, D().x, D().m(), isinstance(D(), C))
