def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(17, 5), gcd(0, 9))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print([isqrt(v) for v in (0, 1, 15, 16, 17, 1000000)])
primes = []
n = 2
while len(primes) < 15:
    if all([n % p for p in primes]):
        primes.append(n)
    n += 1
print(primes)
