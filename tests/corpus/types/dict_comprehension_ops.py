src = {"a": 1, "b": 2, "c": 3}
print({v: k for k, v in src.items()})
print({k: v * v for k, v in src.items() if v > 1})
print({k: [i for i in range(v)] for k, v in src.items()})
merged = dict(src)
merged.update({"d": 4})
print(merged, src)
print({k: src.get(k, 0) for k in "abz"})
