# requires: BUILTIN_SET
# keys() and items() views compare by content, so they are unhashable; a values() view
# hashes by identity.
d = {1: "a", 2: "b"}
for name, view in (("keys", d.keys()), ("items", d.items())):
    try:
        hash(view)
        print(name, "hashable")
    except TypeError:
        print(name, "TypeError")
v = d.values()
print(type(hash(v)), hash(v) == hash(v))
try:
    {d.keys(): 1}
except TypeError:
    print("keys view cannot be a dict key")
s = {v}
print(v in s, len(s))
print(d.keys() == {1, 2}, d.items() == {(1, "a"), (2, "b")})
