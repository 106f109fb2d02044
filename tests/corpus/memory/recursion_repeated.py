def deep(n):
    return deep(n + 1)
count = 0
for i in range(5):
    try:
        deep(0)
    except RuntimeError:
        count += 1
print("caught", count, "times")
def ok(n):
    return n if n == 0 else ok(n - 1)
print(ok(100))
