# requires: MODULE_GC
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.collect()
gc.enable()
print(gc.isenabled())
