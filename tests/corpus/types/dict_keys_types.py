d = {}
d[1] = "int"
d["1"] = "str"
d[(1, 2)] = "tuple"
d[None] = "none"
d[True] = "bool overrides 1"
print(d)
print(d[1], d[(1, 2)], d[None])
try:
    d[[1]] = 0
except TypeError as e:
    print("TypeError")
try:
    d["missing"]
except KeyError as e:
    print("KeyError")
