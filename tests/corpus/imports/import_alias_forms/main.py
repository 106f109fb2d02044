import alpha as a, beta as b
from alpha import one as uno, two
from beta import (
    three,
    four as cuatro,
)
print(a.one(), b.three(), uno(), two(), three(), cuatro())
