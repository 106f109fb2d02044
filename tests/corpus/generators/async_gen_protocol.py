# requires: GENERATORS ASYNC
# Async generators (async def with yield): __aiter__/__anext__, asend, athrow, aclose,
# async for over them, awaits inside them, and the end of iteration.


class Step:
    # an awaitable that suspends its caller [n] times
    def __init__(self, n):
        self.n = n

    def __await__(self):
        for i in range(self.n):
            yield ("step", i)

    __iter__ = __await__


def run(coro):
    # drive [coro] by hand: print every value it passes out, then its result
    while True:
        try:
            v = coro.send(None)
        except StopIteration as e:
            print("result", e.value)
            return
        except Exception as e:
            print("raised", type(e).__name__, e)
            return
        print("out", v)


async def counter(n):
    for i in range(n):
        await Step(1)
        yield i
    print("counter done")


async def use_async_for():
    total = []
    async for x in counter(3):
        total.append(x)
    print("collected", total)
    async for x in counter(0):
        print("never", x)
    else:
        print("else ran")
    return len(total)


run(use_async_for())


async def echo():
    received = None
    try:
        while True:
            received = yield received
            print("echo got", received)
            if received == "stop":
                return
    finally:
        print("echo finally")


async def use_asend():
    g = echo()
    print(g.__aiter__() is g)
    print(await g.asend(None))
    print(await g.asend(1))
    print(await g.asend("two"))
    try:
        await g.asend("stop")
    except StopAsyncIteration:
        print("StopAsyncIteration after return")
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("still exhausted")


run(use_asend())


async def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
            yield "recovered"


async def use_athrow():
    g = catcher()
    print(await g.__anext__())
    print(await g.athrow(ValueError, "bad"))
    print(await g.__anext__())
    print(await g.athrow(ValueError("worse")))
    try:
        await g.athrow(KeyError("k"))
    except KeyError as e:
        print("KeyError out", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("finished after the error")
    try:
        await catcher().athrow(1)
    except TypeError:
        print("athrow of a non-exception: TypeError")
    try:
        await catcher().athrow(KeyError)
    except KeyError:
        print("athrow into an unstarted one raises it")
    aw = catcher().athrow(ValueError)
    try:
        aw.throw(IndexError)
    except IndexError:
        print("the awaitable's own throw()")


run(use_athrow())


async def closable():
    try:
        yield 1
        yield 2
    finally:
        print("closable cleanup")
        await Step(2)
        print("cleanup awaited")


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring")
    yield 2
    print("stubborn ends")


async def use_aclose():
    g = closable()
    print(await g.__anext__())
    print(await g.aclose())
    print(await g.aclose())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed")
    never = closable()
    print(await never.aclose())
    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError", e)
    async for v in s:
        print("left over", v)


run(use_aclose())


async def raiser():
    yield 1
    raise ValueError("inside")


async def stopper():
    yield 1
    raise StopAsyncIteration


async def use_errors():
    got = []
    try:
        async for x in raiser():
            got.append(x)
    except ValueError as e:
        print("error out of async for", e, got)
    try:
        async for x in stopper():
            got.append(x)
    except RuntimeError:
        print("StopAsyncIteration in the body is a RuntimeError")
    aw = counter(2).__anext__()
    print(await aw)
    try:
        await aw
    except RuntimeError:
        print("an awaitable is used once")


run(use_errors())


async def nested():
    async def inner():
        yield "a"
        await Step(1)
        yield "b"

    async for v in inner():
        yield v.upper()
        await Step(1)


async def use_nested():
    got = []
    async for v in nested():
        got.append(v)
    print(got)


run(use_nested())
