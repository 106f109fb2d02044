# requires: FLOAT FLOAT_DOUBLE INT_BIG_MPZ|INT_BIG_LONGLONG
print(1 == 1.0, 2 < 2.5, 3 > 2.999, [1, 2.5, 2] == [1.0, 2.5, 2.0])
print(sorted([3, 1.5, 2, -0.5, 2.0]), max(1, 1.0), min(2.0, 2))
print(10 / 4, 10 // 4, 10 % 4.0, 0.5 * 4 == 2.0)
print(hash(2.0) == hash(2), {1: "a"}[1.0], 0.0 == -0.0)
print(int("7") + float("0.5"), float(2 ** 52) + 1, float(2 ** 53) + 1)
