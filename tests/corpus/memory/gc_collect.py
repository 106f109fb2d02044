# requires: MODULE_GC
import gc
data = [list(range(100)) for _ in range(100)]
del data
gc.collect()
print("collected")
keep = [bytes(100) for _ in range(10)]
gc.collect()
print(len(keep), sum([len(k) for k in keep]))
