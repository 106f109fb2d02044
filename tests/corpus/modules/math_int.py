# requires: MODULE_MATH FLOAT INT_BIG_MPZ
import math

print(math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.trunc(2.7))
print(math.floor(7), math.ceil(True), type(math.floor(2.5)).__name__, math.floor(1e20), math.ceil(-1e20))
print(math.factorial(0), math.factorial(5), math.factorial(25))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-12, 18, 30), math.gcd(), math.gcd(2**100, 2**70 * 3))
print(math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(3, 5, 7))
print(math.comb(10, 3), math.comb(5, 7), math.comb(50, 25), math.perm(5, 2), math.perm(5), math.perm(3, 5))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**20 + 1), math.isqrt(2**127))
for bad in (lambda: math.factorial(-1), lambda: math.isqrt(-1), lambda: math.comb(-1, 2), lambda: math.factorial(2.5)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
