# requires: GENERATORS
def noisy(n):
    for i in range(n):
        print("produce", i)
        yield i
g = noisy(3)
print("created")
for v in g:
    print("consume", v)
    if v == 1:
        break
print("rest", list(g))
def infinite():
    n = 0
    while True:
        yield n
        n += 1
out = []
for v in infinite():
    if v > 5:
        break
    out.append(v)
print(out)
