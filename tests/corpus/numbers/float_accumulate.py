# requires: FLOAT FLOAT_DOUBLE
total = 0.0
for i in range(1, 101):
    total += 1.0 / i
print(total)
x = 1.0
for _ in range(50):
    x = x / 2 + 1 / x
print(x)
v = 1.0
for _ in range(30):
    v *= 1.5
print(v, v / 3, int(v))
