# requires: FLOAT FLOAT_DOUBLE BUILTIN_COMPLEX MODULE_MATH
import math

print((-1) ** 2.3, (-8.0) ** (1 / 3))
print((-2.0) ** float("nan"), 0.0 ** float("-inf"), (-0.0) ** float("-inf"), 0.0 ** float("inf"))
print(math.log(float("inf"), float("inf")), math.log(8, 2))
print(float("9" * 60 + "e-60"), float("0." + "0" * 80 + "1e81"), float("1" * 100))
