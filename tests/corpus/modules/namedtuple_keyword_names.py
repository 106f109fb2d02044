# requires: MODULE_COLLECTIONS
# Every keyword is refused as a type or field name (ValueError), the same text in another
# case or with more letters is an ordinary name, and rename=True gives a keyword field its
# position's name (_0, _1...). With the compiler, the check reads the lexer's keyword table.
from collections import namedtuple

KEYWORDS = (
    "False None True and as assert async await break class continue def del elif else except "
    "finally for from global if import in is lambda nonlocal not or pass raise return try "
    "while with yield"
).split()

refused = 0
for kw in KEYWORDS:
    for make in (lambda: namedtuple("T", ["a", kw]), lambda: namedtuple(kw, "a b")):
        try:
            make()
            print("accepted", kw)
        except ValueError:
            refused += 1
print("refused", refused, "of", 2 * len(KEYWORDS))

for name in ("false", "none", "TRUE", "iff", "i", "yields", "nonlocals", "continued", "Class", "a", "z", "zz"):
    T = namedtuple("T", ["x", name])
    print(name, T._fields)

R = namedtuple("R", "a def b class return", rename=True)
print(R._fields)
