# requires: MODULE_ASYNCIO ASYNC GENERATORS FLOAT
# Task.result() and Task.exception() before, during and after a task's life: InvalidStateError
# (an Exception) while it runs, its CancelledError once cancelled, its exception or value after;
# get_coro(), and set_result()/set_exception() refused with RuntimeError.
import asyncio


async def job(delay, fail=None, value=None):
    await asyncio.sleep(delay)
    if fail is not None:
        raise fail
    return value


def outcome(t, how):
    try:
        r = getattr(t, how)()
        print(how, "->", repr(r))
    except Exception as e:
        print(how, "raised", type(e).__name__, isinstance(e, Exception))
    except asyncio.CancelledError:
        print(how, "raised CancelledError")


async def main():
    print(issubclass(asyncio.InvalidStateError, Exception))
    t = asyncio.create_task(job(0.05))
    await asyncio.sleep(0)
    outcome(t, "result")
    outcome(t, "exception")
    t.cancel()
    await asyncio.sleep(0)
    outcome(t, "result")
    outcome(t, "exception")
    t = asyncio.create_task(job(0, KeyError("k")))
    try:
        await t
    except KeyError:
        print("awaited KeyError")
    outcome(t, "result")
    outcome(t, "exception")
    t = asyncio.create_task(job(0, None, [1, 2]))
    await t
    outcome(t, "result")
    outcome(t, "exception")
    c = job(0)
    t = asyncio.create_task(c)
    print(t.get_coro() is c)
    for how in ("set_result", "set_exception"):
        try:
            getattr(t, how)(ValueError())
        except RuntimeError:
            print(how, "RuntimeError")
    await t


asyncio.run(main())
