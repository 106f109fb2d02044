for v in (0, 7, -7, 1234567, -999999, 0x3FFFFFFF):
    s = str(v)
    print(s, int(s) == v, repr(v) == s, len(s))
print(int("000123"), int("-0"), str(-0))
