try:
    raise MemoryError("simulated")
except MemoryError as e:
    print(type(e).__name__, e)
print(issubclass(MemoryError, Exception))
