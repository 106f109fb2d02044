# requires: MODULE_ASYNCIO ASYNC GENERATORS FLOAT
# Async generators under the asyncio loop: async for over generators that sleep, several
# at once under gather, their __anext__()/asend() awaitables passed to wait_for and
# gather (awaitables that are not coroutines), aclose() and a timeout on a slow one.
import asyncio


async def ticker(n, turns):
    # (turns of the loop, not times: the order of two tickers must not depend on the load)
    for i in range(n):
        for _ in range(turns):
            await asyncio.sleep(0)
        yield i


async def slow_ticker():
    await asyncio.sleep(1)
    yield 0


async def consumer(name, turns):
    got = []
    async for v in ticker(3, turns):
        got.append(v)
        print(name, v)
    return got


async def main():
    print(await asyncio.gather(consumer("a", 2), consumer("b", 3)))
    g = ticker(5, 0)
    print(await asyncio.wait_for(g.__anext__(), 1))
    print(await asyncio.gather(g.asend(None), asyncio.sleep(0.01, "slept")))
    await g.aclose()
    try:
        await asyncio.wait_for(g.__anext__(), 1)
    except StopAsyncIteration:
        print("closed")
    slow = slow_ticker()
    try:
        await asyncio.wait_for(slow.__anext__(), 0.01)
    except asyncio.TimeoutError:
        print("timeout")
    try:
        await asyncio.gather(5)
    except TypeError:
        print("TypeError for a non-awaitable")


asyncio.run(main())
