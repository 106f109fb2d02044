# requires: GENERATORS
from gens import countdown, Pipeline
print(list(countdown(3)))
print(list(Pipeline([1, 2, 3]).mapped(lambda v: v * 10)))
