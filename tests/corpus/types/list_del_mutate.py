a = list(range(10))
for i in range(len(a) - 1, -1, -1):
    if a[i] % 3 == 0:
        del a[i]
print(a)
a[2:2] = [100, 200]
print(a)
a[len(a):] = [999]
print(a)
while a:
    a.pop()
print(a)
