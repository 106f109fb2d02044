print([str(i) for i in range(3)], [[i] * i for i in range(3)], [(i,) for i in "ab"])
print([c for c in "hello" if c not in "aeiou"], [len(w) for w in "a bb ccc".split()])
print([i if i % 2 else -i for i in range(6)])
