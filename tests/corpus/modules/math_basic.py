# requires: MODULE_MATH FLOAT FLOAT_DOUBLE BUILTIN_HELPERS
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(16), math.sqrt(2), math.pow(2, 10), math.exp(0), math.log(1))
print(round(math.sin(1), 12), round(math.cos(1), 12), round(math.tan(0.5), 12))
print(round(math.asin(0.5), 12), round(math.acos(0.5), 12), round(math.atan(1) * 4, 12), math.atan2(1, 1) * 4 == math.pi)
print(round(math.sinh(1), 12), round(math.cosh(1), 12), round(math.tanh(1), 12))
print(round(math.asinh(1), 12), round(math.acosh(2), 12), round(math.atanh(0.5), 12))
print(math.log(8, 2), math.log2(1024), math.log10(1000), round(math.log1p(1e-10) * 1e10, 6), round(math.expm1(1e-10) * 1e10, 6))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot(), math.dist((0, 0), (3, 4)), math.dist([1, 1, 1], [2, 2, 2]) ** 2)
print(math.degrees(math.pi), math.radians(180) == math.pi, math.fabs(-2), math.copysign(3, -0.0), math.copysign(-1, 1))
print(math.fmod(-7, 3), math.fmod(7, -3), math.remainder(7, 2), math.remainder(5, 2))
print(math.modf(-2.5), math.modf(3.0), math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 3), math.ldexp(1, -2))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isinf(1e308), math.isnan(0))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0, 1e-12, abs_tol=1e-9))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, 1e308))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum(range(5)))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 3], start=10), math.prod([1.5, 2]))
