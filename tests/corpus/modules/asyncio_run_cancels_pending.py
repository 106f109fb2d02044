# requires: ASYNC GENERATORS MODULE_ASYNCIO
# asyncio.run() cancels the tasks still pending when the main coroutine ends (returns or
# raises), as CPython: their except/finally clauses run before run() returns, a task that
# never started does not run at all, and a later run() does not resume them.
import asyncio


async def sleeper(name):
    try:
        print("start", name)
        await asyncio.sleep(10)
        print("never")
    except asyncio.CancelledError:
        print("cancelled", name)
        raise
    finally:
        print("finally", name)


async def main_returns():
    asyncio.create_task(sleeper("a"))
    await asyncio.sleep(0)
    print("main returns")
    return 1


print(asyncio.run(main_returns()))


async def main_raises():
    asyncio.create_task(sleeper("b"))
    await asyncio.sleep(0)
    raise ValueError("boom")


try:
    asyncio.run(main_raises())
except ValueError as e:
    print("caught", e)


async def waiter(ev):
    try:
        await ev.wait()
    finally:
        print("waiter finally", ev.is_set())


async def main_event():
    ev = asyncio.Event()
    asyncio.create_task(waiter(ev))
    await asyncio.sleep(0)
    return "event"


print(asyncio.run(main_event()))


async def main_unstarted():
    asyncio.create_task(sleeper("never started"))
    return "unstarted"


print(asyncio.run(main_unstarted()))


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn caught it")
    return 5


async def main_stubborn():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    return t


t = asyncio.run(main_stubborn())
print(t.done(), t.cancelled(), t.result())


async def inner():
    try:
        await asyncio.sleep(10)
    finally:
        print("inner finally")


async def outer():
    try:
        await asyncio.create_task(inner())
    finally:
        print("outer finally")


async def main_chain():
    asyncio.create_task(outer())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return "chain"


print(asyncio.run(main_chain()))


async def quick():
    return 3


print(asyncio.run(quick()))
