# requires: BUILTIN_SET GENERATORS
# A dict or set lookup whose keys' __eq__ or __hash__ change the very dict/set being
# searched (grow it past a resize, clear it, empty and refill it): the search starts
# again from what user code left, never reads freed or moved entries (the VM crashed on
# a null index or entry array before). How often CPython calls __eq__/__hash__ differs
# (it keeps hashes): what is printed is what any order of calls gives, the types of the
# results and a consistent table afterwards (every key listed is found, once).
BUDGET = [0]


class K:
    def __init__(self, v, target, action):
        self.v = v
        self.target = target
        self.action = action

    def fire(self):
        if BUDGET[0] > 0:
            BUDGET[0] -= 1
            self.action(self.target)

    def __eq__(self, other):
        self.fire()
        return self.v == getattr(other, "v", other)

    def __hash__(self):
        self.fire()
        return self.v & 3  # collisions: lookups compare keys


def grow(t):
    for i in range(40):
        if isinstance(t, dict):
            t[1000 + i + len(t)] = i
        else:
            t.add(1000 + i + len(t))


def clear(t):
    t.clear()


def refill(t):
    items = list(t.items()) if isinstance(t, dict) else list(t)
    t.clear()
    for x in items:
        if isinstance(t, dict):
            t[x[0]] = x[1]
        else:
            t.add(x)


def consistent(t):
    BUDGET[0] = 0
    listed = list(t)
    return len(listed) == len(t) and all(k in t for k in listed)


for action in (grow, clear, refill):
    for n in (3, 12):  # a map searched in order, and one with an index
        for budget in (1, 3):
            d = {}
            BUDGET[0] = 0
            for i in range(n):
                d[K(i, d, action)] = i
            BUDGET[0] = budget
            r = [d.get(K(1, d, action)), K(2, d, action) in d]
            d[K(50, d, action)] = "new"
            BUDGET[0] = budget
            d.update({K(60, d, action): 1, K(61, d, action): 2})
            BUDGET[0] = budget
            d.pop(K(0, d, action), None)
            print(action.__name__, n, budget, [type(x).__name__ for x in r], consistent(d))

            s = set()
            BUDGET[0] = 0
            for i in range(n):
                s.add(K(i, s, action))
            BUDGET[0] = budget
            r = [K(2, s, action) in s]
            s.add(K(70, s, action))
            BUDGET[0] = budget
            s.discard(K(1, s, action))
            print(action.__name__, n, budget, [type(x).__name__ for x in r], consistent(s))
