# requires: GENERATORS
def gen(n):
    for i in range(n):
        yield i
total = 0
for k in range(2000):
    total += sum(gen(10))
print(total)
abandoned = [gen(5) for _ in range(500)]
for g in abandoned:
    next(g)
abandoned = None
print("done")
