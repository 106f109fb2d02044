# requires: MODULE_ASYNCIO ASYNC GENERATORS FLOAT
# Event.set() then clear() before the waiters ran still wakes them; tasks run in the
# order they became ready.
import asyncio


async def waiter(ev, n):
    print("wait", n)
    await ev.wait()
    print("woken", n)


async def main():
    ev = asyncio.Event()
    t1 = asyncio.create_task(waiter(ev, 1))
    t2 = asyncio.create_task(waiter(ev, 2))
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    await asyncio.sleep(0.01)
    print(t1.done(), t2.done(), ev.is_set())


asyncio.run(main())
