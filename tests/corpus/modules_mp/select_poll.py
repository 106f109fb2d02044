# requires: MODULE_SELECT MODULE_SYS MODULE_TIME GENERATORS
# select.poll() as MicroPython has it: the registered objects themselves are reported.
import select
import sys
import time

p = select.poll()
p.register(sys.stdin, select.POLLIN)
print([(obj is sys.stdin, ev) for obj, ev in p.poll(0)])
print(repr(sys.stdin.readline()))
p.register(sys.stdout, select.POLLOUT)
print(sorted(ev for obj, ev in p.poll(10)))
p.modify(sys.stdout, select.POLLIN)
print([ev for obj, ev in p.poll(0) if obj is sys.stdout])
p.unregister(sys.stdout)
try:
    p.unregister(sys.stdout)
except KeyError:
    print('KeyError')
try:
    p.modify(sys.stdout, select.POLLOUT)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    p.register(3)
except TypeError as e:
    print('TypeError', e)
# one-shot ipoll: a reported object's mask is cleared until modify()
print([(obj is sys.stdin, ev) for obj, ev in p.ipoll(0, 1)])
print(p.poll(0))
p.modify(sys.stdin, select.POLLIN)
print(len(p.poll(None)))
q = select.poll()
t = time.ticks_ms()
print(q.poll(30), time.ticks_diff(time.ticks_ms(), t) >= 30)
