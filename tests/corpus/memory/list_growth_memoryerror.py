# requires: BUILTIN_BYTEARRAY GENERATORS
# A list whose growth failed with MemoryError keeps its old room: the appends after it grow
# it again instead of writing past its block into the objects after it (the heap's chunks).
reserve = bytearray(16384)  # freed later: room for the list's next growth
victim = [7] * 1000
chunks = []
zero = bytes(1024)
try:
    for i in range(12000):  # more than the host's heap
        chunks.append(bytes(1024))
except MemoryError:
    pass
try:
    victim.append(-1)  # the heap is full (on the host): the growth fails
except MemoryError:
    pass
del victim[1000:]
reserve = None
try:
    for i in range(1000):
        victim.append(i)
except MemoryError:
    pass
intact = all(c == zero for c in chunks)
chunks.clear()
print(intact)
print(victim[:1000] == [7] * 1000, victim[1000:] == list(range(len(victim) - 1000)))
print(len(victim), sum(victim[1000:]))
