# requires: BUILTIN_HELPERS BUILTIN_REVERSED
# map, filter, zip, enumerate and reversed can be subclassed: the subclass instance
# iterates as the builtin does and carries its own methods and attributes.
class Doubled(map):
    def __init__(self, iterable):
        self.source = "doubled"

    def __new__(cls, iterable):
        return super().__new__(cls, lambda v: v * 2, iterable)


class Evens(filter):
    pass


class Pairs(zip):
    def first_two(self):
        return next(self), next(self)


class Numbered(enumerate):
    pass


class Backwards(reversed):
    pass


d = Doubled([1, 2, 3])
print(d.source, list(d), list(d))
print(list(Evens(lambda v: v % 2 == 0, range(10))))
pairs = Pairs("abc", [1, 2, 3])
print(pairs.first_two(), list(pairs))
print(list(Numbered("xyz", 10)))
b = Backwards(range(1, 4))
print(next(b), list(b))
print(isinstance(d, map), isinstance(pairs, zip), type(pairs).__name__, iter(d) is d)
total = 0
for i, ch in Numbered("hello"):
    total += i
print(total)
