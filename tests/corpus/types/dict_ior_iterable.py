# requires: GENERATORS
# d |= x accepts whatever d.update(x) accepts (a mapping, an object with keys(), or an
# iterable of pairs); d | x only a dict.
d = {1: 2}
d |= {3: 4}
print(d)
d |= [(5, 6), [7, 8]]
print(d)
d |= ((k, k) for k in "ab")
print(d)


class Keys:
    def keys(self):
        return [10]

    def __getitem__(self, k):
        return k * 2


d |= Keys()
print(d)
for bad in [5, [(1, 2, 3)], [1], None]:
    try:
        d |= bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
for rhs in [[(1, 2)], Keys(), None]:
    try:
        print({0: 0} | rhs)
    except TypeError:
        print("TypeError")
print(d)
