print(isinstance(3, int), isinstance(True, int), issubclass(bool, int))
print(int.__name__, bool.__name__)
x = 5
x = x * 3 + 1
print(x, -x, x * -1)
