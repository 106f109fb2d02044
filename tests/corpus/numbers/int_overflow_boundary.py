# requires: INT_BIG_MPZ|INT_BIG_LONGLONG
big = 2 ** 30
print(big, big * 2, big * big, -big * 4, (big - 1) * 3)
n = 1
for i in range(62):
    n *= 2
print(n, n - 1 + n, -n - n)
print(1 << 40, (1 << 40) >> 39, 123456789 * 1000, 2 ** 62 // 3)
x = 1073741823
print(x + 1, x * x, -x - 2)
print(hash(5) == 5, abs(-(2 ** 40)))
