# requires: MODULE_ASYNCIO ASYNC GENERATORS FLOAT
# A task awaiting itself is refused; cancelling one of two tasks awaiting each other ends
# both (no endless walk down the ring of awaited tasks).
import asyncio
async def selfwait():
    await asyncio.current_task()
async def a():
    await tb
async def b():
    await ta
async def main():
    global ta, tb
    try:
        await asyncio.create_task(selfwait())
    except RuntimeError as e:
        print(e)
    ta = asyncio.create_task(a())
    tb = asyncio.create_task(b())
    await asyncio.sleep(0.01)
    print(ta.cancel())
    await asyncio.sleep(0.01)
    print(ta.done(), tb.done())
asyncio.run(main())
