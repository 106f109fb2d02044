# requires: INT_BIG_MPZ|INT_BIG_LONGLONG
try:
    s = "x" * (1 << 62)
except (MemoryError, OverflowError):
    print("caught big str")
try:
    b = bytes(1 << 62)
except (MemoryError, OverflowError):
    print("caught big bytes")
print("continuing", "ok" * 3)
