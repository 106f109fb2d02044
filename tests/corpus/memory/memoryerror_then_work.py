# requires: INT_BIG_MPZ|INT_BIG_LONGLONG
def try_alloc(n):
    try:
        return len(bytes(n))
    except (MemoryError, OverflowError):
        return -1
print(try_alloc(10), try_alloc(1 << 62) == -1, try_alloc(100))
big = []
for i in range(100):
    big.append(str(i))
print(len(big), big[-1])
