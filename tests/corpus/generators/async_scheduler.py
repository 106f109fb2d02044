# requires: GENERATORS ASYNC
class Sleep:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        yield self.n
async def worker(name, times, delay):
    for i in range(times):
        print(name, "step", i)
        await Sleep(delay)
    return name + " done"
def run_all(coros):
    ready = [(0, i, c) for i, c in enumerate(coros)]
    results = {}
    clock = 0
    while ready:
        ready.sort(key=lambda t: (t[0], t[1]))
        t, i, c = ready.pop(0)
        clock = max(clock, t)
        try:
            d = c.send(None)
            ready.append((clock + d, i, c))
        except StopIteration as e:
            results[i] = e.value
    return [results[k] for k in sorted(results)]
print(run_all([worker("a", 3, 2), worker("b", 2, 3), worker("c", 1, 1)]))
