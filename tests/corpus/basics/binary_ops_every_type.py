# requires: FLOAT BUILTIN_COMPLEX BUILTIN_SET BUILTIN_FROZENSET BUILTIN_BYTEARRAY STR_FORMAT INT_BIG
# Every binary operator, plain and in-place, on every pair of builtin values: each gives
# CPython's result type or exception type (a small int @ a small int returned no value at
# all: the name it was stored to became unbound; bytes % bytes was taken as a mapping; a
# bytearray had no %).
vals = [0, 1, -3, 2**40, 1.5, True, None, "ab", b"ab", (1,), [1], {1: 2}, {1}, 1j, range(2),
        bytearray(b"x"), frozenset([1])]


def iop(f):
    def g(a, b):
        if isinstance(a, (list, dict, set, bytearray)):
            a = a.copy()
        return f(a, b)
    return g


def i_add(a, b):
    a += b
    return a


def i_sub(a, b):
    a -= b
    return a


def i_mul(a, b):
    a *= b
    return a


def i_matmul(a, b):
    a @= b
    return a


def i_truediv(a, b):
    a /= b
    return a


def i_floordiv(a, b):
    a //= b
    return a


def i_mod(a, b):
    a %= b
    return a


def i_pow(a, b):
    a **= b
    return a


def i_lshift(a, b):
    a <<= b
    return a


def i_rshift(a, b):
    a >>= b
    return a


def i_and(a, b):
    a &= b
    return a


def i_or(a, b):
    a |= b
    return a


def i_xor(a, b):
    a ^= b
    return a


ops = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
    ("@", lambda a, b: a @ b), ("/", lambda a, b: a / b), ("//", lambda a, b: a // b),
    ("%", lambda a, b: a % b), ("**", lambda a, b: a ** b), ("<<", lambda a, b: a << b),
    (">>", lambda a, b: a >> b), ("&", lambda a, b: a & b), ("|", lambda a, b: a | b),
    ("^", lambda a, b: a ^ b), ("<", lambda a, b: a < b), (">", lambda a, b: a > b),
    ("<=", lambda a, b: a <= b), (">=", lambda a, b: a >= b), ("==", lambda a, b: a == b),
    ("!=", lambda a, b: a != b), ("in", lambda a, b: a in b),
    ("+=", iop(i_add)), ("-=", iop(i_sub)), ("*=", iop(i_mul)), ("@=", iop(i_matmul)),
    ("/=", iop(i_truediv)), ("//=", iop(i_floordiv)), ("%=", iop(i_mod)), ("**=", iop(i_pow)),
    ("<<=", iop(i_lshift)), (">>=", iop(i_rshift)), ("&=", iop(i_and)), ("|=", iop(i_or)),
    ("^=", iop(i_xor)),
]


def huge(name, a, b):
    # (results too large to make: a sequence or a shift or power by 2**40)
    big = isinstance(b, int) and b > 100
    if name in ("**", "**=", "<<", "<<="):
        return big
    if name in ("*", "*="):
        return (big and not isinstance(a, (int, float, complex))) or (
            isinstance(a, int) and a > 100 and not isinstance(b, (int, float, complex)))
    return False


for name, f in ops:
    line = []
    for a in vals:
        for b in vals:
            if huge(name, a, b):
                line.append("-")
                continue
            try:
                r = f(a, b)
                line.append(type(r).__name__[:3])
            except Exception as e:
                line.append(type(e).__name__[:3])
    print(name, " ".join(line))
try:
    x = 1
    x @= 2
except TypeError as e:
    print(e)
try:
    x = "a"
    x += 1
except TypeError as e:
    print(e)
try:
    x = [1]
    x -= 1
except TypeError as e:
    print(e)
print(b"%s-%d" % (b"a", 1), bytearray(b"%(k)s") % {b"k": b"v"}, bytearray(b"[%x]") % 255)
for fmt, arg in [(b"ab", b"ab"), (b"ab", bytearray(b"x")), (bytearray(b"x"), [1]),
                 (bytearray(b"x"), {1: 2}), (b"%s", "x"), ("ab", b"ab")]:
    try:
        print(repr(fmt % arg))
    except TypeError as e:
        print("TypeError", e)


class Index:
    def __index__(self):
        return 120


class MyInt(int):
    pass


# `v in bytes`: any int outside 0..255 is a ValueError (a big int was a TypeError or an
# OverflowError), an __index__ object or an int subclass a byte
for v in (2**40, 2**70, -(2**70), 256, -1, True, 120, Index(), MyInt(120), "x", 1.0):
    for seq in (b"x", bytearray(b"x")):
        try:
            print(v in seq, end=" ")
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e, end="; ")
    print()
