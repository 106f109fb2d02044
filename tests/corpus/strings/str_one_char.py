# One-character strings made by indexing, iteration and chr() (interned through a table
# indexed by the character in the default config): equal to, hashed like and usable as
# dict keys interchangeably with literals and with strings built at run time.
text = "".join([chr(c) for c in range(128)])
print(len(text), repr(text[:40]), repr(text[90:]))
counts = {}
for ch in text + "hello world" + text[::-1]:
    counts[ch] = counts.get(ch, 0) + 1
print(len(counts), counts["l"], counts["\x00"], counts[" "], counts["\x7f"])
same = 0
for i in range(128):
    a = text[i]
    b = chr(i)
    c = str(a + "x")[0]
    d = "x" + a
    if a == b == c == d[1] and hash(a) == hash(b) == hash(d[1:]) and counts[b] >= 2:
        same += 1
print(same)
word = "mississippi"
print([word[i] for i in range(len(word))], [c for c in word], word[-1], word[4])
keys = {}.fromkeys(word)
print(sorted(keys), list(keys))
print({word[0]: 1, "m": 2}, {"s": 1, word[2]: 2})
print("".join([word[i] for i in range(len(word) - 1, -1, -1)]), word[0] < word[1], word[1] > "h")
