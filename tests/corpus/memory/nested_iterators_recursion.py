# requires: BUILTIN_HELPERS
# Nested C-level iterators evaluated ever deeper end in RuntimeError (RecursionError)
# long before the heap fills (CPython has no C-stack limit here: expected output is
# in the .exp file).
for make in (lambda x: enumerate(x), lambda x: filter(None, x), lambda x: map(max, x, ()), lambda x: zip(x)):
    x = (1, 2)
    n = 0
    try:
        while n < 1000000:
            for i in range(10):
                x = make(x)
            n += 10
            tuple(x)
        print("no error")
    except RuntimeError:
        print("RuntimeError")
nested = 1
for i in range(100000):
    nested = (nested,)
try:
    hash(nested)
except RecursionError:
    print("hash RecursionError")
