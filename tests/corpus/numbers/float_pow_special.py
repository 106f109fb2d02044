# requires: FLOAT FLOAT_DOUBLE
print(2.0 ** 10, 2 ** -2, (-2.0) ** 3, 4.0 ** 0.5, 0.0 ** 0, 2.0 ** -3, 1.5 ** 2)
try:
    0.0 ** -1
except ZeroDivisionError:
    print("ZeroDivisionError")
