# requires: CLASS_ADVANCED
# Reads through an instance's __dict__ see the instance as it is now (no snapshot):
# lookups, `in`, len(), get() and iteration follow later attribute stores and deletions;
# a change of size while iterating raises RuntimeError, as for a dict.
class P:
    def __init__(self):
        self.a = 1


p = P()
d = p.__dict__
p.b = 2
print(d["b"], "b" in d, len(d), bool(d), d.get("b"), d.get("zz", "none"), list(d))
del p.a
print("a" in d, len(d), list(d))
try:
    d["a"]
except KeyError:
    print("KeyError")
name = "".join(["b"])  # a str made at run time, not a literal
print(d[name], name in d, d.get(name))
unknown = "".join(["no", "such", "name", "anywhere"])
print(unknown in d, d.get(unknown, 0))
try:
    [] in d
except TypeError:
    print("TypeError")
d[5] = "int key"
print(d[5], 5 in d, len(d))
q = P()
print(len(q.__dict__), bool(P().__dict__), not object.__new__(P).__dict__)
seen = []
for k in q.__dict__:
    seen.append(k)
    q.__dict__[k] = "changed"  # a value changes, not the size: fine
print(seen, q.a)
try:
    for k in q.__dict__:
        q.new = 1
    print("no error")
except RuntimeError:
    print("RuntimeError")
try:
    for k in q.__dict__:
        del q.a
    print("no error")
except RuntimeError:
    print("RuntimeError")
it = iter(p.__dict__)
print(next(it), next(it, "end"), next(it, "end"))
