# requires: GENERATORS
def pairs():
    yield "a", 1
    yield "b", 2
print(dict(pairs()), list(pairs()))
a, b = (x for x in "xy")
print(a, b)
first, *rest = (i * i for i in range(5))
print(first, rest)
print(min(i % 7 for i in range(20, 30)), sorted(c for c in "generator"))
print(list(enumerate(x for x in "ab")), tuple(x for x in range(3)))
