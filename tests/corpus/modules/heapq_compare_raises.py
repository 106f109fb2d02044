# requires: MODULE_HEAPQ BUILTIN_SET GENERATORS
# A comparison that raises in the middle of a heap operation (an exception from __lt__, as a
# Ctrl-C or a RecursionError would be) leaves every item in the heap once: none lost, none
# doubled, as in CPython (items move by swaps).
import heapq


class Item:
    budget = -1  # comparisons left before one raises (-1: never)

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if Item.budget == 0:
            Item.budget = -1
            raise ValueError("no comparing now")
        if Item.budget > 0:
            Item.budget -= 1
        return self.v < other.v


values = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 11, 10]
for budget in range(8):
    heap = []
    for v in values:
        heapq.heappush(heap, Item(v))
    Item.budget = budget
    try:
        heapq.heappush(heap, Item(-1))
    except ValueError:
        pass
    Item.budget = budget
    try:
        heapq.heapreplace(heap, Item(12))
    except ValueError:
        pass
    Item.budget = budget
    try:
        heapq.heapify(heap)
    except ValueError:
        pass
    Item.budget = -1
    got = sorted(item.v for item in heap)
    print(budget, len(heap), got == sorted(set(got)), [v for v in values if v not in got])
