# requires: MODULE_ASYNCIO ASYNC GENERATORS
# MicroPython's rule: a task may not cancel itself (RuntimeError in the task); cancel()
# of a finished task is False; a task cancelled before it first runs never starts.
import asyncio


async def selfish():
    try:
        asyncio.current_task().cancel()
    except RuntimeError as e:
        print("refused:", e)
    return "kept going"


async def never():
    print("never printed")


async def main():
    print(await asyncio.create_task(selfish()))
    t = asyncio.create_task(never())
    print(t.cancel(), t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before start", t.cancelled())
    print(t.cancel())


asyncio.run(main())
