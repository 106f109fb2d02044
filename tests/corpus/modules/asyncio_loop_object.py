# requires: MODULE_ASYNCIO ASYNC GENERATORS FLOAT
# The loop object (get_event_loop, new_event_loop: run_until_complete, run_forever, stop,
# create_task before the loop runs, close) and current_task().
import asyncio


async def work(n):
    print("work", n, asyncio.current_task() is not None)
    await asyncio.sleep(0)
    return n * 2


async def stopper(loop):
    await asyncio.sleep(0.01)
    print("stopping")
    loop.stop()


loop = asyncio.get_event_loop()
t = loop.create_task(work(1))
print(loop.run_until_complete(work(2)), t.done())
loop.create_task(stopper(loop))
loop.run_forever()
print(asyncio.new_event_loop() is not None)
try:
    asyncio.current_task()
except RuntimeError:
    print("RuntimeError")


async def main():
    me = asyncio.current_task()
    print(isinstance(me, asyncio.Task))
    return await asyncio.gather(work(3), work(4))


print(asyncio.run(main()))
loop.close()
