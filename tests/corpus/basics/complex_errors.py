# requires: BUILTIN_COMPLEX FLOAT FLOAT_DOUBLE ERROR_MSG_DETAILED
# The messages of the errors complex numbers raise, worded as CPython 3.11 words them.
z = 1 + 2j


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: z / 0)
show(lambda: z / 0.0)
show(lambda: 1 / 0j)
show(lambda: z / (0 * 1j))
show(lambda: 0j ** -1)
show(lambda: 0j ** 1j)
show(lambda: 0j ** (-2 + 0j))
show(lambda: (1e200 + 1e200j) ** 2)
show(lambda: 10.0 ** (400 + 0j))
show(lambda: abs(complex(1e308, 1e308)))
show(lambda: z < 1)
show(lambda: 1 <= z)
show(lambda: z > z)
show(lambda: 1.5 >= z)
show(lambda: z // 2)
show(lambda: 2 % z)
show(lambda: z & 1)
show(lambda: ~z)
show(lambda: float(z))
show(lambda: int(z))
show(lambda: round(z))
show(lambda: z.foo)
show(lambda: complex("1+2"))
show(lambda: complex("1__0j"))
show(lambda: complex("_1j"))
show(lambda: complex([]))
show(lambda: complex(1, []))
show(lambda: complex(None))
show(lambda: complex("1", 2))
show(lambda: complex(1, "2"))
show(lambda: complex(1, 2, 3))
show(lambda: complex(foo=1))
show(lambda: complex(1, real=2))
show(lambda: complex(1, 2, imag=3))
show(lambda: 10 ** 400 + 1j)
