caught = 0
for i in range(5000):
    try:
        raise ValueError(i)
    except ValueError as e:
        caught += 1
print(caught)
def thrower(n):
    if n:
        thrower(n - 1)
    raise KeyError(n)
for i in range(200):
    try:
        thrower(10)
    except KeyError as e:
        last = e.args[0]
print(last)
