# requires: BUILTIN_SET
s = {3, 1, 2}
print(sorted(s), len(s), 2 in s, 5 in s)
s.add(4)
s.add(1)
s.discard(10)
s.remove(3)
print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError")
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b)), sorted(a.difference(b)))
print(sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2} < {1, 2}, a >= {1}, a.issubset(a), a.isdisjoint({7}))
print(set(), len(set("hello")), sorted(set([3, 3, 1])))
