try:
    try:
        raise ValueError("first")
    except ValueError as e:
        raise TypeError("second") from e
except TypeError as e:
    print(e, repr(e.__cause__), e.__cause__ is not None)
try:
    raise KeyError("k") from None
except KeyError as e:
    print(e.__cause__)
e = RuntimeError("r")
print(e.__cause__)
