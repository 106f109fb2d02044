# requires: INT_BIG_MPZ|INT_BIG_LONGLONG BUILTIN_HELPERS
a = 4000000000
b = 3000000000
print(a + b, a - b, b - a, a * 2, a // 7, a % 7, -a // 7, a * 1000)
print(2 ** 62, -(2 ** 62), (2 ** 62) // 3, 9223372036854775807 // 2)
print(a > b, a == 4 * 10 ** 9, str(a), int("9000000000") + 1, hex(a))
