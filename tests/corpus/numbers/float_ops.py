# requires: FLOAT FLOAT_DOUBLE
x = 2.5
y = -1.25
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** 2, y ** 3, 2 ** -1, 4 ** 0.5)
print(-x, +x, abs(y), x > y, x == 2.5, x != y)
print(1 + 2.0, 3 * 0.5, True + 0.5, 10 - 0.25)
print(pow(2.0, 3), pow(2, -2), pow(9, 0.5))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(type(e).__name__)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(type(e).__name__)
try:
    5.0 % 0
except ZeroDivisionError as e:
    print(type(e).__name__)
