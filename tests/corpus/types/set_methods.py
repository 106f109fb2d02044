# requires: BUILTIN_SET
s = set(range(6))
s.difference_update({0, 1})
print(sorted(s))
s.intersection_update([2, 3, 4, 10])
print(sorted(s))
s.symmetric_difference_update({4, 5})
print(sorted(s))
s.update([7], (8,))
print(sorted(s))
c = s.copy()
c.clear()
print(sorted(s), c)
p = {42}
print(p.pop(), p)
try:
    p.pop()
except KeyError:
    print("pop from empty set KeyError")
x = {1, 2}
x |= {3}
x &= {1, 3}
x -= {1}
x ^= {9}
print(sorted(x))
print({1, 2} == {2, 1}, {1} != {1})
