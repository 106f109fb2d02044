count = {}
for ch in "mississippi":
    count[ch] = count.get(ch, 0) + 1
print(sorted(count.items()))
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), max(words, key=len), sorted(words)[:3])
print("-".join(words[::-1]))
