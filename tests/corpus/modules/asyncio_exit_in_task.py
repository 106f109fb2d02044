# requires: MODULE_ASYNCIO ASYNC GENERATORS
# SystemExit and KeyboardInterrupt raised in a task end the event loop, as in CPython: they
# propagate out of asyncio.run() instead of staying in the task while the rest waits forever.
import asyncio


async def stopper(exc):
    await asyncio.sleep(0)
    raise exc


async def main(exc):
    t = asyncio.create_task(stopper(exc))
    await asyncio.sleep(10)  # (the loop would wait here for nothing)
    return t


for exc in (KeyboardInterrupt, SystemExit(4)):
    try:
        asyncio.run(main(exc))
    except BaseException as e:
        print("out of run():", type(e).__name__, e.args)
print("then the loop runs again:", asyncio.run(asyncio.sleep(0, "yes")))
