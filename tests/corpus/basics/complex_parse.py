# requires: BUILTIN_COMPLEX FLOAT FLOAT_DOUBLE
# complex() from strings, numbers, complex parts, keywords and classes with __complex__ etc.
texts = [
    "1+2j", "3j", " (1-2j) ", "( 1-2j )", "\t-4.5J\n", "j", "+j", "-j", "1+j", "1-J",
    "1e5j", "1e+5-2.5e-3j", "1_000+2_0j", ".5j", "5.j", "inf", "-inf+infj", "nanj",
    "NaN-NANJ", "infinityj", "-Infinity+1j", "1.5", "-0", "-0j", "-0-0j", "1e400j",
    "1e-400+1j", "+1.25-0.75j", "(3)",
    "(1-2j", "1-2j)", "()", "", " ", "1 + 2j", "1+2 j", "1+2jj", ".j", "1e", "1ej", "1+",
    "+", "0x10", "1+2", "2j+1", "((1+2j))", "infj+1", "1__0j", "_1j", "1_j", "j1",
]
for t in texts:
    try:
        print(repr(t), repr(complex(t)))
    except ValueError:
        print(repr(t), "ValueError")
print(complex(), complex(1), complex(1.5, 2), complex(2, 1.5), complex(True, False))
print(complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(1, 1j), complex(1j, 2), complex(2 ** 40, -1))
print(complex(-0.0), complex(0.0, -0.0), complex(-0.0, -0.0), complex(real=1.5), complex(imag=2))
print(complex(real=1, imag=-1), complex(1 + 1j), complex(imag=1j))
z = 3 + 4j
print(complex(z) is z, complex(z) == z)


class C:
    def __complex__(self):
        return 3 + 4j


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 7


print(complex(C()), complex(F()), complex(I()), complex(F(), F()), complex(1, I()))
for bad in ([], None, b"1j", {}):
    try:
        complex(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)
for args in (("1", 2), (1, "2"), (1, 2, 3), (1, [])):
    try:
        complex(*args)
    except TypeError:
        print("TypeError", args)
