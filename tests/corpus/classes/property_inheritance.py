# requires: BUILTIN_PROPERTY
class Shape:
    @property
    def area(self):
        return 0
    @property
    def name(self):
        return type(self).__name__.lower()
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    @property
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
for s in (Shape(), Rect(2, 3), Square(4)):
    print(s.name, s.area)
