print(pow(2, 8), pow(-2, 3), pow(10, 0), pow(3, 5, 7), pow(-7, 3, 5), pow(base=2, exp=5))
print(pow(2, 8, mod=100), pow(123, 45, 67))
