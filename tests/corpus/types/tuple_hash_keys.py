grid = {}
for x in range(3):
    for y in range(3):
        grid[(x, y)] = x * 3 + y
print(grid[(1, 2)], (2, 2) in grid, (3, 0) in grid, len(grid))
print(sorted([k for k in grid if sum(k) == 2]))
nested = {((1, 2), "a"): "deep"}
print(nested[((1, 2), "a")])
