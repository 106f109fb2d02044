print(repr(ValueError()), repr(ValueError("a")), repr(ValueError("a", 1)), repr(KeyError("k")))
print(str(ValueError()), str(ValueError("a", 1)), str(IndexError("i")))
print(repr(StopIteration(3)), repr(OSError(5, "io")))
