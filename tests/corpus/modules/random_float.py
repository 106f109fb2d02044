# requires: MODULE_RANDOM FLOAT BUILTIN_SET GENERATORS
import random

random.seed(1)
x = [random.random() for _ in range(100)]
print(all(0.0 <= v < 1.0 for v in x), len(set(x)) > 90)
print(all(1.5 <= random.uniform(1.5, 2.5) <= 2.5 for _ in range(100)))
print(all(-1 <= random.uniform(0, -1) <= 0 for _ in range(100)))
random.seed(7)
a = random.random()
random.seed(7)
print(a == random.random(), type(a).__name__)
