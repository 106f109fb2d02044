print(True + True, True - False, True * 10, True // 1, -True, ~True, True & False, True | False, True ^ True)
print(sum([True, False, True]), int(True), str(True), True == 1, hash(True) == hash(1))
print(isinstance(False, int), type(True + 1).__name__, type(True & True).__name__)
