# requires: INT_BIG_MPZ|INT_BIG_LONGLONG MODULE_SYS STR_UNICODE
# Repeating a str or bytes so often that the result could not have a length at all
# (past sys.maxsize) is an OverflowError, whatever the heap size; a zero or negative
# count gives the empty value.
import sys

for seq in ("abc", b"xyz", "\u00e9t\u00e9"):
    for n in (sys.maxsize, sys.maxsize // 2, 2**62):
        try:
            seq * n
            print(type(seq).__name__, n, "no error")
        except OverflowError as e:
            print(type(seq).__name__, "OverflowError")
        except MemoryError:
            print(type(seq).__name__, "MemoryError")
    print(repr(seq * 0), repr(seq * -5), repr(seq * 2), repr(3 * seq))
try:
    "ab" * (sys.maxsize + 1)
except OverflowError:
    print("count too large for an index: OverflowError")
s = "q"
s *= 4
print(s)
