# requires: INT_BIG_MPZ FLOAT FLOAT_DOUBLE
# int / int of any size: the quotient correctly rounded (ties to even, subnormals too), as
# CPython's; OverflowError only when the quotient is too big for a float. The exact value of
# each quotient is printed (as_integer_ratio), not its repr. The operands pass through
# d(): mpy-cross folds a division of two literals itself.
seed = 2024


def rnd(bits):
    global seed
    v = 0
    while bits > 0:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        k = 32 if bits > 32 else bits
        v = (v << k) | (seed >> (64 - k))
        bits -= k
    return v


def d(a, b):
    return a / b


def q(a, b):
    try:
        return d(a, b).as_integer_ratio()
    except OverflowError:
        return "OverflowError"


print(d(10 ** 400, 10 ** 399), d(-(10 ** 400), 10 ** 399), d(10 ** 4000, 10 ** 3990), d(0, -(10 ** 400)))
print(d(1, 10 ** 400), d(3, -(10 ** 400)), d(1 << 2000, (1 << 2000) - 1), d(10 ** 17, 3))
print(q(2 ** 1024, 1), q(2 ** 1024 - 1, 1), q(2 ** 1024 - 2 ** 970, 1), q(2 ** 1024 - 2 ** 970 - 1, 1))
print(q(10 ** 400, 3), q(1, 2 ** 1074), q(1, 2 ** 1075), q(3, 2 ** 1076), q(1, 2 ** 1075 - 1))
# ints below 2**63 that a double does not hold: the quotient rounded once, not twice
print(q(2 ** 53 + 1, 1), q(2 ** 54 + 3, 2), q(2 ** 60 + 1, 3), q(-(2 ** 62) - 7, 5), q(5, 2 ** 62 + 1))
for i in range(150):
    a = rnd(rnd(11) % 1200 + 1) | 1
    b = rnd(rnd(11) % 1200 + 1) | 1
    if i % 3 == 1:
        a = (1 << (a.bit_length() + 52)) + i - 75   # near a power of two: ties and carries
    if i % 5 == 2:
        b = -b
    print(i, q(a, b))
for k in range(1071, 1078):
    print(k, q(1, 1 << k), q(3, 1 << k), q(5, 3 << k), q((1 << 60) + 1, (1 << 60) << k))
try:
    print(d(1, 0))
except ZeroDivisionError:
    print("ZeroDivisionError")
try:
    print(d(10 ** 400, 0))
except ZeroDivisionError:
    print("ZeroDivisionError")
