# requires: GENERATORS
g = (x * x for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(10) if x % 2), max(len(w) for w in "a bb ccc".split()))
print(any(c.isdigit() for c in "ab3"), all(v > 0 for v in [1, 2, 0]))
print(sorted((v for v in [3, 1, 2]), reverse=True), tuple(c for c in "hi"))
print(dict((k, k * 2) for k in range(3)), "-".join(str(i) for i in range(4)))
pairs = ((i, j) for i in range(3) for j in range(i))
print(list(pairs))
