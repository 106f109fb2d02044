# requires: FLOAT FLOAT_DOUBLE MODULE_MATH BUILTIN_HELPERS
import math
print(round(math.sqrt(2), 10), math.sqrt(16), math.pi == 3.141592653589793, round(math.e, 12))
print(round(math.sin(1), 9), round(math.cos(1), 9), round(math.exp(2), 9), round(math.log(10), 9))
print(math.floor(-2.5), math.ceil(2.1), math.trunc(-2.9), math.fabs(-3), round(math.atan2(1, 1), 9))
print(math.isnan(float("nan")), math.isinf(float("-inf")), math.copysign(1, -0.0))
print(round(math.log10(1000), 9), round(math.log2(8), 9), math.pow(2, 10), math.fmod(7, 3))
