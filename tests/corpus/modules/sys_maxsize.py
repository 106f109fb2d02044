# requires: MODULE_SYS INT_BIG_MPZ
# With big ints, sys.maxsize is the machine word's largest int, as CPython's.
import sys

print(sys.maxsize == 2**63 - 1 or sys.maxsize == 2**31 - 1, sys.maxsize + 1 > sys.maxsize)
