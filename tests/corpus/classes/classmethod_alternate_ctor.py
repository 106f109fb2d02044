class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def parse(cls, s):
        y, m, d = [int(p) for p in s.split("-")]
        return cls(y, m, d)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return "Date(" + str(self.y) + ", " + str(self.m) + ", " + str(self.d) + ")"
class MyDate(Date):
    pass
print(Date.parse("2024-02-29"), type(MyDate.parse("2000-1-1")).__name__)
print([y for y in (1900, 2000, 2023, 2024) if Date.is_leap(y)])
