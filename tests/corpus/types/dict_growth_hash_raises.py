# requires: GENERATORS STR_FORMAT
# A dict whose growth fails half-way (a key's __hash__ raises while the entries are
# indexed again) is left without the key being added, not with an entry that has no value.
class Touchy:
    calls = 0
    armed = False

    def __hash__(self):
        if Touchy.armed:
            raise RuntimeError("no hash now")
        return 12345

    def __eq__(self, other):
        return self is other


t = Touchy()
for grow_to in (4, 8, 9, 16, 17, 33):
    d = {t: "t"}
    added = []
    Touchy.armed = True
    for i in range(grow_to):
        try:
            d["k%d" % i] = i
            added.append(i)
        except RuntimeError:
            pass
    Touchy.armed = False
    keys = [k for k in d if k is not t]
    print(grow_to, len(d) == len(keys) + 1, sorted(d[k] for k in keys) == sorted(added))
    print([v for k, v in d.items() if k is not t] == [d[k] for k in keys])
    print(all(("k%d" % i in d) == (i in added) for i in range(grow_to)))
    d["last"] = None
    print(len(d) == len(list(d)) == len(d.items()), d.get("last", 0), repr(d[t]))
g = {}
Touchy.armed = False
g[t] = 1
Touchy.armed = True
try:
    exec("x1 = 1\nx2 = 2\nx3 = 3\nx4 = 4\nx5 = 5\nx6 = 6\nx7 = 7\nx8 = 8\nx9 = 9\nx10 = 10\n", g)
except RuntimeError:
    pass
Touchy.armed = False
print(sorted(k for k in g if isinstance(k, str) and k.startswith("x")) == sorted("x%d" % i for i in range(1, 11) if "x%d" % i in g))
print(all(g[k] == int(k[1:]) for k in g if isinstance(k, str) and k.startswith("x")))
