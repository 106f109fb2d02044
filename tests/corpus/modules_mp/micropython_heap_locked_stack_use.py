# requires: MODULE_MICROPYTHON
# micropython.heap_locked() is the heap lock depth (heap_lock() nests); stack_use() the C
# stack in use in bytes: an int, and one that does not allocate (works with the heap locked).
import micropython

print(micropython.heap_locked())
micropython.heap_lock()
micropython.heap_lock()
depth2 = micropython.heap_locked()
used = micropython.stack_use()
micropython.heap_unlock()
depth1 = micropython.heap_locked()
left = micropython.heap_unlock()
print(depth2, depth1, left, micropython.heap_locked())
print(micropython.heap_unlock(), micropython.heap_locked())  # unlocking more than locked stays 0

print(type(used).__name__, used > 0)
# a call through a builtin (C code) runs deeper in the C stack than the caller
inner = list(map(lambda _: micropython.stack_use(), [0]))[0]
print(inner >= micropython.stack_use())
for f in (micropython.heap_locked, micropython.stack_use):
    try:
        f(1)
    except TypeError:
        print("TypeError")
