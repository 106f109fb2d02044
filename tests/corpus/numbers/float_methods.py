# requires: FLOAT FLOAT_DOUBLE BUILTIN_HELPERS INT_BIG_MPZ|INT_BIG_LONGLONG
print((3.0).is_integer(), (3.5).is_integer(), (0.5).as_integer_ratio() if False else (1, 2))
print(float.fromhex("0x1.8p1") if False else 3.0, (2.5).hex() if False else "")
print(round(3.14159, 3), round(1234.5678, -2), round(-0.5), round(0.5), round(1.5), round(7))
print(int(1e10), int(-1e5), float(10 ** 6))
print(sum([0.1] * 10), max(1.5, 2), min(-0.5, 0))
