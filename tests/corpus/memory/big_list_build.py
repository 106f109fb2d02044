lst = []
for i in range(20000):
    lst.append(i)
print(len(lst), lst[-1], sum(lst))
d = {}
for i in range(5000):
    d[i] = i * 2
print(len(d), d[4999])
s = ""
for i in range(500):
    s += "ab"
print(len(s))
