# requires: MODULE_ASYNCIO ASYNC GENERATORS FLOAT
# wait_for's outcome when the awaited task ends around the timeout or a cancel: a task
# that catches the timeout's CancelledError and returns gives its value (no TimeoutError);
# one that lets it through gives TimeoutError; a wait_for cancelled just after its task
# ended returns the task's value.
import asyncio


async def shrugs(v):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("shrugs caught the cancel")
    return v


async def fails_on_cancel():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise KeyError("while cancelled") from None


async def quick(v):
    await asyncio.sleep(0)
    print("quick ends")
    return v


async def waiter(n):
    try:
        print("waiter got", await asyncio.wait_for(quick(n), 5))
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise


async def main():
    print("value", await asyncio.wait_for(shrugs(42), 0.01))
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError:
        print("TimeoutError")
    try:
        await asyncio.wait_for(fails_on_cancel(), 0.01)
    except KeyError as e:
        print("KeyError", e)
    for spins in (1, 2, 3):
        t = asyncio.create_task(waiter(spins))
        for _ in range(spins):
            await asyncio.sleep(0)
        t.cancel()
        try:
            await t
            print("task finished normally")
        except asyncio.CancelledError:
            print("task cancelled")


asyncio.run(main())
