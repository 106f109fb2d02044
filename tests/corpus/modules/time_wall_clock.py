# requires: MODULE_TIME MODULE_OS PORT_HAS_WALL_CLOCK PORT_HAS_FILESYSTEM BUILTIN_OPEN FLOAT INT_BIG_MPZ|INT_BIG_LONGLONG
# A port with the date (the host): time() and the no-argument gmtime()/localtime() count
# from 1970, not from start-up, and os.stat() gives a new file's times (they were 0: 1970).
import os
import time

now = time.time()
print(now > 1.7e9, time.time_ns() // 10**9 - int(now) in (0, 1))
print(time.gmtime()[0] >= 2024, time.localtime()[0] >= 2024)
with open('wall_clock_probe.txt', 'w') as f:
    f.write('x')
st = os.stat('wall_clock_probe.txt')
print([abs(t - now) < 60 for t in st[7:10]])
os.remove('wall_clock_probe.txt')
print(time.monotonic() < now)  # the tick clock stays the tick clock
