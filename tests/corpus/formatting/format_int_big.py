# requires: STR_FORMAT INT_BIG_MPZ
n = 2 ** 100 + 12345
print("{:,}".format(n), "{:x}".format(n), "{:>50}".format(n), "{:_b}".format(2 ** 40))
print("%d %x %o" % (n, n, 3 ** 40), f"{-n:+}")
