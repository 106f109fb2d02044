# requires: MODULE_COLLECTIONS
# MicroPython's deque(iterable, maxlen, flags): flags 1 makes adding to a full deque raise
# IndexError instead of dropping the item at the other end; flags 0 (or even) keeps the drop.
from collections import deque

for args in [((), 2, True), ([1, 2, 3], 2, 1), ((), 0, 1), ((), 2, 0), ((), 2, 2)]:
    d = deque(*args)
    print(list(d))
    for op in ("append", "appendleft", "append", "extend"):
        try:
            if op == "extend":
                d.extend([8, 9])
            else:
                getattr(d, op)(7)
            print(op, list(d))
        except IndexError as e:
            print(op, "IndexError", e.args, list(d))

# popping makes room again
d = deque((), 1, 1)
d.append(1)
print(d.popleft(), len(d))
d.appendleft(2)
print(list(d))

for bad in [((), 2, "x"), ((), 2, 1, 4), ((), 2, None)]:
    try:
        deque(*bad)
    except TypeError:
        print("TypeError")
