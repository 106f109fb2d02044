# requires: GENERATORS
def counter(start):
    n = start
    while True:
        yield n
        n += 1
gens = [counter(i * 100) for i in range(10)]
for _ in range(3):
    print([next(g) for g in gens])
