# requires: BUILTIN_SET
print(sorted({x % 5 for x in range(20)}))
print(sorted({c.upper() for c in "banana"}))
print(sorted({(i, j) for i in range(2) for j in range(2)}))
seen = set()
out = []
for v in [3, 1, 3, 2, 1]:
    if v not in seen:
        seen.add(v)
        out.append(v)
print(out)
