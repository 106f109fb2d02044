# requires: MODULE_MATH MODULE_MATH_SPECIAL FLOAT FLOAT_DOUBLE BUILTIN_HELPERS
import math

print(math.gamma(5), round(math.gamma(0.5) ** 2, 10), math.lgamma(1), abs(math.lgamma(10) - math.log(362880)) < 1e-9)
print(math.erf(0), math.erfc(0), round(math.erf(1), 12), round(math.erfc(1), 12), round(math.lgamma(0.5), 12))
for f, a in ((math.gamma, 0), (math.gamma, -2), (math.lgamma, 0), (math.gamma, 200)):
    try:
        f(a)
    except (ValueError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
