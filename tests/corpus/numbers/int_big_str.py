# requires: INT_BIG_MPZ STR_FORMAT
s = "".join([str(i % 10) for i in range(200)])
n = int(s)
print(str(n) == s.lstrip("0"), n % 1000003, len(str(n * n)))
print(int("f" * 40, 16), int("1" * 100, 2) == 2 ** 100 - 1)
print("%d" % (10 ** 25), "%x" % (2 ** 80), repr(-(10 ** 21)))
