chunks = []
try:
    while True:
        chunks.append(bytes(1 << 22) * (1 << 40))
except (MemoryError, OverflowError):
    pass
chunks = None
print("recovered")
print(sum(range(1000)), [i * i for i in range(10)])
