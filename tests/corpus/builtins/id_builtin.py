a = []
b = a
c = []
print(id(a) == id(b), id(a) == id(c), isinstance(id(a), int))
