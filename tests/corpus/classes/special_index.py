class Idx:
    def __init__(self, i):
        self.i = i
    def __index__(self):
        return self.i
lst = ["a", "b", "c", "d"]
print(lst[Idx(1)], lst[Idx(-1)], lst[Idx(1):Idx(3)], "xyz"[Idx(2)], range(10)[Idx(4)])
print([0] * Idx(3), "ab" * Idx(2))
