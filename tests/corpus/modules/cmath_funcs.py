# requires: MODULE_CMATH BUILTIN_COMPLEX FLOAT FLOAT_DOUBLE BUILTIN_HELPERS
# Every cmath function over points in all four quadrants, on the axes and near the branch
# cuts, rounded to 10 places (the last digits of libm may differ between C libraries).
import cmath


def r(z):
    return complex(round(z.real, 10), round(z.imag, 10))


points = [
    0.5 + 0.5j, 2 - 3j, -2.5 + 1.25j, -0.75 - 0.2j, 10 + 10j, 0.1 + 0.2j, 100 + 0.5j,
    3j, -3j, 2, -2, 0.5, -0.5, complex(2, 0.0), complex(2, -0.0), complex(-2, 0.0),
    complex(-2, -0.0), complex(0.0, 2), complex(-0.0, 2), complex(0.0, -2), complex(-0.0, -2),
]
names = [
    "sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh",
    "asin", "acos", "atan", "asinh", "acosh", "atanh",
]
for name in names:
    f = getattr(cmath, name)
    print(name, [r(f(z)) for z in points])
for z in points:
    print(z, r(cmath.log(z, 3)), r(cmath.log(z, 1 + 1j)), r(cmath.rect(*cmath.polar(z))))
# identities
for z in (0.3 + 0.4j, -1.2 + 0.7j, 2 - 0.1j):
    print(r(cmath.sin(z) ** 2 + cmath.cos(z) ** 2), r(cmath.exp(cmath.log(z)) - z), r(cmath.sqrt(z) ** 2 - z))
    print(r(cmath.tan(cmath.atan(z)) - z), r(cmath.sinh(cmath.asinh(z)) - z), r(cmath.cosh(cmath.acosh(z)) - z))
