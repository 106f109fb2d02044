items = []
try:
    for i in range(16000):
        items.append([i] * 512)
except MemoryError:
    pass
n = len(items)
items = None
print("grew a list, then freed it:", n > 0)
print([i * i for i in range(8)])
