a = b = c = 5
print(a, b, c)
x = y = []
x.append(1)
print(y)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 9
print(i, lst)
