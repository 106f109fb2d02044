print(sorted([2, 1], key=None, reverse=False), sorted([1, 2], reverse=True))
print(min([3, 1], key=lambda v: -v), max([], default=5), int("11", base=3))
print(next(enumerate(["a"], start=3)), "abc".split(sep="b"), dict(x=1))
print(print("inner", end="|"))
