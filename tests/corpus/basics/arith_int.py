a = 17
b = 5
print(a + b, a - b, a * b, a // b, a % b)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(a ** 2, b ** 3, 2 ** 0, 0 ** 0)
print(-a, +a, ~a, ~-a)
print(a & b, a | b, a ^ b, a << 3, a >> 2, -a >> 1)
print(7 * 6 - 4 // 3 + 2 ** 3 ** 2 % 100)
print((1 + 2) * (3 + 4), 1 + 2 * 3 + 4)
