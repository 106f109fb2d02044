parts = []
for i in range(10):
    parts.append(str(i) * (i % 3 + 1))
s = "".join(parts)
print(s, len(s))
acc = ""
for ch in "abc":
    acc = ch + acc + ch
print(acc)
