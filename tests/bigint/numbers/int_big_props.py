# requires: INT_BIG_MPZ BUILTIN_HELPERS
# Property check of big-int division, multiplication and conversion against CPython:
# thousands of pseudo-random operands (a fixed LCG, so both interpreters see the same
# values) of every shape long division cares about: one-digit divisors, equal lengths,
# divisors whose top digit is small or all ones, exact quotients (zero remainders),
# negative operands (floor semantics) and values of 1000+ decimal digits.
state = 12345


def rnd(bits):
    global state
    v = 0
    while bits > 0:
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        take = 32 if bits > 32 else bits
        v = (v << take) | (state >> (64 - take))
        bits -= take
    return v


def shaped(bits):
    kind = rnd(3)
    if kind == 0:
        # runs of all-ones and zeros stress the quotient estimate and add-back
        v = (1 << bits) - 1
        return v ^ (rnd(8) << rnd(5))
    if kind == 1:
        return 1 << bits | rnd(bits // 2 + 1)
    return rnd(bits) | 1 << (bits - 1)


def signed(v):
    return -v if rnd(1) else v


def check(a, b):
    q, r = divmod(a, b)
    assert q * b + r == a
    return q % 1000000007, r % 1000000007, a // b == q, a % b == r


acc = 0
lines = []
for i in range(3000):
    size_a = 1 + rnd(9)  # up to 512 bits
    size_b = 1 + rnd(9) if rnd(2) else size_a  # equal lengths often
    if i % 7 == 0:
        size_b = 1 + rnd(4)  # one-digit divisors
    a = signed(shaped(size_a))
    b = signed(shaped(size_b))
    q, r, ok1, ok2 = check(a, b)
    acc = (acc * 31 + q * 7 + r) % (1 << 61)
    if not (ok1 and ok2):
        lines.append(("mismatch", i))
    if i % 250 == 0:
        lines.append((a // b, a % b, divmod(b, a)))
    # exact multiples: zero remainder
    m = a * b
    if m % b != 0 or m // b != a or (-m) // b != -a:
        lines.append(("exact", i))
    # str / int(str) round trip, and products
    s = str(m)
    if int(s) != m or str(int(s)) != s:
        lines.append(("str", i))
    acc = (acc + int(s[-9:] if len(s) > 9 else s.lstrip("-") or "0")) % (1 << 61)
print(acc)
for line in lines:
    print(line)

# 1000+ digit values: division, remainders, conversion both ways
big = [rnd(3500) | 1 << 3400, rnd(4000) | 1 << 3999, 10**1200 + 7, 3**2500, 2**4000 - 1]
for x in big:
    for y in (7, 65535, 65536, 10**9 + 7, rnd(1700), x // 3 + 1, x, x - 1, 2**1024 - 1):
        for sx, sy in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
            q, r = divmod(sx * x, sy * y)
            print(q % 999999937, r % 999999937, len(str(q)), str(r)[:12])
    print(str(x)[:30], str(x)[-30:], len(str(x)), int(str(x)) == x, int("-" + str(x)) == -x)
print(str(big[0] * big[1])[500:560], str(-big[2] * big[3])[-40:])
print(int("1" * 1500) % 1000000007, int("-" + "9" * 1300) // 10**1299, hex(big[2])[:40])

# pow with a modulus, including negative bases and big moduli
for _ in range(150):
    b = signed(rnd(1 + rnd(8)))
    e = rnd(1 + rnd(7))
    m = signed(shaped(2 + rnd(8)))
    print(pow(b, e, m), end=" ")
print()
print(pow(big[0], 65537, big[1]) % 10**12, pow(3, 10**5, 2**521 - 1) % 10**12)

# operands whose first quotient-digit estimate survives the two-digit test and is still one
# too large (the rare "add back" step), for 16-, 32- and 64-bit digits
for bits in (16, 32, 64):
    B = 1 << bits
    a = (B // 2 - 1) * B**3 + (B // 2) * B**2
    b = (B // 2) * B**2 + 1
    for x, y in (
        (a, b),
        (a << 64 | 12345, b << 64),
        (a * B**5 + 7, b * B**2 + 3),
        (-a, b),
        (a, -b),
    ):
        print(divmod(x, y), x % y == x - (x // y) * y)

# products of large, balanced and unbalanced factors (the split-and-recombine multiply)
for _ in range(60):
    x = signed(shaped(700 + rnd(12)))
    y = signed(shaped(700 + rnd(12))) if rnd(2) else signed(shaped(16 + rnd(10)))
    p = x * y
    print(len(str(p)), str(p)[-25:], p % 1000000007, p // y == x, p == y * x, (x + 1) * y - p == y)
# built at run time: the compiler would fold constant expressions into over-long literals
n = 5900 + rnd(7)
sq = (1 << n) - 1
three, seven = 3, 7
print((sq * sq) % 10**30, (three**3000 * seven**2500) % 10**30, str(sq * sq)[:30])
