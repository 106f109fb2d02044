# requires: INT_BIG_MPZ BUILTIN_HELPERS
a = 2 ** 100
print(a, a + 1, a * a, a // 3, a % 97, -a, a - 2 ** 99)
print(123456789012345678901234567890 * 987654321098765432109876543210)
f = 1
for i in range(1, 40):
    f *= i
print(f, len(str(f)))
print(hex(a), bin(2 ** 70), oct(3 ** 50))
print(divmod(10 ** 30, 7 ** 20), divmod(-(10 ** 30), 7 ** 20))
print(pow(3, 200, 10 ** 20), (2 ** 100) >> 37, 1 << 100, (2 ** 100) & (2 ** 64 - 1))
print(int("9" * 50) + 1, int("-" + "1" * 40) // 3)
print(2 ** 64 == 18446744073709551616, 2 ** 64 > 2 ** 63, -(2 ** 80) < 5)
