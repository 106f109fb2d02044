# requires: MODULE_SYS
# Ranges whose bounds sit at the edge of the machine word: the length, indexing,
# membership and iteration must not wrap around.
import sys

big = sys.maxsize
low = range(-big + 1, -1)
print(low.start == -big + 1, low[0] == -big + 1, low[1] == -big + 2, low[-1], low[-2])
it = iter(low)
print(next(it) == -big + 1, next(it) == -big + 2)

up = range(0, big - 1)
print(len(up) == big - 1, up.stop == big - 1, up[-1] == big - 2)

down = range(big, 0, -1)
print(len(down) == big, down[0] == big, down[1] == big - 1, down[-1])
it = iter(down)
print(next(it) == big, next(it) == big - 1)

# The last item of a range near the top: iteration stops without stepping past it.
tail = range(big - 5, big, 2)
print([v - big for v in tail], len(tail))
tail_down = range(-big + 4, -big - 1, -3)
print([v + big for v in tail_down], len(tail_down))

# Membership and index far from zero.
print(big - 1 in up, big in up, -big + 3 in low, (big - 3) in down, down.index(big - 7))
print(up[big // 2] == big // 2, down[big // 3] == big - big // 3)
step_big = range(-big, big, big // 2)
print(len(step_big), [v // (big // 2) for v in step_big])

# Slices of large ranges stay ranges with the right bounds.
s = down[::2]
print(len(s) == big // 2 + 1, s[0] == big, s[1] == big - 2)

try:
    len(range(-big, big))
except OverflowError:
    print("OverflowError")
