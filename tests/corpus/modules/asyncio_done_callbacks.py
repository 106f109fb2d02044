# requires: MODULE_ASYNCIO ASYNC GENERATORS
# Task.add_done_callback / remove_done_callback: callbacks get the task, run on the loop's
# next turn after the task ends (also when added to a task already done), in the order
# added; remove returns how many it removed; an exception in one goes to the handler.
import asyncio


async def work(v, fail=False):
    await asyncio.sleep(0)
    if fail:
        raise ValueError(v)
    return v


def report(tag):
    def cb(task):
        if task.cancelled():
            print(tag, "saw a cancelled task")
        elif task.exception() is not None:
            print(tag, "saw", repr(task.exception()))
        else:
            print(tag, "saw", task.result())

    return cb


def broken(task):
    raise KeyError("in callback")


def handler(loop, context):
    print("handler:", repr(context["exception"]))


async def main():
    asyncio.get_event_loop().set_exception_handler(handler)
    first, second = report("first"), report("second")
    t = asyncio.create_task(work(1))
    t.add_done_callback(first)
    t.add_done_callback(second)
    t.add_done_callback(first)
    print("removed", t.remove_done_callback(first))
    print("removed again", t.remove_done_callback(first))
    print("result", await t)
    await asyncio.sleep(0)
    t.add_done_callback(report("late"))
    print("added to a done task")
    await asyncio.sleep(0)
    f = asyncio.create_task(work(2, fail=True))
    f.add_done_callback(report("failing"))
    try:
        await f
    except ValueError as e:
        print("awaited", repr(e))
    await asyncio.sleep(0)
    c = asyncio.create_task(work(3))
    c.add_done_callback(report("cancel"))
    c.add_done_callback(broken)
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("done")


asyncio.run(main())
