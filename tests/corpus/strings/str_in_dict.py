d = {}
for w in "to be or not to be that is the question".split():
    d[w] = d.get(w, 0) + 1
for k in sorted(d):
    print(k, d[k])
print(max(d, key=lambda k: (d[k], k)))
