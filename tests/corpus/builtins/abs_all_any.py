print(abs(-5), abs(5), abs(0), abs(-True))
print(all([]), all([1, 2]), all([1, 0]), all("abc"), all([[], 1]))
print(any([]), any([0, 0, 3]), any([0, ""]), any("x"), any([None, [0]]))
