# requires: MODULE_COLLECTIONS
# deque + deque makes a new deque (the left operand's maxlen, the oldest items dropped past
# it); deque * n and n * deque repeat it, d *= n in place; n <= 0 empties it; a maxlen keeps
# only the last items, even for a very large n.
from collections import deque

left = deque([1, 2])
both = left + deque([3])
print(both, left, both is left)
print(deque([1, 2], 3) + deque([3, 4]))
print(deque() + deque())
print(deque("ab") * 3, 2 * deque([7]))
print(deque([1, 2]) * 0, deque([1, 2]) * -4)
print(deque([1, 2, 3], 4) * 5)
print(deque([1, 2, 3], 2) * 10**9)
print(deque([], 3) * 5, deque([1], 0) * 3)
print(deque([5]) * True, deque([5]) * False)

d = deque([1, 2], 5)
alias = d
d *= 4
print(d, alias is d)
d *= 1
print(d)
d *= 0
print(d, alias is d)
d = deque([1, 2])
d += deque([3])
print(d)

for bad in (lambda: deque([1]) + [2], lambda: deque([1]) * "x"):
    try:
        bad()
        print("no error")
    except TypeError:
        print("TypeError")
