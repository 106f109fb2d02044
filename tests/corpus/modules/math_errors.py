# requires: MODULE_MATH FLOAT
import math

cases = [
    (math.sqrt, (-1,)), (math.log, (0,)), (math.log, (-1,)), (math.log, (2, 0)), (math.log10, (0,)),
    (math.exp, (1000,)), (math.acos, (2,)), (math.asin, (-2,)), (math.atanh, (1,)), (math.cos, (math.inf,)),
    (math.pow, (0, -1)), (math.pow, (10, 1000)), (math.pow, (-1, 0.5)), (math.fmod, (1, 0)),
    (math.ldexp, (1, 100000)), (math.floor, (math.inf,)),
    (math.ceil, (math.nan,)),
]
for f, args in cases:
    try:
        print(f(*args))
    except (ValueError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
print(math.sqrt(math.inf), math.exp(-math.inf), math.pow(2, -math.inf), math.fmod(1, math.inf))
