blocks = []
try:
    for i in range(65536):
        blocks.append(bytes(1024))
except MemoryError:
    pass
print("allocated some blocks:", len(blocks) > 0)
blocks = None
again = [bytes(100) for _ in range(20)]
print("heap usable again:", len(again), sum([len(b) for b in again]))
