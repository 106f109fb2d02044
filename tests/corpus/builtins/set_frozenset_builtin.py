# requires: BUILTIN_SET BUILTIN_FROZENSET
print(sorted(set("hello")), sorted(set([1, 1, 2])), set() == set([]), sorted(set(range(4))))
print(sorted(frozenset("abc")), frozenset() == frozenset([]), len(frozenset([1, 1])))
print(type(set()).__name__, type(frozenset()).__name__)
print(sorted(set({"k": 1, "j": 2})))
