for i in range(3):
    print(i)
else:
    print("completed")
for i in range(5):
    if i == 2:
        break
else:
    print("never")
print("broke at", i)
for x in []:
    pass
else:
    print("empty else")
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("never")
print(n)
