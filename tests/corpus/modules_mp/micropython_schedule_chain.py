# requires: MODULE_MICROPYTHON
# A scheduled callback that schedules itself again runs at the next poll point, not in
# the same pass: the program keeps running between the links of the chain.
import micropython

log = []


def link(n):
    log.append(n)
    if n:
        micropython.schedule(link, n - 1)


micropython.schedule(link, 5)
steps = 0
while len(log) < 6:
    steps += 1
print(log, steps >= 5)
