# requires: BUILTIN_SET
# Ranges that compare equal hash equal (equality looks at the items, not the bounds),
# so they work as dict keys and set members.
pairs = [(range(0), range(5, 2)), (range(3), range(0, 3, 1)), (range(1, 2), range(1, 9, 10)),
         (range(0, 4, 2), range(0, 3, 2)), (range(5, 0, -2), range(5, -1, -2))]
for a, b in pairs:
    print(a == b, hash(a) == hash(b))
table = {range(3): "three", range(0): "empty"}
print(table[range(0, 3)], table[range(7, 7)], len({range(1, 2), range(1, 3, 5), range(1, 4, 9)}))
print(range(4) in {range(0, 4, 1)}, range(4) in {range(1, 4)}, hash(range(2)) == hash(range(2)))
