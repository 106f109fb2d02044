# requires: MODULE_ASYNCIO ASYNC GENERATORS
# MicroPython's Task.data: a done task's outcome, readable and writable (exception() and
# result() follow it); InvalidStateError carries no message; Task.coro is get_coro().
import asyncio


async def job(fail):
    if fail:
        raise ValueError(7)
    return "ok"


async def main():
    t = asyncio.create_task(job(False))
    try:
        t.result()
    except Exception as e:
        print(repr(e))
    await t
    print(t.data, t.exception())
    t.data = "other"
    print(t.result(), t.exception())
    t.data = OSError(5)
    print(repr(t.exception()))
    t = asyncio.create_task(job(True))
    print(t.coro is t.get_coro(), type(t.coro).__name__)
    try:
        await t
    except ValueError:
        print("awaited ValueError")
    print(repr(t.data))
    t.data = 3
    print(t.exception(), t.result())


asyncio.run(main())
