print(1 << 0, 1 << 20, 5 >> 0, 5 >> 10, -1 >> 10, -5 >> 1, -(1 << 20) >> 3)
try:
    1 << -1
except ValueError:
    print("ValueError negative shift")
try:
    1 >> -1
except ValueError:
    print("ValueError negative shift")
