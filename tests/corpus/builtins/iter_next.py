it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "x"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
s = iter("ab")
print(list(s), list(s))
class Calls:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Calls(), 4)))
d = iter({"a": 1, "b": 2})
print(next(d), next(d))
try:
    next([1])
except TypeError:
    print("TypeError not an iterator")
