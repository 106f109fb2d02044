a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [1, 2, 3, 4, 5]
lst[0], lst[-1] = lst[-1], lst[0]
print(lst)
lst = lst[2:] + lst[:2]
print(lst)
i, j = 0, 1
lst[i], lst[j] = lst[j], lst[i]
print(lst)
