# requires: GENERATORS ASYNC
class Suspend:
    def __await__(self):
        yield "tick"
class ACM:
    async def __aenter__(self):
        print("aenter")
        await Suspend()
        return "resource"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None)
        return False
class ACount:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Suspend()
        return self.i
async def main():
    async with ACM() as r:
        print("using", r)
    total = 0
    async for v in ACount(4):
        print("item", v)
        total += v
    return total
c = main()
ticks = 0
while True:
    try:
        c.send(None)
        ticks += 1
    except StopIteration as e:
        print("result", e.value, "ticks", ticks)
        break
