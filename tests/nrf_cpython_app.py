# The application test_nrf.py freezes into the micro:bit and compares with CPython.
import json
import math
from collections import OrderedDict, namedtuple


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area():.3f})"


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r**2


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


shapes = [Circle(1.5), Rect(2, 3.25), Circle(0.1)]
print(sorted(shapes, key=lambda s: s.area()))
print(sum(s.area() for s in shapes), max(shapes, key=lambda s: s.area()))
Point = namedtuple("Point", "x y")
p = Point(3, 4)
print(p, p._replace(x=10), math.hypot(*p))
d = OrderedDict(a=1, b=2)
d.move_to_end("a")
print(list(d.items()), json.dumps({"k": [1, 2.5, None, True], "s": "é"}))
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
try:
    int("12x")
except ValueError as e:
    print(e)
try:
    Shape("x").area()
except NotImplementedError as e:
    print("NotImplementedError", issubclass(type(e), RuntimeError))
print(0.1 + 0.2, 1 / 3, 2**100, -7 // 2, -7 % 3, divmod(7.5, 2), round(2.675, 2))
print("{:>8}|{:<6}|{:^7}|{:08.3f}|{:x}|{:,}".format("a", "b", "c", math.e, 255, 1234567))
print([i * i for i in range(10) if i % 3], {k: i for i, k in enumerate("abc")})


def gen(n):
    for i in range(n):
        yield i * 2


print(list(gen(5)), sum(gen(100)), "".join(reversed("micro:bit")))
label, count = "x", 42
print(bytes(range(5)), bytearray(b"ab") * 2, f"{label}={count} ({12345.678:.2e})")
