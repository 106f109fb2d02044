# requires: MODULE_ASYNCIO ASYNC GENERATORS FLOAT
import asyncio

readings = []

async def sensor(name, period, count):
    for i in range(count):
        readings.append((name, i))
        await asyncio.sleep(period)

async def reporter(stop):
    n = 0
    while not stop.is_set():
        n += 1
        await asyncio.sleep(0.005)
    return n > 0

async def main():
    stop = asyncio.Event()
    rep = asyncio.create_task(reporter(stop))
    await asyncio.gather(sensor('fast', 0.01, 4), sensor('slow', 0.035, 2))
    stop.set()
    print(await rep)
    print(sorted(readings))
    print([r for r in readings if r[0] == 'fast'])

asyncio.run(main())

async def fails():
    await asyncio.sleep(0)
    raise KeyError('k')

try:
    asyncio.run(fails())
except KeyError as e:
    print('KeyError', e)


async def nested():
    c = fails()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print('RuntimeError nested')
    c.close()
    return 1
print(asyncio.run(nested()))
print(asyncio.run(asyncio.sleep(0, 'direct')))

async def timeouts():
    async def quick():
        return 42
    print(await asyncio.wait_for(quick(), 1))
    print(await asyncio.wait_for(quick(), None))
    t = asyncio.create_task(quick())
    print(await asyncio.gather(t, t))
print(asyncio.run(timeouts()))
print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))


async def outside_loop_check():
    return 'ok'


c = outside_loop_check()
try:
    asyncio.create_task(c)
except RuntimeError as e:
    print('RuntimeError', e)
print(asyncio.run(c))
