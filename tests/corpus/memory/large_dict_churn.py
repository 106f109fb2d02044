d = {}
for round_ in range(5):
    for i in range(1000):
        d["k" + str(i)] = i * round_
    for i in range(0, 1000, 2):
        del d["k" + str(i)]
print(len(d), d["k999"], sum(d.values()))
