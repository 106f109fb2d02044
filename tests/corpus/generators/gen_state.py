# requires: GENERATORS
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def running_sum(it):
    t = 0
    for v in it:
        t += v
        yield t
print(list(running_sum(range(1, 8))))
def window(seq, n):
    for i in range(len(seq) - n + 1):
        yield seq[i:i + n]
print(list(window("abcdef", 3)))
