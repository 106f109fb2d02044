calls = 0
def default():
    global calls
    calls += 1
    return calls
def f(x=default()):
    return x
print(f(), f(), f(5), calls)
def acc(v, into=None):
    if into is None:
        into = []
    into.append(v)
    return into
print(acc(1), acc(2))
