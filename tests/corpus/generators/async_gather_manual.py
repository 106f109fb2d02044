# requires: GENERATORS ASYNC
class Tick:
    def __await__(self):
        yield
async def task(name, n):
    total = 0
    for i in range(n):
        await Tick()
        total += i
        print(name, i)
    return name, total
async def gather(*coros):
    results = [None] * len(coros)
    pending = list(enumerate(coros))
    while pending:
        still = []
        for idx, c in pending:
            try:
                c.send(None)
                still.append((idx, c))
            except StopIteration as e:
                results[idx] = e.value
        pending = still
        if pending:
            await Tick()
    return results
main = gather(task("a", 2), task("b", 3))
while True:
    try:
        main.send(None)
    except StopIteration as e:
        print(e.value)
        break
