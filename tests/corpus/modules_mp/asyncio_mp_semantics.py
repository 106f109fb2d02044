# requires: MODULE_ASYNCIO ASYNC GENERATORS
# MicroPython's asyncio where it differs from CPython's: a cancelled wait_for raises at
# once (its task is cancelled behind it); a cancelled gather cancels its children when it
# runs; a ThreadSafeFlag's waiter is woken at the loop's next poll; a lock being handed
# to a waiter reads as unlocked; an exception nobody awaits goes to the handler.
import asyncio


async def stubborn(name):
    try:
        await asyncio.sleep_ms(200)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def waits_for():
    try:
        await asyncio.wait_for_ms(stubborn("inner"), 1000)
    except asyncio.CancelledError:
        print("wait_for cancelled")
        raise


async def child(n):
    print("child", n, "runs")
    await asyncio.sleep_ms(0)
    print("child", n, "ends")


async def gatherer():
    await asyncio.gather(child(1), child(2))


async def flag_waiter(flag):
    await flag.wait()
    print("flag waiter woken")


async def holder(lock):
    async with lock:
        await asyncio.sleep_ms(10)
    print("released, locked() =", lock.locked())


async def boom():
    raise ValueError("unawaited")


def handler(loop, context):
    print("handler:", context["message"], repr(context["exception"]))


async def main():
    t = asyncio.create_task(waits_for())
    await asyncio.sleep_ms(5)
    t.cancel()
    await asyncio.sleep_ms(5)
    g = asyncio.create_task(gatherer())
    await asyncio.sleep_ms(0)
    g.cancel()
    await asyncio.sleep_ms(5)
    flag = asyncio.ThreadSafeFlag()
    w = asyncio.create_task(flag_waiter(flag))
    await asyncio.sleep_ms(0)
    flag.set()
    print("set, yielding")
    await asyncio.sleep_ms(0)
    print("after yield")
    await w
    lock = asyncio.Lock()
    asyncio.create_task(holder(lock))
    await asyncio.sleep_ms(0)
    await lock.acquire()
    print("main has the lock")
    lock.release()
    asyncio.get_event_loop().set_exception_handler(handler)
    asyncio.create_task(boom())
    for _ in range(3):
        await asyncio.sleep_ms(0)


asyncio.run(main())
