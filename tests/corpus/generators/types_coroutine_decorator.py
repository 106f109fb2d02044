# requires: GENERATORS ASYNC MODULE_TYPES
# types.coroutine turns a generator function into something `await` accepts: the
# generator's yields pass straight through to whoever drives the outer coroutine.
import types


@types.coroutine
def pause(tag):
    got = yield "paused " + tag
    return (tag, got)


async def worker():
    a = await pause("one")
    b = await pause("two")
    return [a, b]


class Gate:
    async def __aenter__(self):
        return await pause("enter")

    async def __aexit__(self, *exc):
        await pause("exit")
        return False


async def with_gate():
    async with Gate() as g:
        return g


def drive(coro):
    sent = None
    while True:
        try:
            print("yielded:", coro.send(sent))
        except StopIteration as stop:
            print("result:", stop.value)
            return
        sent = len(str(sent))


drive(worker())
drive(with_gate())
