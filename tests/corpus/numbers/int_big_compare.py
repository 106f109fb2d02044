# requires: INT_BIG_MPZ
vals = [2 ** 100, -(2 ** 100), 0, 2 ** 64, 5, -(2 ** 64) + 1]
print(sorted(vals))
print(max(vals), min(vals), 2 ** 100 == 2 ** 100, 2 ** 100 != 2 ** 100 + 1)
print(2 ** 100 > 1, 1 < 2 ** 200 < 2 ** 201, {2 ** 100: "k"}[2 ** 100])
