class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.swallow
with CM("a") as x:
    print("inside", x)
with CM("b", True):
    raise ValueError("boom")
print("after swallow")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError:
    print("propagated")
with CM("d") as p, CM("e") as q:
    print(p, q)
