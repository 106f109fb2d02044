d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["b"], "a" in d, "z" in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.get("z"), d.get("z", 0), d.pop("a"), d)
d.update({"x": 9}, y=8)
print(d)
print(d.setdefault("c", 100), d.setdefault("n", 100), d)
for k in d:
    print(k, d[k])
print(dict(a=1), dict([("k", "v")]), dict.fromkeys("ab", 0))
del d["b"]
print(d.popitem(), d)
