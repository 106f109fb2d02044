# requires: MODULE_RANDOM FLOAT
# seed() without an argument (or None) gives a new sequence each time; seed(n) repeats.
import random

random.seed()
a = [random.random() for i in range(3)]
random.seed(None)
b = [random.random() for i in range(3)]
random.seed(7)
c = random.random()
random.seed(7)
print(a != b, c == random.random())
