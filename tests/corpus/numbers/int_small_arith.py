vals = [0, 1, -1, 7, -7, 100, -100, 12345]
for a in vals:
    for b in (3, -3, 10):
        print(a, b, a + b, a - b, a * b, a // b, a % b)
