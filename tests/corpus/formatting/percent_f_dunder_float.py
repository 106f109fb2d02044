# requires: STR_FORMAT FLOAT FLOAT_DOUBLE MODULE_MATH
# %f and math functions take objects with __float__.
import math


class F:
    def __float__(self):
        return 2.5


print("%f %.1e %g" % (F(), F(), F()), math.sqrt(F()), math.floor(F()))
try:
    "%f" % object()
except TypeError:
    print("TypeError")
