# requires: BUILTIN_HELPERS BUILTIN_EXTRAS FLOAT BUILTIN_COMPLEX BUILTIN_MEMORYVIEW BUILTIN_PROPERTY GENERATORS BUILTIN_SET
# dir() of the builtin types and their instances lists the attributes they answer that are
# no methods (int.real, range.start, memoryview.nbytes, BaseException.args, ...), as CPython's.


def gen():
    yield 1


cases = [
    (1, ["real", "imag", "numerator", "denominator"]),
    (True, ["real", "imag", "numerator", "denominator"]),
    (1.5, ["real", "imag"]),
    (2j, ["real", "imag"]),
    (range(3), ["start", "stop", "step"]),
    (slice(1, 2), ["start", "stop", "step"]),
    (memoryview(b"ab"), ["obj", "nbytes", "readonly", "itemsize", "format"]),
    (property(), ["fget", "fset", "fdel"]),
    (ValueError("x"), ["args"]),
    (KeyError(), ["args"]),
    (gen(), ["gi_running", "gi_code"]),
]
for obj, names in cases:
    t, d = set(dir(type(obj))), set(dir(obj))
    print(type(obj).__name__, [(n, n in t, n in d, hasattr(obj, n)) for n in names])
print(sorted(n for n in dir(1) if not n.startswith("_") and n not in ("bit_count", "is_integer")))
