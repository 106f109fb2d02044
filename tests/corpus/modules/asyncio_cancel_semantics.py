# requires: MODULE_ASYNCIO ASYNC GENERATORS FLOAT
# Cancellation as CPython: cancelling a task cancels what it awaits (a task, every task
# of a gather). (A task cancelling itself: modules_mp/asyncio_cancel_self.py.)
import asyncio


async def child(n):
    try:
        print("child", n, "start")
        await asyncio.sleep(1)
        print("child", n, "done")
    except asyncio.CancelledError:
        print("child", n, "cancelled")
        raise


async def gatherer():
    await asyncio.gather(child(1), child(2))


async def main():
    g = asyncio.create_task(gatherer())
    await asyncio.sleep(0.01)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("main: gather cancelled")
    inner = asyncio.create_task(child(3))
    outer = asyncio.create_task(asyncio.wait_for(inner, None))
    await asyncio.sleep(0.01)
    outer.cancel()
    await asyncio.sleep(0.01)
    print(inner.cancelled())


asyncio.run(main())
