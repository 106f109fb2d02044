# requires: MODULE_ASYNCIO ASYNC GENERATORS FLOAT
import asyncio

async def worker(name, n, delay):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(delay)
    return name * 2

async def main():
    r = await asyncio.gather(worker('a', 3, 0), worker('b', 2, 0))
    print('gather', r)
    t = asyncio.create_task(worker('c', 2, 0.01))
    print('created', t.done())
    print('awaited', await t, t.done(), t.result())
    ev = asyncio.Event()
    async def waiter():
        print('waiting', ev.is_set())
        v = await ev.wait()
        print('woke', v)
        return 5
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.02)
    ev.set()
    print('set done', await w)
    lock = asyncio.Lock()
    async def locked(n):
        async with lock:
            print('in', n, lock.locked())
            await asyncio.sleep(0.01)
            print('out', n)
    await asyncio.gather(locked(1), locked(2))
    print(lock.locked())
    async def slow():
        await asyncio.sleep(1)
        return 'late'
    try:
        await asyncio.wait_for(slow(), 0.02)
    except asyncio.TimeoutError:
        print('timeout')
    async def boom():
        await asyncio.sleep(0)
        raise ValueError('bad')
    try:
        await asyncio.gather(boom(), worker('d', 1, 0))
    except ValueError as e:
        print('caught', e)
    print(await asyncio.gather(boom(), worker('e', 1, 0), return_exceptions=True))
    c = asyncio.create_task(slow())
    await asyncio.sleep(0)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print('cancelled', c.done(), c.cancelled())
    print(await asyncio.sleep(0, 'res'), await asyncio.sleep(0.001, 'r2'))
    return 'main done'

print(asyncio.run(main()))
