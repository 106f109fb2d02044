# requires: BUILTIN_COMPLEX FLOAT FLOAT_DOUBLE
# repr() and str() of complex numbers: parentheses, signs, signed zeros, nan and inf.
inf = float("inf")
nan = float("nan")
values = [
    1j, 2j, -2j, 0j, -0j, 1 + 2j, 1 - 2j, -1 - 2j, 1.5 + 0.25j, 0.1 + 0.2j,
    complex(0, 0), complex(-0.0, 0), complex(0, -0.0), complex(-0.0, -0.0),
    complex(1, 0), complex(-1, 0), complex(0, 1), complex(-0.0, 1),
    1e16j, 1e15j, 123456789012345678j, 1e-5j, 1e-4j, complex(1e16, 1), complex(1e-7, -1e22),
    complex(inf, 0), complex(0, inf), complex(inf, -inf), complex(-inf, inf), complex(nan, 0),
    complex(0, nan), complex(1, nan), complex(nan, nan), complex(-nan, -nan), complex(1, -nan),
    1 / 3 + 2j / 3, 100j, 1e100j, complex(12345.678, -0.001),
]
for v in values:
    print(repr(v), str(v))
print(values[:5])
print((1j, 2 + 3j), {"k": -1j})
print(str(3 - 3j) + "!", repr(-3j))
