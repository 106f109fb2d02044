data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long", n)
vals = []
i = 0
while (i := i + 1) < 5:
    vals.append(i)
print(vals)
print([y for x in data if (y := x * 2) > 6])
print(y)
def f():
    return [(z := k) for k in range(3)], z
print(f())
print((a := 10) + a)
