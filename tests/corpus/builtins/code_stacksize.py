# requires: COMPILER BUILTIN_HELPERS COMPILER_INTROSPECTION
# A code object's co_stacksize: an int, at least 1 for code that computes anything, and at
# least as deep as the nesting of the expression it evaluates.


def small():
    return 1


def deep(a, b, c):
    return a + (b * (c - (a + (b * (c - 1)))))


for f in (small, deep, compile("x = 1", "<s>", "exec"), compile("[1, (2, (3, 4))]", "<s>", "eval")):
    n = f.__code__.co_stacksize if hasattr(f, "__code__") else f.co_stacksize
    print(type(n).__name__, n >= 1)
print(deep.__code__.co_stacksize >= 4, deep.__code__.co_stacksize > small.__code__.co_stacksize)
