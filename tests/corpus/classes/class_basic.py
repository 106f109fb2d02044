class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm1(self):
        return abs(self.x) + abs(self.y)
    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)
p = Point(3, -4)
print(p.x, p.y, p.norm1(), Point.dims, p.dims)
q = p.moved(1)
print(q.x, q.y, p.x)
print(type(p).__name__, isinstance(p, Point), Point.__name__)
p.z = 10
print(p.z, hasattr(p, "z"), hasattr(q, "z"))
m = p.norm1
print(m(), Point.norm1(q))
