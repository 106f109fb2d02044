class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, v):
        return v * self.k
triple = Multiplier(3)
print(list(map(triple, [1, 2, 3])), sorted([3, 1, 2], key=Multiplier(-1)))
class Pipeline:
    def __init__(self, *steps):
        self.steps = steps
    def __call__(self, v):
        for s in self.steps:
            v = s(v)
        return v
print(Pipeline(triple, str, len)(12345))
