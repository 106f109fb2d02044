# requires: MODULE_ASYNCIO ASYNC GENERATORS
# Async generators under the asyncio loop: async for over generators that sleep, several
# at once under gather, their __anext__()/asend() awaitables passed to wait_for and
# gather (awaitables that are not coroutines), aclose() and a timeout on a slow one.
import asyncio


async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


async def consumer(name, delay):
    got = []
    async for v in ticker(3, delay):
        got.append(v)
        print(name, v)
    return got


async def main():
    print(await asyncio.gather(consumer("a", 0.01), consumer("b", 0.015)))
    g = ticker(5, 0)
    print(await asyncio.wait_for(g.__anext__(), 1))
    print(await asyncio.gather(g.asend(None), asyncio.sleep(0.01, "slept")))
    await g.aclose()
    try:
        await asyncio.wait_for(g.__anext__(), 1)
    except StopAsyncIteration:
        print("closed")
    slow = ticker(2, 1)
    try:
        await asyncio.wait_for(slow.__anext__(), 0.01)
    except asyncio.TimeoutError:
        print("timeout")
    try:
        await asyncio.gather(5)
    except TypeError:
        print("TypeError for a non-awaitable")


asyncio.run(main())
