a = 1; b = 2; c = a + b; print(c)
if a: print("one-line if")
for i in range(2): print("one-line for", i)
x = (1 +
     2 +
     3)
y = [
    1,
    2,
]
print(x, y, \
      "continued")
