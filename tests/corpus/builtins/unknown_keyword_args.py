# requires: ERROR_MSG_NORMAL|ERROR_MSG_DETAILED BUILTIN_HELPERS
# Builtins that take keyword arguments reject a keyword they do not know (a typo must
# raise, not be ignored) and too many positional arguments.


def check(label, fn):
    try:
        r = fn()
        print(label, "->", r)
    except TypeError:
        print(label, "-> TypeError")


check("sort key", lambda: sorted([3, 1, 2], key=lambda x: -x))
check("list.sort typo", lambda: [2, 1].sort(revers=True))
check("list.sort positional", lambda: [2, 1].sort(None))
check("sorted typo", lambda: sorted([1], keys=None))
check("min default", lambda: min([], default=5))
check("min typo", lambda: min([1, 2], dflt=0))
check("max typo", lambda: max(1, 2, key=abs, other=1))
check("round ok", lambda: round(1250, ndigits=-2))
check("round none", lambda: round())
check("round three", lambda: round(1, 2, 3))
check("round typo", lambda: round(15, digits=1))
check("sum start", lambda: sum([1, 2], start=10))
check("sum typo", lambda: sum([1, 2], begin=10))
check("sum three", lambda: sum([1], 2, 3))
check("enumerate ok", lambda: list(enumerate("ab", start=1)))
check("enumerate typo", lambda: enumerate("ab", begin=1))
check("enumerate three", lambda: enumerate("ab", 1, 2))
check("print typo", lambda: print("x", ending=""))
check("int base", lambda: int("ff", base=16))
check("int typo", lambda: int("ff", bse=16))
check("split ok", lambda: "a b  c".split(maxsplit=1))
check("split typo", lambda: "a,b".split(sepr=","))
check("rsplit four", lambda: "a b".rsplit(None, 1, 2))
