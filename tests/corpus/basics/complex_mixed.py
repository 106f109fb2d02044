# requires: BUILTIN_COMPLEX FLOAT FLOAT_DOUBLE STR_FORMAT BUILTIN_HELPERS
# complex next to int and float: the builtins, isinstance, conversions that must fail.
z = 2 - 1j
print(isinstance(z, complex), isinstance(1, complex), isinstance(1.0, complex), type(z).__name__)
print(type(1 + 0j) is complex, type(1j * 1.0).__name__, type(2 * 1j).__name__, complex.__name__)
for f in (float, int):
    try:
        f(z)
    except TypeError:
        print(f.__name__, "TypeError")
try:
    round(z)
except TypeError:
    print("round TypeError")
for op in ("<", "<=", ">", ">="):
    try:
        if op == "<":
            z < 1
        elif op == "<=":
            1 <= z
        elif op == ">":
            z > z
        else:
            1.5 >= z
    except TypeError:
        print(op, "TypeError")
for bad in (lambda: z // 2, lambda: z % 2, lambda: 2 // z, lambda: z & 1, lambda: ~z, lambda: z << 1):
    try:
        bad()
    except TypeError:
        print("TypeError")
print(max([1j, 3j, 2j], key=abs), sorted([3 + 4j, 1j, -2], key=abs), min(abs(1j), 0.5))
print([x * 1j for x in range(4)], list(map(complex, [1, 2.5, "3j"])))
print(pow(1j, 2), pow(2, 1j), pow(z, -1), divmod(7, 2))
print((1j).imag, 2 * 1j == 2j, 1.5 * 2j, 10 ** 2 * 1j)


class C(complex):
    def double(self):
        return self * 2


c = C(1, 2)
print(c, c.double(), c + 1, isinstance(c, complex), type(c).__name__, c.real, c.conjugate())
print(f"{z}", "{}".format(z), str(z), "%s" % (z,), "%r" % (-z,))
