print(max(1, 5, 3), min(1, 5, 3), max([4, 9, 2]), min("hello"), max("a", "b"))
print(max([], default="empty"), min([], default=None), max([1], default=0))
print(max(["aa", "b", "ccc"], key=len), min([-3, 2, -1], key=abs), max(3, -5, key=abs))
print(max([(1, "b"), (1, "a")]), min([[2], [1, 5]]))
print(max([1, 3, 3, 2], key=lambda v: v % 3), max({"x": 1, "y": 2}))
try:
    max([])
except ValueError as e:
    print("ValueError")
try:
    min(1)
except TypeError as e:
    print("TypeError")
