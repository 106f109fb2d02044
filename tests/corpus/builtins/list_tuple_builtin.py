print(list(), list("ab"), list(range(3)), list((1, 2)), list({"k": 0}))
print(tuple(), tuple("ab"), tuple([1]), tuple(range(2)), tuple({"a": 1}))
l = [1, 2]
print(list(l) is l, tuple((1,)) == (1,))
