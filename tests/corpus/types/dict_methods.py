d = dict(zip("abc", range(3)))
print(d)
print(d.pop("b", None), d.pop("zz", "default"))
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError")
e = d.copy()
e["new"] = 1
print(d, e)
d.clear()
print(d, len(d))
try:
    {}.popitem()
except KeyError:
    print("popitem empty KeyError")
f = {1: "one", 2: "two"}
f.update([(3, "three")])
f.update(four=4)
print(f)
print(list(f.items())[0], list(f)[-1])
print({1: 1} == {1: 1}, {1: 1} != {1: 2})
