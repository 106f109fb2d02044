a = [1, 2, 3]
print(a == [1, 2, 3], a != [1, 2], a < [1, 2, 4], [] < [0])
print(a * 0, 2 * a, a + [])
b = a[:]
b[0] = 99
print(a, b)
m = [[0] * 2] * 2
m[0][0] = 1
print(m)
print(list("abc"), list((1, 2)), list(range(3)), list({"k": 1}))
print(len([None] * 7), [1, [2, [3]]])
a[1] = a
print(a)
try:
    [1, 2][5]
except IndexError as e:
    print(type(e).__name__)
try:
    [1, 2][5] = 0
except IndexError as e:
    print(type(e).__name__)
