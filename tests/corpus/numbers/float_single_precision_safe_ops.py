# requires: FLOAT
vals = [0.5, 0.25, 0.125, 2.0, 4.5, -1.75]
print(sum(vals), max(vals), min(vals), sorted(vals))
print([v * 2 for v in vals], [v + 0.5 for v in vals])
print(int(4.5), int(-1.75), 3 / 2, 9 / 4, -7 / 8)
print(1.5 == 3 / 2, 0.5 < 0.75, float(8) / 16)
