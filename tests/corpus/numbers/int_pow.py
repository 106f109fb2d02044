print(2 ** 10, (-2) ** 3, -2 ** 2, 3 ** 1, 10 ** 0)
print(pow(2, 10), pow(2, 10, 1000), pow(-3, 3, 7), pow(5, 3, -7))
print(2 ** 29, 5 ** 12)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError")
