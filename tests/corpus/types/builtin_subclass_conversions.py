# requires: FLOAT BUILTIN_COMPLEX STR_FORMAT SLOT_WRAPPERS_TYPES BUILTIN_HELPERS
# Instances of classes derived from int, float, complex and str go through the builtins that
# convert or format numbers as the values they hold: float(), int(), complex(), round(),
# %-formatting (%d %x %f %e %g) and format specs (format(), str.format, f-strings), unless
# the class defines its own __float__, __int__, __complex__ or __format__.
class Count(int):
    def __repr__(self):
        return "Count(%d)" % self


class Ratio(float):
    pass


class Wave(complex):
    pass


class Label(str):
    pass


class Quarter(int):
    def __float__(self):
        return 0.25


class Formatted(float):
    def __format__(self, spec):
        return "<" + spec + ">"


c, r, w, s, q = Count(42), Ratio(2.5), Wave(3 + 4j), Label("1+2j"), Quarter(4)
print(repr(c), str(c), "%d %x %5d|%-5d|%o" % (c, c, c, c, c))
print("%f %e %g %d %i" % (r, r, r, r, r), "%.1f %.2e" % (c, c))
print(format(c, "d"), format(c, "#x"), format(c, ">6"), format(c, ","), format(c, "f"), format(c, ""))
print("{:08.3f} {:e} {:g} {:%}".format(r, r, r, r), f"{r:>8}|{r:.1f}|{r}")
print(f"{w:>12}|{w:.1f}|{s:>6}|{s:.2}|{s}")
print(float(c), float(r), float(q), int(r), int(Ratio(-3.7)), int(Label("12")))
print(complex(w), complex(s), complex(r, r), complex(c))
print(round(r), round(Ratio(2.675), 2), round(c), round(Count(1234), -2), type(round(r)).__name__)
print(format(Formatted(1.5), "x"), f"{Formatted(2):abc}")
