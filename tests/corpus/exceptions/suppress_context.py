# __cause__, __context__ and __suppress_context__ through raise, raise from, from None
def chained(kind):
    try:
        try:
            {}["missing"]
        except KeyError as e:
            if kind == "from":
                raise ValueError("with cause") from e
            if kind == "none":
                raise ValueError("from none") from None
            raise ValueError("implicit")
    except ValueError as v:
        return v
for kind in ("implicit", "from", "none"):
    v = chained(kind)
    print(kind, type(v.__context__).__name__, type(v.__cause__).__name__, v.__suppress_context__)
e = RuntimeError("x")
print(e.__suppress_context__, e.__cause__, e.__context__)
e.__cause__ = None
print(e.__suppress_context__)
e.__suppress_context__ = False
print(e.__suppress_context__)
e.__cause__ = KeyError("k")
print(e.__suppress_context__, type(e.__cause__).__name__)
