# requires: MODULE_TIME GENERATORS
# MicroPython's tick counters: values wrap at 2**30; ticks_diff is signed.
import time

PERIOD = 1 << 30
print(time.ticks_add(PERIOD - 1, 1), time.ticks_add(0, -1), time.ticks_add(100, -50))
print(time.ticks_diff(0, PERIOD - 1), time.ticks_diff(PERIOD - 1, 0), time.ticks_diff(5, 5))
print(time.ticks_diff(time.ticks_add(5, 100), 5), time.ticks_diff(time.ticks_add(PERIOD - 10, 20), PERIOD - 10))
print(time.ticks_diff(time.ticks_add(7, -(PERIOD // 2)), 7), time.ticks_diff(time.ticks_add(7, PERIOD // 2 - 1), 7))
for start in (0, 1, PERIOD // 2, PERIOD - 1):
    print(all(time.ticks_diff(time.ticks_add(start, d), start) == d for d in (-1000, -1, 0, 1, 1000, PERIOD // 2 - 1)))
try:
    time.ticks_add(0, PERIOD // 2)
except OverflowError as e:
    print('OverflowError', e)
t0 = time.ticks_ms()
time.sleep_ms(20)
d = time.ticks_diff(time.ticks_ms(), t0)
print(d >= 20, d < 1000)
u0 = time.ticks_us()
time.sleep_us(2000)
print(time.ticks_diff(time.ticks_us(), u0) >= 1000, 0 <= time.ticks_cpu() < PERIOD)
print(0 <= time.ticks_ms() < PERIOD, 0 <= time.ticks_us() < PERIOD)
