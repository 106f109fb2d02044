d = {"a": 1, "b": 2}
k = d.keys()
v = d.values()
it = d.items()
d["c"] = 3
print(list(k), list(v), list(it))
print(len(k), "a" in k, 2 in v, ("b", 2) in it)
for key, val in d.items():
    print(key, val)
print(sorted(d, reverse=True))
