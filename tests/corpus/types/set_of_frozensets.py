# requires: BUILTIN_SET BUILTIN_FROZENSET
s = {frozenset({1, 2}), frozenset(), 3}
print({1, 2} in s, {2, 1} in s, set() in s, {1} in s, 3 in s)
s.discard({2, 1})
print(len(s), frozenset({1, 2}) in s)
s.remove(set())
print(len(s))
try:
    s.remove({9})
except KeyError as e:
    print("KeyError", e)
try:
    s.add({1})
except TypeError as e:
    print("TypeError", e)
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
