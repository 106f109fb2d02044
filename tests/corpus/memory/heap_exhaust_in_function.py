def fill():
    keep = []
    while len(keep) < 20000:
        keep.append("item" * 1000 + str(len(keep)))
    return len(keep)
try:
    r = fill()
except MemoryError:
    r = 20000
print("fill returned or failed cleanly:", r)
def small():
    return [1, 2, 3]
print(small())
