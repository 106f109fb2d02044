def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise TypeError("bad input: " + s) from e
for s in ("12", "x"):
    try:
        print(convert(s))
    except TypeError as e:
        print(e, type(e.__cause__).__name__)
