# requires: INT_BIG_MPZ BUILTIN_HELPERS
# Big ints at digit boundaries against CPython: operands next to 2**k for k at and around
# every digit width (16, 32, 64 bits) and their multiples, both signs and zero, through
# every operation the big-int code has (arithmetic, floor division, bit operations, shifts,
# comparisons, conversions to and from str, bytes and float, hash) and small x big mixes.
edges = [0, 1, 2, 3, 5, 10, 255, 65535, 10**9, 10**18, 10**19]
for k in (15, 16, 17, 31, 32, 33, 47, 48, 61, 62, 63, 64, 65, 95, 96, 127, 128, 129, 191, 192, 256):
    for d in (-1, 0, 1):
        edges.append((1 << k) + d)
values = []
for e in edges:
    values.append(e)
    values.append(-e)

state = 99


def pick():
    global state
    state = (state * 1103515245 + 12345) % (1 << 31)
    return values[state % len(values)]


acc = 0
bad = []
wide_hash = hash(1 << 40) == 1 << 40


def mix(v):
    global acc
    acc = (acc * 1000003 + v) % (1 << 61)


for i in range(4000):
    a = pick()
    b = pick()
    mix(a + b)
    mix(a - b)
    mix(a * b)
    mix(a & b)
    mix(a | b)
    mix(a ^ b)
    mix((a < b) + 2 * (a == b) + 4 * (a >= b))
    if b:
        q, r = divmod(a, b)
        if q * b + r != a or a // b != q or a % b != r:
            bad.append(("divmod", a, b))
        mix(q)
        mix(r)
    s = i % 200
    mix(a << s)
    mix(a >> s)
    mix(~a)
    mix(abs(a))
    mix(a.bit_length())
for v in values:
    t = str(v)
    if int(t) != v or int(hex(v), 16) != v or int(bin(v), 2) != v or int(oct(v), 8) != v:
        bad.append(("str", v))
    n = (v.bit_length() + 8) // 8
    for order in ("little", "big"):
        raw = v.to_bytes(n, order, signed=True)
        if int.from_bytes(raw, order, signed=True) != v:
            bad.append(("bytes", v, order))
        mix(int.from_bytes(raw, order))
        if v >= 0:
            mix(int.from_bytes(v.to_bytes(n, order), order))
    f = float(v)
    mix(int(f))
    # hash: equal ints hash equal; with 64-bit hashes (CPython's, the 64-bit ports') it is the
    # value modulo 2**61 - 1 with its sign (-1 becomes -2); 32-bit ports have 32-bit hashes
    if hash(v) != hash(int(str(v))) or hash(v) != hash(v + 1 - 1):
        bad.append(("hash", v))
    if wide_hash:
        h = abs(v) % ((1 << 61) - 1) * (-1 if v < 0 else 1)
        if hash(v) != (-2 if h == -1 else h):
            bad.append(("hash value", v))
    # a small int against a big one, both ways
    for small in (-7, -1, 0, 1, 3, 1000):
        mix(small * v + v * small)
        mix(small - v)
        if v:
            mix(small // v)
            mix(small % v)
        if small:
            mix(v // small)
            mix(v % small)
print(acc)
print(bad)
print(hex(-(1 << 64)), str(-(1 << 127) + 1), (1 << 128) // ((1 << 64) - 1), (1 << 64) % 10**19)
print([x for x in (2**62, 2**63, 2**64) if x - 1 < x < x + 1], -(2**63) == -(2**63), 2**64 * 0)
# floor division where |q| + 1 needs a digit more than the quotient, a shorter dividend, and
# remainders far shorter than the dividend (kept while the dividend's copy is given back)
for bits in (16, 32, 64):
    B = 1 << bits
    for a, b in ((-(B**3 - 1), B**2), (B**3 - 1, -(B**2)), (-3, B**2 + 1), (B + 5, -(B**4))):
        print(a // b, a % b, divmod(a, b))
rems = [(7**500 + k) % (2**130 + 1) for k in range(3)]
print(rems, [r * 3 % 1000 for r in rems], (-(7**400)) % (2**200 - 1) % 10**9)
