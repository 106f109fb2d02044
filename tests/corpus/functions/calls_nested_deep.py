# requires: RECURSION_200
# Python-to-Python calls run in the VM's loop (no C recursion): deep chains, exceptions
# crossing many frames, handlers in the middle of a chain, and frames reused afterwards.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(150))


def kw(a, b=2, *, c=3):
    return a + b + c


def chain(n, acc):
    if n == 0:
        return acc
    local = [n]
    r = chain(n - 1, acc + kw(n, c=local[0]))
    return r + local[0] - n  # local survives the deeper calls


print(chain(100, 0))


def boom(n):
    if n == 0:
        raise ValueError("bottom")
    return boom(n - 1)


def middle(n, catch_at):
    marker = "frame " + str(n)
    if n == catch_at:
        try:
            return boom(60)
        except ValueError as e:
            return marker + " caught " + str(e)
    return middle(n - 1, catch_at) + " <- " + marker[-2:]


print(middle(40, 30))
# the frames of the failed chain are reused: values in live frames stay intact
print(depth(120), chain(50, 1))


class Node:
    def __init__(self, value, rest=None):
        self.value = value
        self.rest = rest

    def total(self):
        return self.value + (self.rest.total() if self.rest else 0)

    def find(self, v):
        if self.value == v:
            return self
        if self.rest is None:
            raise KeyError(v)
        return self.rest.find(v)


lst = None
for i in range(120):
    lst = Node(i, lst)
print(lst.total(), lst.find(7).value)
try:
    lst.find(500)
except KeyError as e:
    print("KeyError", e)


def make_adder(n):
    def add(x):
        return x + n if x < 5 else add(x - 5) + 5

    return add


print(make_adder(3)(77))


def comprehension_in_deep(n):
    if n == 0:
        return [x * x for x in range(5)]
    return comprehension_in_deep(n - 1)


print(comprehension_in_deep(80))


def finally_deep(n, log):
    try:
        if n == 0:
            raise RuntimeError("deep")
        return finally_deep(n - 1, log)
    finally:
        if n % 10 == 0:
            log.append(n)


log = []
try:
    finally_deep(40, log)
except RuntimeError as e:
    print(e, log)
