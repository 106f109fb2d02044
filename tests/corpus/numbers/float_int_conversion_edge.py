# requires: FLOAT FLOAT_DOUBLE
for v in (0.0, 0.4, 0.5, 0.6, 1.5, 2.5, -0.5, -1.5, 1e9 + 0.5, 123.999):
    print(v, int(v), round(v))
print(float(0), float(-5), float(123456789))
