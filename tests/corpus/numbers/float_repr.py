# requires: FLOAT FLOAT_DOUBLE BUILTIN_HELPERS
for v in [0.1, 0.2, 0.3, 1 / 3, round(2 ** 0.5, 12), 1e-7, 1.5e300, 5e-324, 123.456, 1e15, 1e16, 1.0, -0.0, 100.5]:
    print(repr(v), str(v))
print(float("nan"), -float("inf"), float("1e400"))
