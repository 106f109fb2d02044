print(sum([]), sum([1, 2, 3]), sum(range(10), 100), sum([[1], [2]], []), sum(((1,), (2,)), ()))
print(sum([True, True, False]), sum([1, 2], start=10))
try:
    sum(["a", "b"], "")
except TypeError:
    print("TypeError")
