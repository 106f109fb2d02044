# requires: MODULE_ASYNCIO MODULE_TIME ASYNC GENERATORS
# MicroPython's asyncio additions: sleep_ms and wait_for_ms.
import asyncio
import time


async def blink(name, period, times, log):
    for i in range(times):
        log.append(name)
        await asyncio.sleep_ms(period)


async def slow():
    await asyncio.sleep_ms(500)
    return 'never'


async def main():
    log = []
    t0 = time.ticks_ms()
    await asyncio.gather(blink('a', 10, 3, log), blink('b', 25, 2, log))
    print(sorted(log), time.ticks_diff(time.ticks_ms(), t0) >= 50)
    try:
        await asyncio.wait_for_ms(slow(), 20)
    except asyncio.TimeoutError:
        print('timeout')
    print(await asyncio.wait_for_ms(asyncio.sleep_ms(1), 100))
    return 'done'


print(asyncio.run(main()))
