x = 5
print(1 < x < 10, 1 < x > 10, 1 <= 1 < 2 <= 2)
print(3 == 3 == 3, 3 == 3 != 4, 1 < 2 < 3 < 4 < 5 < 4)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(0) < v(5))
print(calls)
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), "abc" < "abd", "" < "a")
print(None is None, None is not None, 1 in [1, 2], 3 not in [1, 2])
