# requires: INT_BIG_MPZ
a, b = 0, 1
for _ in range(300):
    a, b = b, a + b
print(a)
def gcd(x, y):
    while y:
        x, y = y, x % y
    return x
print(gcd(2 ** 120 * 3 ** 5, 6 ** 40), gcd(a, b))
