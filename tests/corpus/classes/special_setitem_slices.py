class Rec:
    def __init__(self):
        self.data = list(range(6))
    def __getitem__(self, k):
        if isinstance(k, slice):
            print("get slice", k.start, k.stop, k.step)
        return self.data[k]
    def __setitem__(self, k, v):
        if isinstance(k, slice):
            print("set slice", k.start, k.stop, k.step)
        self.data[k] = v
    def __delitem__(self, k):
        print("del", "slice" if isinstance(k, slice) else k)
        del self.data[k]
r = Rec()
print(r[1:4], r[::2], r[-1])
r[0:2] = ["x", "y", "z"]
r[-1] = "last"
del r[::3]
del r[0]
print(r.data)
