class Bag:
    def __init__(self):
        self.d = {}
    def __len__(self):
        return len(self.d)
    def __getitem__(self, k):
        if k not in self.d:
            raise KeyError(k)
        return self.d[k]
    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v
    def __delitem__(self, k):
        print("del", k)
        del self.d[k]
    def __contains__(self, k):
        return k in self.d
    def __iter__(self):
        return iter(sorted(self.d))
b = Bag()
b["x"] = 1
b["y"] = 2
print(len(b), b["x"], "x" in b, "z" not in b, list(b))
del b["x"]
print(len(b), bool(b))
try:
    b["nope"]
except KeyError as e:
    print("KeyError", e)
for k in b:
    print("iter", k)
