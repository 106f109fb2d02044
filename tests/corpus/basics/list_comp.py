print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)])
print({k: k * 2 for k in range(4)})
print({c: i for i, c in enumerate("abca")})
n = 10
print([n + i for i in range(3)])
x = "outer"
print([x for x in "ab"], x)
