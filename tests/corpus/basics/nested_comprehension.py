grid = [[r * 10 + c for c in range(4)] for r in range(3)]
print(grid)
print([v for row in grid for v in row if v % 2 == 0])
print([[row[i] for row in grid] for i in range(4)])
print({r: [c for c in range(r)] for r in range(4)})
print([(a, b) for a in range(4) for b in range(a, 4) if a + b == 4])
