# requires: BUILTIN_EXTRAS BUILTIN_HELPERS BUILTIN_REVERSED FLOAT
# bool has int's attributes (True.real was an AttributeError: the attribute hook is the
# type's own), int.as_integer_ratio(), reversed() of dict views (TypeError naming 'list'),
# vars() of an object without __dict__ (a TypeError, not AttributeError).
for b in (True, False, 7, -2):
    print(b.real, b.imag, b.numerator, b.denominator, b.as_integer_ratio(), b.conjugate(),
          type(b.real).__name__)
print(True.bit_length(), (255).as_integer_ratio())
d = {1: "a", 2: "b", 3: "c"}
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())))
print(list(reversed(d.items())), list(reversed({}.keys())))
for o in (1, "x", None, [1], (2,)):
    try:
        vars(o)
    except TypeError as e:
        print("TypeError", e)


class A:
    def __init__(self):
        self.x = 1


print(vars(A()))
