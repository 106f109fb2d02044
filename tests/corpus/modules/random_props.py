# requires: MODULE_RANDOM INT_BIG_MPZ BUILTIN_SET GENERATORS
# The generator differs from CPython's, so only properties are printed.
import random

random.seed(42)
a = [random.randrange(1000) for _ in range(20)]
random.seed(42)
b = [random.randrange(1000) for _ in range(20)]
print(a == b)
random.seed('text seed')
c = random.getrandbits(64)
random.seed('text seed')
print(c == random.getrandbits(64))
print(all(0 <= random.randrange(10) < 10 for _ in range(200)))
print(all(random.randint(-3, 3) in range(-3, 4) for _ in range(200)))
print(all(random.randrange(10, 20, 3) in (10, 13, 16, 19) for _ in range(100)))
print(all(random.randrange(20, 10, -5) in (20, 15) for _ in range(100)))
print(sorted(set(random.randrange(3) for _ in range(300))))
print(random.getrandbits(0), all(0 <= random.getrandbits(100) < 2**100 for _ in range(20)))
print(all(0 <= random.randrange(2**70) < 2**70 for _ in range(20)))
lst = list(range(20))
random.shuffle(lst)
print(sorted(lst) == list(range(20)), len(lst))
print(random.choice('x'), random.choice([7]), random.choice('abc') in 'abc')
s = random.sample(range(100), 10)
print(len(s), len(set(s)), all(0 <= v < 100 for v in s), sorted(random.sample('abc', 3)))
for bad in (lambda: random.choice([]), lambda: random.randrange(0), lambda: random.randrange(5, 5),
            lambda: random.randrange(1, 2, 0), lambda: random.sample([1], 2), lambda: random.getrandbits(-1)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__)
