# A builtin type's method called through the type checks its receiver (TypeError, never
# a crash), and works on instances of subclasses.
def attempt(label, f):
    try:
        r = f()
        print(label, "->", r)
    except TypeError:
        print(label, "-> TypeError")


attempt("list.append(1, 2)", lambda: list.append(1, 2))
attempt("dict.get(1, 2)", lambda: dict.get(1, 2))
attempt("str.upper(1)", lambda: str.upper(1))
attempt("bytes.hex(1)", lambda: bytes.hex(1))
attempt("str.join(b'', [])", lambda: str.join(b"", []))
attempt("tuple.count([], 1)", lambda: tuple.count([], 1))
attempt("int.bit_length('x')", lambda: int.bit_length("x"))
attempt("str.upper('ab')", lambda: str.upper("ab"))
attempt("int.bit_length(True)", lambda: int.bit_length(True))
attempt("list.append()", lambda: list.append())
attempt("sorted key=str.lower", lambda: sorted(["b", "A", "c"], key=str.lower))


class L(list):
    def add(self, x):
        list.append(self, x)
        super().append(x)
        self.append(x)


l = L()
l.add(5)
print(l, len(l))
print(list.__name__ if hasattr(list, "__name__") else "", list.append == list.append)
