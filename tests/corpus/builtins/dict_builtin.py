print(dict(), dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({"x": 1}, y=2), dict(zip("ab", [1, 2])))
print(dict([("k", 1), ("k", 2)]), dict([]))
try:
    dict([1, 2])
except TypeError:
    print("TypeError")
try:
    dict([("a", 1, 2)])
except ValueError:
    print("ValueError")
