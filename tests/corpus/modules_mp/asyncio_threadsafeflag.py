# requires: MODULE_ASYNCIO ASYNC GENERATORS
# MicroPython's ThreadSafeFlag: wait() returns once per set(), clearing the flag.
import asyncio


async def waiter(flag, n):
    for i in range(n):
        await flag.wait()
        print("woken", i)


async def main():
    flag = asyncio.ThreadSafeFlag()
    t = asyncio.create_task(waiter(flag, 2))
    await asyncio.sleep_ms(0)
    flag.set()
    await asyncio.sleep_ms(0)
    await asyncio.sleep_ms(0)
    print("between")
    flag.set()
    flag.set()
    await asyncio.sleep_ms(0)
    await asyncio.sleep_ms(0)
    print(t.done())
    flag.set()
    flag.clear()
    print("cleared")


asyncio.run(main())
