# requires: BUILTIN_EXTRAS BUILTIN_HELPERS BUILTIN_BYTEARRAY BUILTIN_MEMORYVIEW GENERATORS FLOAT INT_BIG_MPZ|INT_BIG_LONGLONG BUILTIN_SET
# chr() of an int beyond a C int (OverflowError, ValueError within it), float() of any
# buffer, a generator's writable __name__ and __qualname__ (str only), dir(bytearray) with
# the bytes methods a bytearray answers.


def show(tag, f):
    try:
        print(tag, repr(f()))
    except Exception as e:
        print(tag, type(e).__name__, e)


for v in (2**40, 2**31, 2**31 - 1, -(2**31), -(2**31) - 1, -(2**40), 2**63, 2**100, 0x110000, -1, 65):
    show(("chr", v), lambda: chr(v))
show("chr float", lambda: chr(1.5))
for src in (memoryview(b"1.5"), memoryview(b" -2e3 "), bytearray(b"7"), b"inf", memoryview(b"12")[1:]):
    show(("float", bytes(src)), lambda: float(src))
for src in (memoryview(b"x"), memoryview(b"")):
    try:
        float(src)
    except ValueError as e:
        print("float bad", str(e).startswith("could not convert string to float: <memory at 0x"))
show("float list", lambda: float([1]))


def gen():
    yield 1


g = gen()
print(g.__name__, g.__qualname__)
g.__name__ = "renamed"
print(g.__name__, g.__qualname__)
g.__qualname__ = "Outer.renamed"
print(g.__name__, g.__qualname__, repr(g).startswith("<generator object Outer.renamed at "))
show("name int", lambda: setattr(g, "__name__", 5))
show("qualname None", lambda: setattr(g, "__qualname__", None))
print(g.__name__, g.__qualname__, next(g), gen().__name__)

names = set(dir(bytearray))
print(sorted(n for n in ("find", "hex", "decode", "startswith", "join", "append", "fromhex") if n in names))
print(sorted(set(dir(bytes)) - names - {"__bytes__", "__getnewargs__"}))
print("find" in dir(bytearray(b"x")), "upper" in dir(bytearray))


class BA(bytearray):
    pass


print("find" in dir(BA), "append" in dir(BA()))
