s = slice(5)
print(s, s.start, s.stop, s.step, slice(1, 5, 2), slice(None))
print("0123456789"[slice(2, 8, 3)], [1, 2, 3][slice(None, None, -1)])
