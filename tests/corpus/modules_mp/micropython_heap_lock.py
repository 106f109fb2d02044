# requires: MODULE_MICROPYTHON FLOAT
# micropython.heap_lock() makes every heap allocation fail with MemoryError until the
# matching heap_unlock(); locks nest and heap_unlock() returns the depth left. Code
# that needs no heap (small-int arithmetic, print of existing objects) keeps working.
import micropython

words = ["alpha", "beta"]
total = 0
makers = (lambda: [1, 2, 3], lambda: {"k": 1}, lambda: 1.5 * total, lambda: "x" * 50)
micropython.heap_lock()
for i in range(10):
    total += i * 3
print("sum", total, words[1], len(words))
for make in makers:
    try:
        make()
        print("allocated")
    except MemoryError:
        print("MemoryError")
micropython.heap_lock()
print("depth after unlock", micropython.heap_unlock())
print("depth after unlock", micropython.heap_unlock())
print("depth never below", micropython.heap_unlock())
print("allocating again", [i * i for i in range(5)], 1.5 * total)


def guarded(n):
    micropython.heap_lock()
    try:
        return n + 1
    finally:
        micropython.heap_unlock()


print(guarded(41), micropython.heap_unlock())
