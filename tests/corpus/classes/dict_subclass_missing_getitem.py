# requires: SLOT_WRAPPERS_TYPES
# A dict subclass's __missing__ serves dict's own __getitem__ too, called as a method:
# super().__getitem__(k) in an overriding __getitem__, dict.__getitem__(d, k), the subclass's
# inherited one; without __missing__ it is a KeyError. The receiver is still checked.


class Fallback(dict):
    def __missing__(self, k):
        return "missing " + k

    def __getitem__(self, k):
        return super().__getitem__(k)


class Plain(dict):
    pass


class Doubled(Fallback):
    def __missing__(self, k):
        return k * 2


class Inherited(dict):
    def __missing__(self, k):
        return len(k)


f = Fallback(a=1)
print(f["a"], f["b"], dict.__getitem__(f, "c"), Fallback.__getitem__(f, "d"))
p = Plain(a=1)
try:
    print(dict.__getitem__(p, "x"))
except KeyError as e:
    print("KeyError", e)
print(dict.__getitem__(p, "a"), p.__getitem__("a"))
try:
    dict.__getitem__([], 1)
except TypeError:
    print("TypeError")
print(Doubled()["ab"], dict.__getitem__(Doubled(), "x"))
i = Inherited(k=0)
print(i["k"], i["four"], i.__getitem__("three"), dict.__getitem__(i, "to"))
print(len(i), sorted(i))
