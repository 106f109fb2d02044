# requires: BUILTIN_HELPERS
print(round(7), round(15, -1), round(25, -1), round(1234, -2), round(-1250, -2), round(5, 0))
print(abs(0), abs(-0), abs(-12345))
print(sum([1, 2, 3]), sum([], 10), sum(range(5), -10))
