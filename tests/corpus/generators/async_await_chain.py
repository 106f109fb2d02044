# requires: GENERATORS ASYNC
class Value:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield ("need", self.v)
        return got
async def level3(x):
    return await Value(x)
async def level2(x):
    return await level3(x) * 2
async def level1():
    a = await level2(1)
    b = await level2(2)
    return a + b
c = level1()
req = c.send(None)
while True:
    print("request", req)
    try:
        req = c.send(req[1] * 100)
    except StopIteration as e:
        print("result", e.value)
        break
