# requires: MODULE_ASYNCIO ASYNC GENERATORS FLOAT
# The order in which tasks run, as CPython's loop: ready tasks first-in first-out,
# woken waiters behind the tasks already due, cancellation reaching the innermost
# awaited task, a lock handed on in order past cancelled waiters, wait_for's outcome.
import asyncio


async def ticker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)


async def inner(swallow):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("inner cancelled")
        if not swallow:
            raise
    return "inner value"


async def outer(swallow):
    try:
        print("outer got", await asyncio.create_task(inner(swallow)))
    except asyncio.CancelledError:
        print("outer cancelled")


async def locker(lock, name):
    try:
        async with lock:
            print(name, "has the lock")
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")


async def slow(v, t):
    await asyncio.sleep(t)
    return v


async def main():
    await asyncio.gather(ticker("a", 3), ticker("b", 2), ticker("c", 1))
    ev = asyncio.Event()
    waiters = [asyncio.create_task(ev.wait()) for _ in range(2)]
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    await asyncio.sleep(0)
    print("woken despite clear:", [w.done() for w in waiters])
    for swallow in (False, True):
        t = asyncio.create_task(outer(swallow))
        await asyncio.sleep(0.01)
        print("cancel returns", t.cancel())
        await asyncio.sleep(0.01)
        print("outer done", t.done())
    lock = asyncio.Lock()
    await lock.acquire()
    ts = [asyncio.create_task(locker(lock, n)) for n in "xyz"]
    await asyncio.sleep(0)
    ts[1].cancel()
    lock.release()
    await asyncio.gather(*ts)
    print("locked", lock.locked())
    print(await asyncio.wait_for(slow("quick", 0), 1))
    try:
        await asyncio.wait_for(slow("late", 1), 0.01)
    except asyncio.TimeoutError:
        print("timed out")
    r = await asyncio.gather(slow(1, 0), asyncio.sleep(0, 2), return_exceptions=True)
    print(r)


asyncio.run(main())
