# requires: GENERATORS ASYNC
class Suspend:
    def __await__(self):
        yield None
async def may_fail(x):
    await Suspend()
    if x < 0:
        raise ValueError("negative")
    return x
async def main():
    out = []
    for v in (1, -1, 2):
        try:
            out.append(await may_fail(v))
        except ValueError as e:
            out.append(str(e))
    return out
c = main()
try:
    while True:
        c.send(None)
except StopIteration as e:
    print(e.value)
c2 = main()
c2.send(None)
try:
    c2.throw(KeyError("injected"))
except KeyError as e:
    print("KeyError", e)
c3 = main()
c3.send(None)
c3.close()
print("closed")
