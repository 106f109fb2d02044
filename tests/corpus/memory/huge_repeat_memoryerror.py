# requires: INT_BIG_MPZ|INT_BIG_LONGLONG WORD_64
# Sizes that do not fit the address space are a MemoryError, never a wrapped-around
# small allocation.
for label, f in [
    ("tuple", lambda: (1, 2) * 2**61),
    ("list", lambda: [1, 2] * 2**61),
    ("list of one", lambda: [None] * 2**60),
    ("bytes", lambda: b"ab" * 2**61),
    ("str", lambda: "ab" * 2**61),
]:
    try:
        f()
        print(label, "ok")
    except MemoryError:
        print(label, "MemoryError")
