# requires: GENERATORS
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    finally:
        print("received", received)
e = echo()
print(next(e), e.send("a"), e.send("b"), e.send(None))
e.close()
def two_way():
    a = yield
    b = yield a * 2
    yield a + b
t = two_way()
next(t)
print(t.send(5), t.send(10))
