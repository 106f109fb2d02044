# requires: MODULE_ASYNCIO ASYNC GENERATORS
# asyncio.Queue: bounded and unbounded, the non-blocking calls and their exceptions, tasks
# blocked in put()/get()/join() woken in order, a cancelled getter skipped, task_done() checks.
import asyncio


async def take(name, q, log):
    try:
        log.append((name, await q.get()))
    except asyncio.CancelledError:
        log.append((name, "cancelled"))


async def fill(q, values, log):
    for v in values:
        await q.put(v)
        log.append(("put", v, q.qsize()))


async def main():
    print(issubclass(asyncio.QueueEmpty, Exception), issubclass(asyncio.QueueFull, Exception))
    q = asyncio.Queue(maxsize=3)
    print(q.maxsize, asyncio.Queue().maxsize, q.qsize(), q.empty(), q.full())
    for v in "abc":
        q.put_nowait(v)
    print(q.qsize(), q.empty(), q.full())
    try:
        q.put_nowait("d")
    except asyncio.QueueFull:
        print("QueueFull")
    print([q.get_nowait() for _ in range(3)])
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")

    log = []
    q = asyncio.Queue(1)
    filler = asyncio.create_task(fill(q, [10, 20, 30], log))
    await asyncio.sleep(0)
    print(log, q.full())
    for _ in range(3):
        log.append(("got", await q.get()))
        await asyncio.sleep(0)
    await filler
    print(log)

    log = []
    q = asyncio.Queue()
    ts = [asyncio.create_task(take(n, q, log)) for n in "xyz"]
    await asyncio.sleep(0)
    ts[0].cancel()
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    await asyncio.sleep(0)
    print(log, q.qsize())

    q = asyncio.Queue()
    done = []

    async def waiter():
        await q.join()
        done.append("joined")

    q.put_nowait(None)
    q.put_nowait(None)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    q.get_nowait()
    q.task_done()
    await asyncio.sleep(0)
    print(done)
    q.get_nowait()
    q.task_done()
    await w
    print(done)
    try:
        q.task_done()
    except ValueError:
        print("ValueError")
    await q.join()
    print("join of a finished queue returns at once")
    try:
        asyncio.Queue(size=2)
    except TypeError:
        print("TypeError")


asyncio.run(main())
