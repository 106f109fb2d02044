# requires: GENERATORS ASYNC
class Yield:
    def __await__(self):
        v = yield "suspend"
        return v
async def add(a, b):
    x = await Yield()
    return a + b + x
async def main():
    r1 = await add(1, 2)
    r2 = await add(10, 20)
    return [r1, r2]
def run(coro):
    value = None
    steps = 0
    while True:
        try:
            got = coro.send(value)
        except StopIteration as e:
            return e.value, steps
        steps += 1
        print("suspended with", got)
        value = steps * 100
print(run(main()))
