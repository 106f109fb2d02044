keys = []
for i in range(1000):
    keys.append("key_" + str(i))
d = {}
for k in keys:
    d[k] = len(k)
print(len(d), d["key_999"], sum(d.values()))
class Obj:
    pass
o = Obj()
for i in range(200):
    setattr(o, "attr_" + str(i), i)
print(getattr(o, "attr_199"), hasattr(o, "attr_200"))
