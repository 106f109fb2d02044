# sort and sorted at sizes around the merge's halves: ordered, stable (with reverse too)
for n in (0, 1, 2, 3, 7, 8, 9, 16, 17, 31, 100, 600):
    seq = [(j * 7919) % 97 for j in range(n)]
    s = sorted(seq)
    ok = all([s[i] <= s[i + 1] for i in range(n - 1)]) and s == sorted(seq, key=lambda v: v)
    by = sorted(range(n), key=lambda j: seq[j] // 10)
    ok = ok and all(
        [(seq[by[i]] // 10, by[i]) < (seq[by[i + 1]] // 10, by[i + 1]) for i in range(n - 1)]
    )
    rev = sorted(range(n), key=lambda j: seq[j] // 10, reverse=True)
    groups = [(-(seq[j] // 10), j) for j in rev]
    ok = ok and all([groups[i] < groups[i + 1] for i in range(n - 1)])
    c = list(seq)
    c.sort(reverse=True)
    print(n, ok, c[:3], c == s[::-1])
x = [3, 2, 1]
try:
    x.sort(key=lambda v: x.append(v) or v)
except ValueError:
    print("ValueError")
