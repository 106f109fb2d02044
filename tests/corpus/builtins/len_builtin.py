print(len(""), len("abc"), len([1, 2]), len(()), len({1: 2}), len(range(10)), len(b"xy"))
print(len(range(0, 100, 7)), len([[]]), len("a" * 50))
try:
    len(42)
except TypeError as e:
    print("TypeError")
