# requires: FLOAT FLOAT_DOUBLE FLOAT_HEX MODULE_STRUCT INT_BIG_MPZ BUILTIN_HELPERS
# float.hex() of every kind of double (zeros, subnormals, normals, the largest, inf, nan) and
# float.fromhex() reading it back and other spellings: correctly rounded (ties to even,
# subnormals, overflow), blanks, signs, inf/nan words, errors; a subclass gets an instance.
import struct
seed = 99
def rnd(bits):
    global seed
    v = 0
    while bits > 0:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        k = 32 if bits > 32 else bits
        v = (v << k) | (seed >> (64 - k))
        bits -= k
    return v
vals = [0.0, -0.0, 1.0, 0.5, -2.5, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
        1.7976931348623157e308, float('inf'), float('-inf'), float('nan'), 0.1, 1e300, 2.0 ** -1030, 3.0, 1e-320]
for i in range(300):
    b = rnd(64)
    if i % 4 == 0:
        b &= (1 << 52) - 1  # subnormal
    vals.append(struct.unpack('<d', struct.pack('<Q', b))[0])
for v in vals:
    h = v.hex()
    back = float.fromhex(h)
    print(h, back.hex(), back == v or (v != v and back != back))
strs = ['0x1p0', ' -0X1.8P+1 ', '1', '.8', '0x.8p1', '+inf', '-nan', 'iNfInItY', 'infinit', '1e', '0x1.p1', '0x.p1', '',
        '0x', 'p1', '0x1p', '0x1p+', '0x1p1 x', '\t0x1\n', '0x1p99999999999999999999', '0x0p99999999999999999',
        '0x1p-999999999999', '-0x0p0', '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7ffffp1023', '0x1p-1075',
        '0x1.00000000000008p0', '0x1.000000000000081p0', '0x1.000000000000180p0', '0x3p-1076', '0x1p-1074', '0x1.8p-1074',
        '0x.000000000000000000000000000000000001p0', '0x1234567890abcdef1234567890p0', '0x1_0', '1.2.3', '0xg', '- 1',
        '0x0000000000000000000000001.8p1', '0x1.' + '0' * 40 + '1p0', '0x1.fffffffffffff' + 'f' * 30 + 'p-1023']
for i in range(200):
    m = rnd(rnd(7) % 90 + 1)
    e = rnd(12) % 2300 - 1150 - m.bit_length()
    strs.append(hex(m) + 'p' + str(e))
    strs.append(('-' if i % 2 else '') + hex(m)[:3] + '.' + hex(m)[3:] + 'p' + str(e // 3))
for s in strs:
    try:
        print(repr(s), float.fromhex(s).hex())
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__)
class F(float):
    pass
print(type(F.fromhex('0x1p1')).__name__, F.fromhex('0x1p1'), (2.0).fromhex('0x1p3'))
for a in (b'1', 1, None):
    try:
        float.fromhex(a)
    except TypeError:
        print('TypeError')
