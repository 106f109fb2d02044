# requires: INT_BIG_MPZ|INT_BIG_LONGLONG
try:
    x = [0] * (1 << 62)
except MemoryError:
    print("MemoryError caught")
except OverflowError:
    print("MemoryError caught")
y = [1, 2, 3]
print("still allocating", y * 2)
