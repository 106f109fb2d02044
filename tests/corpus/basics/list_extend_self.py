# A list extended by itself takes the items it had (its iterator would see the new ones).
a = [1, 2]
a.extend(a)
print(a)
a += a
print(a, len(a))
b = list(a)
b.extend(b[:2])
print(b)
t = (7, 8)
c = [0]
c.extend(t)
c += t
print(c, list(t))
d = []
d.extend(d)
d += d
print(d)
