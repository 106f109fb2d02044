# requires: INT_BIG_MPZ|INT_BIG_LONGLONG
m = 1073741823
n = -1073741824
print(m, n, m + n, m // 7, n // 7, m % 1000, n % 1000, -m, m - 1)
print(m > n, m == 0x3FFFFFFF, n == -0x3FFFFFFF - 1)
print(12345 * 6789, 32767 * 32767, -32768 * 32767)
