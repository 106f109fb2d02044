print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)))
print(list(enumerate(["x", "y"], start=10)))
e = enumerate(range(3))
print(next(e), next(e), type(e).__name__)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
