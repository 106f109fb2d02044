# requires: INT_BIG_MPZ FLOAT FLOAT_DOUBLE
# Comparisons of ints with floats are exact, as in CPython: a huge int against a finite float,
# infinities and NaN, and ints a double does not hold against their nearest double.
# (c() takes the operands as names: no comparison of literals is left to mpy-cross.)
inf = float("inf")
nan = float("nan")
big = 10 ** 400
print(big > 1e308, big >= 1e308, big < 1e308, big == 1e308, big != 1e308, 1e308 < big)
print(2 ** 1024 == inf, 2 ** 1024 < inf, -(2 ** 1024) > -inf, inf > big, -inf < -big)
print(big == nan, big != nan, big < nan, nan > big, nan == big, nan != big)


def c(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)


print(c(2 ** 53 + 1, 2.0 ** 53), c(2.0 ** 53, 2 ** 53 + 1), c(2 ** 53, 2.0 ** 53))
print(c(2 ** 60 + 1, float(2 ** 60)), c(2 ** 60, float(2 ** 60)), c(-(2 ** 62) - 1, float(-(2 ** 62))))
print(c(2 ** 1023, 2.0 ** 1023), c(2 ** 1023 + 1, 2.0 ** 1023), c(3 ** 600, 1.7976931348623157e308))
print(c(5, 5.5), c(5, 5.0), c(-5, -5.5), c(-6, -5.5), c(0, -0.0), c(big, 0.5), c(-big, -0.5))
print(c(big, inf), c(-inf, big), c(nan, 1), c(1, nan), c(2 ** 63, 9.2233720368547758e18))
print(sorted([2 ** 70 + 1, float(2 ** 70), 2 ** 70 - 1, 1e21, 10 ** 21]))
seed = 7
for i in range(60):
    seed = (seed * 1103515245 + 12345) % (1 << 31)
    n = (1 << (seed % 1100)) + seed % 1000 - 500
    f = float(n) if n.bit_length() < 1024 else 1.5e308
    print(i, n < f, n == f, n > f, n <= f + 1, -n >= -f)
