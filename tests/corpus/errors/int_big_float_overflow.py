# requires: INT_BIG_MPZ FLOAT FLOAT_DOUBLE MODULE_MATH ERROR_MSG_DETAILED BUILTIN_HELPERS
# A huge int where a float is needed: float(), mixed arithmetic and most math functions
# raise OverflowError as in CPython; int / int only when the quotient is too big; math.log,
# log2 and log10 take any positive int. Operands are names: mpy-cross folds arithmetic on
# literals itself.
import math


def show(f):
    try:
        r = f()
        print(round(r, 9) if isinstance(r, float) else r)
    except (OverflowError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)


big = 10 ** 400
show(lambda: float(big))
show(lambda: float(-big))
show(lambda: float(2 ** 1024 - 2 ** 970))
show(lambda: float(2 ** 1024 - 2 ** 970 - 1))
zero = 0.0
show(lambda: big * zero)
show(lambda: big + 1.0)
show(lambda: 1.0 - big)
show(lambda: big // 1.0)
show(lambda: divmod(big, 2.5))
show(lambda: big ** 0.5)
huge, one, three = 2 ** 1024, 1, 3
show(lambda: big / three)
show(lambda: huge / one)
show(lambda: -big * big / (big // 10 ** 100))
show(lambda: big / (big // 10))
show(lambda: math.sqrt(big))
show(lambda: math.exp(big))
show(lambda: math.log1p(big))
show(lambda: math.isfinite(big))
show(lambda: math.log(big))
show(lambda: math.log2(2 ** 5000))
show(lambda: math.log10(big))
show(lambda: math.log(big, 10))
show(lambda: math.log(2 ** 3000, 2 ** 1500))
show(lambda: math.log(7 ** 1000, 7))
show(lambda: math.log(-big))
show(lambda: math.log10(-(2 ** 2000)))
show(lambda: math.log(big, 1))
show(lambda: math.log(0))
