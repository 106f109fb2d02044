r = range(-5, 5, 2)
print(list(r), len(r), r[2], r[-2])
print(list(r[::-1]), list(r[1:3]), r[::2])
print(range(0) == range(5, 5), bool(range(0)), bool(range(1)))
print(list(range(5, 0)), len(range(10, 0, -1)))
for i in range(3, 0, -1):
    print(i, end=" ")
print()
try:
    range(0, 10, 0)
except ValueError as e:
    print(type(e).__name__)
try:
    range(3)[3]
except IndexError as e:
    print("IndexError")
print(sum(range(101)), max(range(7)), min(range(2, 9)))
