d = {}
try:
    for i in range(100000):
        d[i] = str(i) * 400
except MemoryError:
    pass
ok = len(d) > 0 and d[0] == "0" * 400
d = None
print("dict survived exhaustion:", ok)
print({"a": 1, "b": [2, 3]})
