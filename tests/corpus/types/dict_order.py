d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = len(d)
print(list(d))
d["a"] = 100
print(list(d.items()))
del d["z"]
d["z"] = 0
print(list(d))
print(dict(sorted(d.items())))
g = {3: "c", 1: "a", 2: "b"}
print(g, list(g.values()))
