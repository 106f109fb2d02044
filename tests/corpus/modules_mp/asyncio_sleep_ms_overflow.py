# requires: MODULE_ASYNCIO MODULE_TIME ASYNC GENERATORS INT_BIG_MPZ
# sleep_ms and ticks_add refuse intervals of half the ticks period or more.
import asyncio
import time

for v in (2**29, 2**40, 2**29 - 1, 0, -5):
    try:
        asyncio.sleep_ms(v)
        print("sleep_ms ok", v)
    except OverflowError:
        print("sleep_ms OverflowError", v)
for v in (2**29, -(2**29) - 1, 2**100, 2**29 - 1):
    try:
        time.ticks_add(0, v)
        print("ticks_add ok", v)
    except OverflowError:
        print("ticks_add OverflowError", v)
