# requires: MODULE_COLLECTIONS GENERATORS
# deque.remove/count/index and `in` call __eq__, which may add to or clear the deque
# being searched: RuntimeError (IndexError for remove), never an item read past the end
# of the ring (the VM divided by a capacity of zero after a clear before).
from collections import deque


class E:
    def __init__(self, v, d, action):
        self.v = v
        self.d = d
        self.action = action

    def __eq__(self, other):
        self.action(self.d)
        return self.v == getattr(other, "v", other)


def clear(d):
    d.clear()


def add(d):
    d.append(99)


def pop(d):
    d.pop()


for action in (clear, add, pop):
    for name in ("remove", "count", "index", "in"):
        d = deque()
        d.extend(E(i, d, action) for i in range(5))
        try:
            if name == "remove":
                d.remove(3)
            elif name == "count":
                d.count(3)
            elif name == "index":
                d.index(3)
            else:
                print(3 in d)
            print(action.__name__, name, "no error")
        except (RuntimeError, IndexError) as e:
            print(action.__name__, name, type(e).__name__, e)
        print(len(d) <= 6)
