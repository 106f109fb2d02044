# requires: GENERATORS
def averager():
    total = 0
    n = 0
    avg = None
    while True:
        v = yield avg
        if v is None:
            break
        total += v
        n += 1
        avg = total * 100 // n
    return n
a = averager()
print(a.send(None))
print(a.send(10), a.send(20), a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print("done", e.value)
g = averager()
try:
    g.send(5)
except TypeError as e:
    print("TypeError")
