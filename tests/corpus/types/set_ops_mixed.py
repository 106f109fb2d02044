# requires: BUILTIN_SET
a = set("abracadabra")
b = set("alacazam")
print(sorted(a), sorted(b))
print(sorted(a - b), sorted(a | b), sorted(a & b), sorted(a ^ b))
print(sorted({x for x in a if x not in "abc"}))
print(len(a), "a" in a, "z" in a, a == set("abcdr"))
try:
    {[1]}
except TypeError:
    print("TypeError unhashable")
print(sorted(set([1, 2]) | {3}), {1, 2} - {2}, set() | set())
