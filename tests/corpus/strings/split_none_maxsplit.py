# split(None, n) keeps the whitespace of the unsplit rest (rsplit: of its start).
print("a b  c  ".split(None, 1), " a b  c  ".split(None, 2), "a b ".split(None, 5))
print(" a b  c ".rsplit(None, 1), "  x  ".rsplit(None, 0), "  x  ".split(None, 0))
print(b" a b ".split(None, 1), b" a b ".rsplit(None, 1))
