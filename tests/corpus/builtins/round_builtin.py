# requires: BUILTIN_HELPERS
print(round(0), round(5), round(-5), round(15, -1), round(25, -1), round(35, -1), round(149, -2), round(150, -2))
print(round(7, 2), round(-250, -2), round(1234567, -3))
