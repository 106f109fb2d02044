# requires: INT_BIG_MPZ BUILTIN_HELPERS
n = -(3 ** 80)
print(n, abs(n), n // 10 ** 20, n % 10 ** 20, divmod(n, 7 ** 30), n ** 2, -n == abs(n))
print(n < -(2 ** 126), n & 0xFFFF, n | 1, ~n, n >> 3)
