# requires: GENERATORS ASYNC
async def f():
    return 42
c = f()
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
async def g():
    return await f() + 1
c = g()
try:
    c.send(None)
except StopIteration as e:
    print("chained", e.value)
