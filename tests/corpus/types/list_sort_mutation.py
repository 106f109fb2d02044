# A list changed by its own sort (from a key function or a comparison) raises
# ValueError after the sort instead of writing into storage that may have gone.
class Item:
    calls = 0

    def __init__(self, owner, v):
        self.owner = owner
        self.v = v

    def __lt__(self, other):
        Item.calls += 1
        if Item.calls == 10:
            self.owner.append(self)
        return self.v < other.v


lst = []
lst.extend([Item(lst, i) for i in (5, 3, 9, 1, 7, 2, 8, 6, 4, 0) * 3])
try:
    lst.sort()
    print("sorted", len(lst))
except ValueError as e:
    print("ValueError")


def grow_key(x):
    if x == 3:
        other.append(99)
    return -x


other = [1, 2, 3, 4]
try:
    other.sort(key=grow_key)
    print("sorted", other)
except ValueError:
    print("ValueError")

plain = [3, 1, 2]
plain.sort(key=lambda x: x)
print(plain)
