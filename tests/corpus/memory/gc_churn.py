total = 0
for i in range(2000):
    tmp = [j for j in range(50)]
    d = {"k": tmp, "s": "x" * 20}
    total += len(d["k"]) + len(d["s"])
print(total)
strings = []
for i in range(300):
    strings.append(str(i) * 3)
print(len(strings), strings[-1], len("".join(strings)))
