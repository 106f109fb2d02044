# requires: BUILTIN_COMPLEX FLOAT FLOAT_DOUBLE
# Complex arithmetic: + - * / ** with complex, int, float and bool operands on either side.
a = 1 + 2j
b = 3 - 4j
print(a + b, a - b, a * b, a / b, b / a)
print(a + 1, 1 + a, a - 1, 1 - a, a * 2, 2 * a, a / 2, 2 / a)
print(a + 0.5, 0.5 + a, a - 0.25, 0.25 - a, a * 1.5, 1.5 * a, a / 0.5, 0.5 / a)
print(a + True, True + a, a * False, False * a, a - True, True - a)
print(3j * 3j, 1j * 1j, 1j ** 2, (1 + 1j) ** 2, (1 + 1j) ** 8)
print(a ** 0, a ** 1, a ** 2, a ** 3, a ** -1, a ** -2, a ** 10)
print(a ** 0.5, a ** 2.0, a ** -0.5, a ** 1j, a ** (1 + 1j), 2 ** a, 2.0 ** a, (-1) ** 0.5j)
print(0j ** 0, 0j ** 2, 0j ** 0j, (2 + 0j) ** 3, (-8 + 0j) ** (1 / 3))
print(-a, +a, -(-a), abs(3 + 4j), abs(-5j), abs(0j), abs(1 + 1j))
print(a.conjugate(), b.conjugate(), (5 + 0j).conjugate(), (1j).conjugate())
print(a.real, a.imag, (2j).real, (2j).imag, type(a.real).__name__)
x = 2 + 3j
x += 1
print(x)
x -= 1j
print(x)
x *= 2j
print(x)
x /= 1 - 1j
print(x)
x **= 2
print(x)
print(sum([1j, 2j, 3]), sum([0.5j] * 4, 1), sum([a, b]))
print((1e300 + 1e300j) / (1e300 + 1e300j), (1 + 2j) / (3 + 4j), (1e-300j) / (1e-300 + 1e-300j))
print(1 / (1e200 + 1e200j), (4 + 2j) / 2j, 7 / 7j, 2j / 4, (0.1 + 0.2j) * (0.3 - 0.4j))
print(abs(1e300 + 1e300j), (1 + 1j) ** 100, (0.5 + 0.5j) ** 101)
