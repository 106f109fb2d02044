# requires: MODULE_CMATH BUILTIN_COMPLEX FLOAT FLOAT_DOUBLE ERROR_MSG_DETAILED
# cmath's errors: poles and overflow from finite arguments, and arguments that are not numbers.
import cmath


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: cmath.log(0))
show(lambda: cmath.log(0j))
show(lambda: cmath.log10(0))
show(lambda: cmath.log(2, 1))
show(lambda: cmath.log(2, 0))
show(lambda: cmath.atanh(1))
show(lambda: cmath.atanh(-1))
show(lambda: cmath.atan(1j))
show(lambda: cmath.atan(-1j))
show(lambda: cmath.exp(1000))
show(lambda: cmath.exp(710 + 1j))
show(lambda: cmath.cosh(1000))
show(lambda: cmath.sinh(-1000 + 1j))
show(lambda: cmath.sin(1000j + 1))
show(lambda: cmath.cos(1000j))
show(lambda: cmath.polar(complex(1e308, 1e308)))
show(lambda: cmath.rect(1, float("inf")))
show(lambda: cmath.sqrt("4"))
show(lambda: cmath.exp(None))
show(lambda: cmath.phase([]))
show(lambda: cmath.isclose(1, 2, rel_tol=-1))
show(lambda: cmath.isclose(1, 2, abs_tol=-1.0))
show(lambda: cmath.isclose(1))
show(lambda: cmath.isclose(1, 2, 3))
show(lambda: cmath.exp(709 + 0j))
show(lambda: cmath.tanh(1000 + 1j))
show(lambda: cmath.tan(1000j))
