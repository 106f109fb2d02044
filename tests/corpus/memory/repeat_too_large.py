# requires: INT_BIG_MPZ|INT_BIG_LONGLONG WORD_64
# Repetition whose size cannot exist fails cleanly (MemoryError), for tuple and list.
for seq in ((1, 2, 3, 4, 5, 6, 7, 8), [1, 2, 3, 4, 5, 6, 7, 8]):
    for n in (2 ** 61, 2 ** 62 - 1):
        try:
            seq * n
            print("made it?")
        except MemoryError:
            print(type(seq).__name__, "MemoryError")
print(len((1, 2) * 3), (1, 2) * 0, [0] * -1)
