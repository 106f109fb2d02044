class K:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return self.k % 3
    def __eq__(self, o):
        return self.k == o.k
d = {K(1): "one", K(4): "four"}
print(d[K(4)], d[K(1)], len(d), K(7) in d)
class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError:
    print("TypeError unhashable")
class Default:
    pass
x = Default()
print(hash(x) == hash(x), {x: 1}[x])
