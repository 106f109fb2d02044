a = list(range(1000))
print(sum(a), a[500], len(a[::7]), a[-1])
a.reverse()
print(a[:5])
b = [x for x in a if x % 100 == 0]
print(b)
c = [0] * 5000
c[4999] = 1
print(c.index(1), c.count(0))
