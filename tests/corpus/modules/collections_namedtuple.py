# requires: MODULE_COLLECTIONS
from collections import namedtuple

Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p), tuple(p))
print(p == (1, 2), p == Point(1, 2), p != Point(2, 1), Point(1, 2) < Point(1, 3), hash(p) == hash((1, 2)))
print(isinstance(p, tuple), Point._fields, p._asdict(), p._replace(x=5), p, Point._make([3, 4]))
x, y = Point(7, 8)
print(x, y, p + (9,), p * 2, p[:1], p.count(1), p.index(2))
print(repr(Point), Point.__name__, type(p).__name__)
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[0, 1])
print(P3(5), P3(5, 6), P3(a=1, b=2, c=3), P3._field_defaults)
print(namedtuple('R', 'a, b, def, _c, a', rename=True)._fields, namedtuple('E', '')(), namedtuple('One', 'v')(1))


class Vec(namedtuple('Vec', 'x y')):
    def norm1(self):
        return abs(self.x) + abs(self.y)


v = Vec(3, -4)
print(v, v.norm1(), v._replace(y=1), isinstance(v, Vec), Vec._fields)
for bad in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: p.z,
            lambda: namedtuple('B', 'a a'), lambda: namedtuple('B', 'a def'), lambda: namedtuple('B', 'a _b'),
            lambda: namedtuple('B', '1a'), lambda: p._replace(z=1)):
    try:
        bad()
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
d = {Point(0, 0): 'origin'}
print(d[(0, 0)], d[Point(0, 0)])
