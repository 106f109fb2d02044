# requires: FLOAT FLOAT_DOUBLE INT_BIG_MPZ
# A big int's conversion to float: cases where rounding 16 bits at a time (twice) gave a
# double other than the correctly rounded one CPython gives; folded constants and run time.
n = 2**79 + 2**26 + 1
print(float(n) == 2**79 + 2**27, n * 1.0 == 2**79 + 2**27, float(-n) == -(2**79 + 2**27))
print(604462909807314654461953 * 1.0 == 604462909807314721570816, float(n) - float(2**79))
print(986289281496605860061 / 1, float(986289281496605860061), int(float(n)) - n)
