// obj_float.c -- the float type (single or double per config): arithmetic with
// Python semantics, shortest round-trip repr, parsing, formatting and round().
// Decimal conversions in both directions are our own and exact (big naturals on the C
// stack, no heap for the arithmetic, no C library printf/strtod): the digits of the exact
// binary value rounded half-even, and the float nearest a decimal text, ties to even.
#include <math.h>
#include <string.h>

#include "mpf.h"
#include "typetest.h"

#if CONFIG_FLOAT_SINGLE
#define F(fn) fn##f  // (the C library's float functions: no double arithmetic on the board)
#else
#define F(fn) fn
#endif

mpf_obj_t mpf_obj_new_float(mpf_float_t v) {
    mpf_float_obj_t *f = mpf_new(mpf_float_obj_t);
    f->base.type = &mpf_type_float;
    f->value = v;
    return mpf_obj_from_ptr(f);
}

static inline mpf_float_t fval(mpf_obj_t o) {
    MPF_TAG_ASSERT(mpf_obj_is_type(o, &mpf_type_float), "float value");
    return ((const mpf_float_obj_t *)mpf_obj_ptr(o))->value;
}

// ---- exact arithmetic: big naturals of at most BN_WORDS words of 32 bits, on the C stack ----
// The largest values (double): the digit generators' r < 10 s with s <= 2**1081 (the
// smallest subnormal 2**-1074 scaled by 10**325: the decimal exponent is estimated up to two
// low), the reader's divisor 10**342 (a 19-digit prefix of a value near 1e-323) shifted left
// by one; 36 words, and bn_shl's scratch word: 37. Single: 10**65 shifted, 8 words.
#if CONFIG_FLOAT_SINGLE
typedef uint32_t fbits_t;
#define BN_WORDS 8
#define FLT_MANT 24       // significand bits (with the implicit one)
#define FLT_EMIN (-149)   // the exponent of a subnormal's unit
#define FLT_BMAX 255      // the biased exponent of inf and nan
#define DEC_MAX 39        // 0.d * 10**x is above the largest float for x > DEC_MAX
#define DEC_MIN (-46)     // and below half the smallest subnormal for x <= DEC_MIN
#define FAST_MANT 24      // M < 2**FAST_MANT and 10**FAST_POW are exact floats
#define FAST_POW 10
#else
typedef uint64_t fbits_t;
#define BN_WORDS 37
#define FLT_MANT 53
#define FLT_EMIN (-1074)
#define FLT_BMAX 2047
#define DEC_MAX 309
#define DEC_MIN (-324)
#define FAST_MANT 53
#define FAST_POW 22
#endif
#define FLT_REPR_DIGITS ((FLT_MANT * 3 + 9) / 10 + 1)  // 17 digits always read back (9 single)

typedef struct {
    unsigned n;  // words in use (the top one nonzero, none for 0)
    uint32_t d[BN_WORDS];
} bn_t;

static void bn_set(bn_t *a, uint64_t v) {
    a->n = 0;
    for (; v; v >>= 32) {
        a->d[a->n++] = (uint32_t)v;
    }
}

static void bn_mul(bn_t *a, uint32_t m) {
    uint64_t c = 0;
    for (unsigned i = 0; i < a->n; i++) {
        c += (uint64_t)a->d[i] * m;
        a->d[i] = (uint32_t)c;
        c >>= 32;
    }
    if (c) {
        a->d[a->n++] = (uint32_t)c;
    }
}

static void bn_mul_pow10(bn_t *a, int k) {
    for (; k >= 9; k -= 9) {
        bn_mul(a, 1000000000u);
    }
    static const uint32_t p10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    bn_mul(a, p10[k]);
}

static void bn_shl(bn_t *a, unsigned s) {
    unsigned w = s / 32, b = s % 32, n = a->n;
    if (n == 0) {
        return;
    }
    a->d[n] = 0;
    for (unsigned i = n + 1; i-- > 0;) {
        a->d[i + w] = (a->d[i] << b) | (b && i ? a->d[i - 1] >> (32 - b) : 0);
    }
    for (unsigned i = 0; i < w; i++) {
        a->d[i] = 0;
    }
    a->n = n + w + (a->d[n + w] != 0);
}

static int bn_bits(const bn_t *a) {
    return a->n ? (int)a->n * 32 - __builtin_clz(a->d[a->n - 1]) : 0;
}

static int bn_cmp(const bn_t *a, const bn_t *b) {
    if (a->n != b->n) {
        return a->n < b->n ? -1 : 1;
    }
    for (unsigned i = a->n; i-- > 0;) {
        if (a->d[i] != b->d[i]) {
            return a->d[i] < b->d[i] ? -1 : 1;
        }
    }
    return 0;
}

// [a] + [b] compared with [s]
static int bn_cmp_sum(const bn_t *a, const bn_t *b, const bn_t *s) {
    bn_t t;
    uint64_t c = 0;
    unsigned n = a->n > b->n ? a->n : b->n;
    for (unsigned i = 0; i < n; i++) {
        c += (uint64_t)(i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
        t.d[i] = (uint32_t)c;
        c >>= 32;
    }
    t.n = n;
    if (c) {
        t.d[t.n++] = (uint32_t)c;
    }
    return bn_cmp(&t, s);
}

// [a] -= [b] ([a] >= [b])
static void bn_sub(bn_t *a, const bn_t *b) {
    int64_t c = 0;
    for (unsigned i = 0; i < a->n; i++) {
        c += (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0);
        a->d[i] = (uint32_t)c;
        c = c < 0 ? -1 : 0;
    }
    while (a->n && a->d[a->n - 1] == 0) {
        a->n--;
    }
}

// floor([a] * [m] / [b]) for the next digit in base [m] of [a]/[b] < 1; [a] keeps the rest
static unsigned bn_next(bn_t *a, const bn_t *b, uint32_t m) {
    bn_mul(a, m);
    unsigned d = 0;
    while (bn_cmp(a, b) >= 0) {
        bn_sub(a, b);
        d++;
    }
    return d;
}

// [v] (> 0, finite) = *f * 2**(returned), *f below 2**FLT_MANT (a subnormal's is smaller)
static int float_split(mpf_float_t v, uint64_t *f) {
    fbits_t b;
    memcpy(&b, &v, sizeof(b));
    unsigned be = (unsigned)(b >> (FLT_MANT - 1)) & FLT_BMAX;
    uint64_t m = b & (((fbits_t)1 << (FLT_MANT - 1)) - 1);
    *f = be ? m | (uint64_t)1 << (FLT_MANT - 1) : m;
    return (int)(be ? be : 1) + FLT_EMIN - 1;
}

// The float nearest to [q] * 2**[e] (+ a little more when [sticky]), ties to even;
// inf when too big.
static mpf_float_t float_round(uint64_t q, bool sticky, long e) {
    int L = 64 - __builtin_clzll(q);
    long drop = L - FLT_MANT;
    if (e + drop < FLT_EMIN) {
        drop = FLT_EMIN - e;  // a subnormal: fewer bits
    }
    uint64_t m = q;
    if (drop > 64) {
        m = 0;  // below half the smallest subnormal
    } else if (drop > 0) {
        uint64_t rest = drop == 64 ? q : q & (((uint64_t)1 << drop) - 1);
        uint64_t half = (uint64_t)1 << (drop - 1);
        m = drop == 64 ? 0 : q >> drop;
        if (rest > half || (rest == half && (sticky || (m & 1)))) {
            m++;
        }
    } else {
        m = q << -drop;  // (exact: fewer than FLT_MANT bits)
    }
    e += drop;
    if (m >> FLT_MANT) {  // rounded up to the next power of two
        m >>= 1;
        e++;
    }
    fbits_t b = (fbits_t)m;  // a subnormal (or 0): e is FLT_EMIN, the biased exponent 0
    if (m >> (FLT_MANT - 1)) {
        long be = e - FLT_EMIN + 1;
        b = be >= FLT_BMAX ? (fbits_t)FLT_BMAX << (FLT_MANT - 1)
                           : (fbits_t)be << (FLT_MANT - 1) | (b & (((fbits_t)1 << (FLT_MANT - 1)) - 1));
    }
    mpf_float_t v;
    memcpy(&v, &b, sizeof(v));
    return v;
}

// A lower bound of log10(2**[x]), at most 2 below its floor (|x| < 2**13).
static int log10_pow2_low(int x) {
    return (x >= 0 ? (x * 78913) >> 18 : -((-x * 78913 + (1 << 18) - 1) >> 18)) - 1;
}

// Decimal digits of a float, one at a time: r/s is what is left, below 1.
typedef struct {
    bn_t r, s;
} dec_t;

// Starts the digits of [v] (> 0, finite; times 100 exactly when [pct]): returns k with
// 10**k <= v < 10**(k+1), and r/s = v / 10**(k+1).
static int dec_start(dec_t *d, mpf_float_t v, bool pct) {
    uint64_t f;
    int e = float_split(v, &f);
    bn_set(&d->r, f);
    bn_set(&d->s, 1);
    if (pct) {
        bn_mul(&d->r, 100);
    }
    bn_shl(e > 0 ? &d->r : &d->s, (unsigned)(e > 0 ? e : -e));
    int k = log10_pow2_low(bn_bits(&d->r) - bn_bits(&d->s) - 1);  // (v > 2**(bits - 1))
    bn_mul_pow10(k + 1 >= 0 ? &d->s : &d->r, k + 1 >= 0 ? k + 1 : -k - 1);
    while (bn_cmp(&d->r, &d->s) >= 0) {
        bn_mul(&d->s, 10);
        k++;
    }
    return k;
}

// The next [n] digits (n may be 0) into [dig], rounded half-even on what is left; true when
// they carried out ("99" up to "100": [dig] is then "1" and n zeros, n + 1 digits).
static bool dec_digits(dec_t *d, char *dig, int n) {
    for (int i = 0; i < n; i++) {
        dig[i] = (char)('0' + bn_next(&d->r, &d->s, 10));
    }
    int c = bn_cmp_sum(&d->r, &d->r, &d->s);  // 2r against s
    if (c < 0 || (c == 0 && (n == 0 || !(dig[n - 1] & 1)))) {
        return false;
    }
    int i = n;
    while (i > 0 && dig[i - 1] == '9') {
        dig[--i] = '0';
    }
    if (i > 0) {
        dig[i - 1]++;
        return false;
    }
    dig[0] = '1';
    memset(dig + 1, '0', (size_t)n);
    return true;
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The float nearest to 0.D * 10**[dexp], ties to even, where D are the digits of [p, end)
// (any other bytes skipped: '.', '_'), the first one nonzero. Exact for any number of
// digits: a 19-digit prefix M gives the float nearest M * 10**E exactly (big naturals);
// when digits beyond it are not all zeros, the answer is that float c or the next one up,
// and the digits decide against the exact decimal digits of the point halfway between.
static mpf_float_t dec_to_float(const char *p, const char *end, long dexp) {
    if (dexp > DEC_MAX) {
        return (mpf_float_t)INFINITY;
    }
    if (dexp <= DEC_MIN) {
        return 0;
    }
    uint64_t M = 0;
    int K = 0;
    const char *q = p;
    for (; q < end && K < 19; q++) {
        if (is_digit(*q)) {
            M = M * 10 + (uint64_t)(*q - '0');
            K++;
        }
    }
    bool trunc = false;
    for (; q < end && !trunc; q++) {
        trunc = *q > '0' && *q <= '9';
    }
    int E = (int)dexp - K;
    if (!trunc && M < (uint64_t)1 << FAST_MANT && E >= -FAST_POW && E <= FAST_POW) {
#if CONFIG_FLOAT_SINGLE
        mpf_float_t x = (mpf_float_t)(uint32_t)M, t = 1;  // (exact, and one rounding below)
#else
        mpf_float_t x = (mpf_float_t)M, t = 1;  // (exact, and one rounding below)
#endif
        for (int i = E < 0 ? -E : E; i > 0; i--) {
            t *= 10;
        }
        return E < 0 ? x / t : x * t;
    }
    dec_t d;
    bn_set(&d.r, M);
    bn_set(&d.s, 1);
    bn_mul_pow10(E >= 0 ? &d.r : &d.s, E >= 0 ? E : -E);
    // r/s scaled by a power of two into [1/4, 1): 64 bits of it are q, the value q * 2**x
    int T = bn_bits(&d.r) - bn_bits(&d.s);
    bn_shl(T >= 0 ? &d.s : &d.r, (unsigned)(T >= 0 ? T + 1 : -T - 1));
    uint64_t bits = 0;
    for (int i = 0; i < 64; i++) {
        bits = bits << 1 | bn_next(&d.r, &d.s, 2);
    }
    mpf_float_t c = float_round(bits, d.r.n != 0, T + 1 - 64);
    if (!trunc || isinf(c)) {
        return c;
    }
    // h = (2m + 1) 2**(e-1), halfway from c = m 2**e up to the next float
    uint64_t m;
    int e = c == 0 ? FLT_EMIN : float_split(c, &m);
    if (c == 0) {
        m = 0;
    }
    bn_set(&d.r, 2 * m + 1);
    bn_set(&d.s, 1);
    bn_shl(e - 1 > 0 ? &d.r : &d.s, (unsigned)(e - 1 > 0 ? e - 1 : 1 - e));
    bn_mul_pow10(dexp >= 0 ? &d.s : &d.r, (int)(dexp >= 0 ? dexp : -dexp));  // r/s = h / 10**dexp
    int cmp = -1;  // the digits against h: below, equal, above
    if (bn_cmp(&d.r, &d.s) < 0) {
        for (cmp = 0; p < end && cmp == 0; p++) {
            if (is_digit(*p)) {
                int hd = (int)bn_next(&d.r, &d.s, 10);
                cmp = *p - '0' - hd;
            }
        }
        if (cmp == 0 && d.r.n) {
            cmp = -1;  // h has more digits
        }
    }
    if (cmp > 0 || (cmp == 0 && (m & 1))) {
        return float_round(m + 1, false, e);
    }
    return c;
}

// repr's digits generated exactly (Steele and White's free-format method as Burger and
// Dybvig state it): v = f * 2**e and the half-gaps to its neighbours as ratios of big
// naturals r/s, m-/s, m+/s, scaled by 10**k so that v < 10**k; each step takes the next
// digit of r/s and stops as soon as the digits so far, or they plus one in the last place,
// lie within the half-gaps (boundaries included when f is even: those strings read back as
// v under round-half-even). Of the two, the nearer to v; a tie to the even digit, as CPython.
static int exact_shortest(mpf_float_t v, char *dig) {
    uint64_t f;
    int e = float_split(v, &f);
    bool even = !(f & 1);
    unsigned uneq = f == (uint64_t)1 << (FLT_MANT - 1) && e > FLT_EMIN;  // the gap below is half
    bn_t r, s, mm, mp;
    bn_set(&r, f);
    bn_set(&s, 1);
    bn_set(&mm, 1);
    bn_shl(&r, 1 + uneq + (unsigned)(e > 0 ? e : 0));
    bn_shl(&s, 1 + uneq + (unsigned)(e < 0 ? -e : 0));
    bn_shl(&mm, (unsigned)(e > 0 ? e : 0));
    mp = mm;
    bn_shl(&mp, uneq);
    // k at most the one wanted (the least with v + m+ below 10**k, or not above it for an
    // odd f); the loop below raises it
    int k = log10_pow2_low(bn_bits(&r) - bn_bits(&s)) + 1;
    if (k >= 0) {
        bn_mul_pow10(&s, k);
    } else {
        bn_mul_pow10(&r, -k);
        bn_mul_pow10(&mm, -k);
        bn_mul_pow10(&mp, -k);
    }
    while (bn_cmp_sum(&r, &mp, &s) >= (even ? 0 : 1)) {
        bn_mul(&s, 10);
        k++;
    }
    int n = 0;
    for (;;) {
        bn_mul(&mm, 10);
        bn_mul(&mp, 10);
        int d = (int)bn_next(&r, &s, 10);
        bool low = bn_cmp(&r, &mm) < (int)even;
        bool high = bn_cmp_sum(&r, &mp, &s) > -(int)even;
        if (low && high) {
            int c = bn_cmp_sum(&r, &r, &s);  // the nearer: 2r against s
            high = c > 0 || (c == 0 && (d & 1));
        }
        if (low || high) {
            dig[n++] = (char)('0' + d + high);
            break;
        }
        dig[n++] = (char)('0' + d);
    }
    for (int i = n - 1; i > 0 && dig[i] > '9'; i--) {  // (a carry; none is expected)
        dig[i] = '0';
        dig[i - 1]++;
    }
    if (dig[0] > '9') {
        dig[0] = '1';
        k++;
    }
    dig[n] = 0;
    return k - 1;
}

#if CONFIG_COMPILER_MPY_OUTPUT
// mpy-cross's float arithmetic, as measured (black box: the .mpy texts of a few hundred
// thousand literals and folded products, tests/test_compiler.py's float test): it reads and
// writes a double through the x86-64 long double (64-bit mantissa), so its texts are not
// always the shortest and its reading is not always the nearest double (7.856e-05 is read
// as the double after the nearest, 7.856000000000001e-05). Host only: the .mpy writer's
// texts; eval, exec and float() read and write floats exactly.
typedef long double mpy_ld_t;

// [x] times 10**[e]: the powers 10**(2**i) made by squaring, each one the bits of |e| hold
// multiplied in (or divided out, for a negative [e]) from the smallest on.
static mpy_ld_t mpy_scale10(mpy_ld_t x, int e) {
    unsigned n = e < 0 ? 0u - (unsigned)e : (unsigned)e;
    for (mpy_ld_t b = 10; n != 0; n >>= 1, b *= b) {
        if (n & 1) {
            x = e < 0 ? x / b : x * b;
        }
    }
    return x;
}

// The double mpy-cross reads from the float literal [s] ([len] bytes: digits, at most one
// '.', an optional exponent; no '_'): the digits as an integer while it stays below
// 1844674407370955160 (later ones only move the exponent), scaled by mpy_scale10.
mpf_float_t mpf_float_parse_mpy(const char *s, size_t len) {
    uint64_t m = 0;
    int e = 0, frac = 0;
    size_t i = 0;
    for (; i < len && (s[i] | 0x20) != 'e'; i++) {
        if (s[i] == '.') {
            frac = 1;
        } else if (m < (UINT64_MAX - 9) / 10) {
            m = m * 10 + (uint64_t)(s[i] - '0');
            e -= frac;
        } else {
            e += !frac;
        }
    }
    if (i < len) {
        bool neg = ++i < len && s[i] == '-';
        i += i < len && (s[i] == '-' || s[i] == '+');
        int x = 0;
        for (; i < len; i++) {
            x = x < 100000 ? x * 10 + (s[i] - '0') : x;
        }
        e += neg ? -x : x;
    }
    return m == 0 ? 0 : (mpf_float_t)mpy_scale10((mpy_ld_t)m, e);
}

// The [prec] digits mpy-cross writes for [v] (> 0, finite) into [dig], their decimal exponent
// returned: the exponent where [v] reaches the double nearest that power of ten (1e-11 is
// "1e-11", not "9.999999999999999e-12"), [v] scaled to [prec] digits and rounded half up
// (a subnormal may come out a digit short, a leading 0: "0.988131291682493e-323").
static int mpy_digits(mpf_float_t v, int prec, char *dig) {
    dec_t dd;
    char one[2];
    int exp = dec_start(&dd, v, false);
    exp += dec_digits(&dd, one, 1);  // the exponent of v rounded to one digit ('%.0e')
    // (it rounds: the exact exponent is this one or the one below)
    if (v < (mpf_float_t)mpy_scale10(1, exp)) {
        exp--;
    }
    mpy_ld_t m = mpy_scale10((mpy_ld_t)v, prec - 1 - exp) + 0.5L;
    uint64_t d = (uint64_t)m, top = 1;
    for (int i = 0; i < prec; i++) {
        top *= 10;
    }
    if (d >= top) {
        d = (d + 5) / 10;
        exp++;
    }
    for (int i = prec - 1; i >= 0; i--) {
        dig[i] = (char)('0' + d % 10);
        d /= 10;
    }
    dig[prec] = 0;
    return exp;
}
#endif

// Shortest decimal digits of [v] (> 0, finite) that read back as [v], [first] digits or
// more, the nearest to [v] of those: digits in [dig] (no dot, no trailing zeros), returns the
// decimal exponent of the first digit.
static int shortest_digits(mpf_float_t v, char *dig, size_t *ndig, int first) {
    int exp;
#if CONFIG_COMPILER_MPY_OUTPUT
    if (first > 1) {
        exp = mpy_digits(v, first, dig);  // mpy-cross's [first] digits
    } else
#endif
    {
        (void)first;
        exp = exact_shortest(v, dig);
    }
    size_t n = strlen(dig);
    while (n > 1 && dig[n - 1] == '0') {
        n--;
    }
    dig[n] = 0;
    *ndig = n;
    return exp;
}

// 'e', '+' or '-' and at least two digits of [x] (|x| < 1000) at [o]; the end returned
static char *put_exp(char *o, char e, int x) {
    *o++ = e;
    *o++ = x < 0 ? '-' : '+';
    x = x < 0 ? -x : x;
    if (x >= 100) {
        *o++ = (char)('0' + x / 100);
    }
    *o++ = (char)('0' + x / 10 % 10);
    *o++ = (char)('0' + x % 10);
    return o;
}

// repr(float) as CPython: fixed notation for 1e-4 <= |v| < 1e16, else scientific; the
// digits are the shortest of [first] digits or more that read back as [v].
static size_t float_repr(char *out, mpf_float_t v, int first) {
    char *o = out;
    if (signbit(v) && !isnan(v)) {
        *o++ = '-';
        v = -v;
    }
    if (!isfinite(v) || v == 0) {
        const char *t = isnan(v) ? "nan" : v == 0 ? "0.0" : "inf";
        memcpy(o, t, 4);
        return (size_t)(o - out) + 3;
    }
    char dig[32];
    size_t n;
    int exp = shortest_digits(v, dig, &n, first);
    if (exp >= -4 && exp < 16) {
        if (exp >= 0) {
            for (int i = 0; i <= exp; i++) {
                *o++ = (size_t)i < n ? dig[i] : '0';
            }
            *o++ = '.';
            if ((size_t)exp + 1 < n) {
                for (size_t i = (size_t)exp + 1; i < n; i++) {
                    *o++ = dig[i];
                }
            } else {
                *o++ = '0';
            }
        } else {
            *o++ = '0';
            *o++ = '.';
            for (int i = -1; i > exp; i--) {
                *o++ = '0';
            }
            for (size_t i = 0; i < n; i++) {
                *o++ = dig[i];
            }
        }
    } else {
        *o++ = dig[0];
        if (n > 1) {
            *o++ = '.';
            for (size_t i = 1; i < n; i++) {
                *o++ = dig[i];
            }
        }
        o = put_exp(o, 'e', exp);
    }
    *o = 0;
    return (size_t)(o - out);
}

size_t mpf_float_repr_buf(char *out, mpf_float_t f) {
    return float_repr(out, f, 1);
}

#if CONFIG_COMPILER_MPY_OUTPUT
// A float constant as mpy-cross writes it in an .mpy: repr's layout with 16 significant
// digits when mpy-cross reads them back as [f], else 17 (69.49 is "69.48999999999999").
size_t mpf_float_repr_mpy(char *out, mpf_float_t f) {
    size_t n = float_repr(out, f, 16);
    size_t sign = out[0] == '-';
    if (isfinite(f) && f != 0 && mpf_float_parse_mpy(out + sign, n - sign) != (signbit(f) ? -f : f)) {
        n = float_repr(out, f, 17);
    }
    return n;
}
#endif

void mpf_float_print(const mpf_print_t *p, mpf_float_t f) {
    char buf[MPF_FLOAT_REPR_MAX];
    size_t n = float_repr(buf, f, 1);
    mpf_print_strn(p, buf, n);
}

static void float_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    mpf_float_print(p, fval(self));
}

static bool is_blank(char c) {
    return c == ' ' || (unsigned char)(c - '\t') <= '\r' - '\t';  // (space \t \n \v \f \r)
}

// Whether [p, end) is lower-case [word] in any case.
static bool is_word(const char *p, const char *end, const char *word) {
    for (; *word; word++, p++) {
        if (p == end || (*p | 0x20) != *word) {
            return false;
        }
    }
    return p == end;
}

// Digits and single '_' between digits from [p]: the end of them; [*any] when there was one.
static const char *scan_digits(const char *p, const char *end, bool *any) {
    for (; p < end; p++) {
        if (*p == '_' && *any && p + 1 < end && is_digit(p[1]) && is_digit(p[-1])) {
            continue;
        }
        if (!is_digit(*p)) {
            break;
        }
        *any = true;
    }
    return p;
}

// float(s) syntax as CPython's (blanks around; a sign; inf, infinity or nan in any case; or
// digits with an optional point and exponent, '_' only between two digits): the nearest
// float; MPF_OBJ_NULL (and [*ok] false) for anything else.
mpf_obj_t mpf_float_parse(const char *s, size_t len, bool *ok) {
    const char *end = s + len;
    *ok = false;
    while (s < end && is_blank(*s)) {
        s++;
    }
    while (end > s && is_blank(end[-1])) {
        end--;
    }
    bool neg = s < end && *s == '-';
    s += s < end && (*s == '-' || *s == '+');
    mpf_float_t v;
    if (is_word(s, end, "inf") || is_word(s, end, "infinity")) {
        v = (mpf_float_t)INFINITY;
    } else if (is_word(s, end, "nan")) {
        v = (mpf_float_t)NAN;
    } else {
        bool any = false;
        const char *ip = scan_digits(s, end, &any), *p = ip;
        if (p < end && *p == '.') {
            bool frac = false;  // ('_' right after the point is not between digits)
            p = scan_digits(p + 1, end, &frac);
            any |= frac;
        }
        const char *mend = p;
        long x = 0;
        if (any && p < end && (*p | 0x20) == 'e') {
            p++;
            bool eneg = p < end && *p == '-';
            p += p < end && (*p == '-' || *p == '+');
            bool edig = false;
            const char *xs = p;
            p = scan_digits(p, end, &edig);
            any = edig;
            for (; xs < p; xs++) {
                x = is_digit(*xs) && x < 100000000 ? x * 10 + (*xs - '0') : x;  // (saturated)
            }
            x = eneg ? -x : x;
        }
        if (!any || p != end) {
            return MPF_OBJ_NULL;
        }
        // 0.D * 10**x, D from the first nonzero digit
        const char *first = s;
        while (first < mend && (*first == '0' || *first == '_' || *first == '.')) {
            first++;
        }
        if (first == mend) {
            v = 0;
        } else {
            for (const char *q = s; q < ip; q++) {
                x += q >= first && is_digit(*q);  // the integer digits from the first
            }
            for (const char *q = ip + 1; q < first; q++) {
                x -= *q == '0';  // the fraction's zeros before it
            }
            v = dec_to_float(first, mend, x);
        }
    }
    *ok = true;
    return mpf_obj_new_float(neg ? -v : v);
}

static mpf_obj_t float_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_new(MPF_QSTR_float, n_args, n_kw, 0, 1, false);
    if (n_args == 0) {
        return mpf_obj_new_float(0);
    }
    mpf_obj_t o = args[0];
    if (mpf_obj_is_type(o, &mpf_type_float)) {
        return o;
    }
    if (mpf_obj_is_int(o)) {
        return mpf_obj_new_float(mpf_int_to_float(o));
    }
    mpf_buffer_t b;
    // (str, or any object with a buffer: bytes, bytearray, memoryview, array)
    if (MPF_IS_STR(o) || mpf_obj_get_buffer(o, &b, false)) {
        size_t len;
        const char *s = MPF_IS_STR(o) ? mpf_obj_str_data(o, &len) : (len = b.len, (const char *)b.buf);
        bool ok;
        mpf_obj_t r = mpf_float_parse(s, len, &ok);
        if (!ok) {
            mpf_raise_fmt(&mpf_type_ValueError, "could not convert string to float: %R", o);
        }
        return r;
    }
    // a class with __float__ or __index__, or derived from float or int: as
    // mpf_obj_get_float takes it (a __float__ returning no float is a TypeError)
    const mpf_type_t *t = mpf_obj_type(o);
    if ((t->flags & MPF_TYPE_FLAG_HEAP) &&
        (mpf_type_lookup(t, MPF_QSTR___float__) != MPF_OBJ_NULL || mpf_type_lookup(t, MPF_QSTR___index__) != MPF_OBJ_NULL ||
         mpf_obj_native_number(o) != MPF_OBJ_NULL)) {
        return mpf_obj_new_float(mpf_obj_get_float(o));
    }
    mpf_raise_fmt(&mpf_type_TypeError, "float() argument must be a string or a real number, not '%T'", o);
}

// [a] < 0 to the fractional power [b]: a complex result, as CPython (kept out of line).
__attribute__((noinline)) static mpf_obj_t negative_base_power(mpf_float_t a, mpf_float_t b) {
#if CONFIG_BUILTIN_COMPLEX
    return mpf_binary_op(MPF_BINARY_OP_POWER, mpf_obj_new_complex(a, 0), mpf_obj_new_float(b));
#else
    (void)a;
    (void)b;
    mpf_raise_msg(&mpf_type_ValueError, "math domain error");
#endif
}

mpf_obj_t mpf_float_binary_op(int op, mpf_float_t a, mpf_float_t b) {
    if (op >= MPF_BINARY_OP_INPLACE_OR && op <= MPF_BINARY_OP_INPLACE_POWER) {
        op += MPF_BINARY_OP_INPLACE_TO_NORMAL;
    }
    switch (op) {
        case MPF_BINARY_OP_LESS:
            return mpf_obj_bool(a < b);
        case MPF_BINARY_OP_MORE:
            return mpf_obj_bool(a > b);
        case MPF_BINARY_OP_EQUAL:
            return mpf_obj_bool(a == b);
        case MPF_BINARY_OP_LESS_EQUAL:
            return mpf_obj_bool(a <= b);
        case MPF_BINARY_OP_MORE_EQUAL:
            return mpf_obj_bool(a >= b);
        case MPF_BINARY_OP_NOT_EQUAL:
            return mpf_obj_bool(a != b);
        case MPF_BINARY_OP_ADD:
            return mpf_obj_new_float(a + b);
        case MPF_BINARY_OP_SUBTRACT:
            return mpf_obj_new_float(a - b);
        case MPF_BINARY_OP_MULTIPLY:
            return mpf_obj_new_float(a * b);
        case MPF_BINARY_OP_TRUE_DIVIDE:
            if (b == 0) {
                mpf_raise_msg(&mpf_type_ZeroDivisionError, "float division by zero");
            }
            return mpf_obj_new_float(a / b);
        case MPF_BINARY_OP_FLOOR_DIVIDE:
        case MPF_BINARY_OP_MODULO: {
            if (b == 0) {
                mpf_raise_msg(&mpf_type_ZeroDivisionError, op == MPF_BINARY_OP_MODULO ? "float modulo" : "float floor division by zero");
            }
            mpf_float_t mod = F(fmod)(a, b);
            mpf_float_t div = (a - mod) / b;
            if (mod != 0) {
                if ((b < 0) != (mod < 0)) {
                    mod += b;
                    div -= 1;
                }
            } else {
                mod = F(copysign)((mpf_float_t)0, b);
            }
            mpf_float_t fd;
            if (div != 0) {
                fd = F(floor)(div);
                if (div - fd > (mpf_float_t)0.5) {
                    fd += 1;
                }
            } else {
                fd = F(copysign)((mpf_float_t)0, a / b);
            }
            return mpf_obj_new_float(op == MPF_BINARY_OP_MODULO ? mod : fd);
        }
        case MPF_BINARY_OP_POWER: {
            if (a == 0 && b < 0 && isfinite(b)) {
                mpf_raise_msg(&mpf_type_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            }
            if (a < 0 && isfinite(b) && b != F(floor)(b)) {
                return negative_base_power(a, b);
            }
            mpf_float_t r = F(pow)(a, b);
            if (isinf(r) && !isinf(a) && !isinf(b)) {
                mpf_raise_msg(&mpf_type_OverflowError, "(34, 'Numerical result out of range')");
            }
            return mpf_obj_new_float(r);
        }
        default:
            return MPF_OBJ_NULL;
    }
}

static mpf_obj_t float_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    mpf_float_t a = fval(lhs), b;
    if (mpf_obj_is_type(rhs, &mpf_type_float)) {
        b = fval(rhs);
    } else if (mpf_obj_is_int(rhs)) {
        if (op >= MPF_BINARY_OP_LESS && op <= MPF_BINARY_OP_NOT_EQUAL) {
            // exact, as CPython (2.0**53 != 2**53 + 1, 1e308 < 10**400): the int against the float
            int c = mpf_int_float_cmp(rhs, a);
            return c == 2 ? mpf_obj_bool(op == MPF_BINARY_OP_NOT_EQUAL) : mpf_obj_compare_result(op, -c);
        }
        b = mpf_int_to_float(rhs);
    } else {
        return MPF_OBJ_NULL;
    }
    if (op >= MPF_BINARY_OP_REVERSE_OR) {
        return mpf_float_binary_op(op - MPF_BINARY_OP_NORMAL_TO_REVERSE, b, a);
    }
    return mpf_float_binary_op(op, a, b);
}

// hash(float) as CPython's numeric hash: |v| = M * 2**E exactly (M < 2**53), hashed as
// M * 2**E modulo P = 2**61 - 1, which is M rotated left by E mod 61 in 61 bits (2**61 is 1
// modulo P), the sign put back and -1 made -2; so an integral float hashes as the int of the
// same value does (mpf_mpz_hash, the same modulus and the same conversion to a machine word,
// also on 32-bit boards), and +-inf as +-314159. A NaN hashes by identity ([self]), as in
// CPython 3.10 and later.
static mpf_int_t float_hash(mpf_float_t v, mpf_obj_t self) {
    if (isnan(v)) {
        return (mpf_int_t)(self >> 3);
    }
    if (isinf(v)) {
        return v > 0 ? 314159 : -314159;
    }
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    uint64_t h;
    int e = float_split(v, &h);  // |v| = h 2**e
    unsigned k = (unsigned)(e >= 0 ? e % 61 : 60 - (-1 - e) % 61);
    if (k != 0) {
        h = ((h << k) & P) | (h >> (61 - k));
    }
    if (h >= P) {
        h -= P;
    }
    mpf_int_t r = (mpf_int_t)h;
    if (signbit(v)) {
        r = -r;
    }
    return r == -1 ? -2 : r;
}

static mpf_obj_t float_unary_op(int op, mpf_obj_t self) {
    mpf_float_t v = fval(self);
    switch (op) {
        case MPF_UNARY_OP_BOOL:
            return mpf_obj_bool(v != 0);
        case MPF_UNARY_OP_POSITIVE:
            return self;
        case MPF_UNARY_OP_NEGATIVE:
            return mpf_obj_new_float(-v);
        case MPF_UNARY_OP_ABS:
            return mpf_obj_new_float(F(fabs)(v));
        case MPF_UNARY_OP_INT:
            return mpf_int_from_float(v);
        case MPF_UNARY_OP_HASH:
            return mpf_obj_new_small_int(float_hash(v, self));
        default:
            return MPF_OBJ_NULL;
    }
}

// round(x[, n]) for floats: ints halves-to-even without n; with n, as CPython: the exact
// value rounded half-even at 10**-n, then the float nearest that decimal.
mpf_obj_t mpf_float_round(mpf_obj_t x, mpf_obj_t ndigits) {
    mpf_float_t v = fval(x);
    if (ndigits == MPF_OBJ_NULL) {
        if (isnan(v)) {
            mpf_raise_msg(&mpf_type_ValueError, "cannot convert float NaN to integer");
        }
        if (isinf(v)) {
            mpf_raise_msg(&mpf_type_OverflowError, "cannot convert float infinity to integer");
        }
        mpf_float_t r = F(floor)(v);
        mpf_float_t diff = v - r;
        if (diff > (mpf_float_t)0.5 || (diff == (mpf_float_t)0.5 && F(fmod)(r, 2) != 0)) {
            r += 1;
        }
        return mpf_int_from_float(r);
    }
    mpf_int_t n = mpf_obj_get_int(ndigits);
    if (!isfinite(v) || v == 0 || n > 400) {
        return x;  // (a double has no decimal digits that far out: the smallest is 5e-324)
    }
    mpf_float_t a = F(fabs)(v), r = 0;
    dec_t d;
    int k = dec_start(&d, a, false);
    long nd = k + 1 + (long)n;  // the digits kept: down to 10**-n
    if (nd >= 0) {
        char *dig = mpf_gc_alloc_var(0, 1, (size_t)nd + 1, false);
        nd += dec_digits(&d, dig, (int)nd);
        long dexp = nd - (long)n;  // 0.dig * 10**dexp
        while (nd > 0 && dig[nd - 1] == '0') {
            nd--;
        }
        if (nd > 0) {
            r = dec_to_float(dig, dig + nd, dexp);
        }
        if (isinf(r)) {
            mpf_raise_msg(&mpf_type_OverflowError, "rounded value too large to represent");
        }
    }
    return mpf_obj_new_float(signbit(v) ? -r : r);
}

// [dig] ([n] digits, the first at 10**[k]; zeros around them) in fixed notation with [fp]
// digits after the point, and the point even without them when [dot]
static void put_fixed(mpf_vstr_t *o, const char *dig, int n, int k, int fp, bool dot) {
    for (int i = k < 0 ? 0 : -k; i <= fp; i++) {  // (i: the place 10**-i)
        if (i == 1 && !dot) {
            dot = true;
            mpf_vstr_add_char(o, '.');
        }
        int j = k + i;  // its index in dig
        mpf_vstr_add_char(o, j >= 0 && j < n ? dig[j] : '0');
        if (i == 0 && dot) {
            mpf_vstr_add_char(o, '.');
        }
    }
}

// [v] (>= 0, or a nan) formatted as printf's %e, %f, %g (their upper cases too; '#' when
// [alt]), '%' (%f of 100 v), or with [type] 0 as format()'s default at a precision: %g
// where fixed notation keeps a digit after the point ("2.0") and starts at [prec] digits.
// The exact value rounded half-even at the last digit kept, as CPython.
mpf_obj_t mpf_float_format(mpf_float_t v, char type, int prec, bool alt) {
    char t = type ? (char)(type | 0x20) : 'r';
    bool pct = t == '%';
    if (pct) {
        t = 'f';
#if !CONFIG_FLOAT_SINGLE
        v *= 100;  // (CPython's product, rounded once; of a float32 it is exact: below)
        pct = false;
#endif
    }
    if (!isfinite(v)) {
        const char *s = isnan(v) ? "NANnan" : "INFinf";
        return mpf_obj_new_str(s + (type >= 'A' && type <= 'Z' ? 0 : 3), 3);
    }
    dec_t d;
    int k = 0;
    if (v != 0) {
        k = dec_start(&d, v, pct);
    } else {
        bn_set(&d.r, 0);
        bn_set(&d.s, 1);
    }
    int P = prec ? prec : 1;  // (significant digits: 'g', 'r')
    long ln = t == 'f' ? k + 1 + (long)prec : t == 'e' ? (long)prec + 1 : P;
    if (ln > 0x1000000) {
        mpf_raise_msg(&mpf_type_ValueError, "precision too big");
    }
    int n = ln < 0 ? 0 : (int)ln;
    char *dig = mpf_gc_alloc_var(0, 1, (size_t)n + 1, false);
    if (ln >= 0 && dec_digits(&d, dig, n)) {
        k++;
        n += t == 'f';
    }
    bool fixed = t == 'f' || (t != 'e' && k >= -4 && k < (t == 'r' ? P - 1 : P));
    mpf_vstr_t o;
    mpf_vstr_init(&o, (size_t)n + 8);
    if (fixed) {
        put_fixed(&o, dig, n, k, t == 'f' ? prec : P - 1 - k, alt);
    } else {
        put_fixed(&o, dig, n, 0, n - 1, alt);  // the mantissa: the first digit, the point, the rest
    }
    if (t != 'e' && t != 'f' && !alt && memchr(o.buf, '.', o.len)) {
        while (o.buf[o.len - 1] == '0') {  // 'g' drops the zeros at the end, the point too
            o.len--;
        }
        o.len -= o.buf[o.len - 1] == '.';
    }
    if (t == 'r' && fixed && !memchr(o.buf, '.', o.len)) {
        mpf_vstr_add_strn(&o, ".0", 2);
    }
    if (!fixed) {
        char e[8];
        mpf_vstr_add_strn(&o, e, (size_t)(put_exp(e, type >= 'A' && type <= 'Z' ? 'E' : 'e', k) - e));
    }
    return mpf_vstr_to_str(&o);
}

// repr digits for format(): the shortest repr string.
mpf_obj_t mpf_float_repr_obj(mpf_float_t f) {
    char buf[48];
    size_t n = float_repr(buf, f, 1);
    return mpf_obj_new_str(buf, n);
}

// The float nearest to [q] / 2**[s] (+ a little more when [sticky]), ties to even; inf when
// too big (the int conversions and divisions round once, to the float's own width)
double mpf_float_round_scaled(unsigned long long q, bool sticky, long s) {
    return float_round(q, sticky, -s);
}

// Floats and 64-bit integers (times, int comparisons) with no C conversion between them: on
// single-precision boards those go through software doubles (5 KB).
mpf_float_t mpf_float_from_i64(int64_t v) {
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    mpf_float_t f = u ? float_round(u, false, 0) : 0;
    return v < 0 ? -f : f;
}

uint64_t mpf_float_to_u64(mpf_float_t v, bool up) {
    uint64_t f;
    int e = float_split(v, &f);  // v = f 2**e
    if (e >= 0) {
        return f << e;
    }
    if (e <= -64) {
        return up && f;
    }
    return (f >> -e) + (up && (f & (((uint64_t)1 << -e) - 1)) != 0);
}

int64_t mpf_float_floor_i64(mpf_float_t v) {
    return v < 0 ? (int64_t)(0 - mpf_float_to_u64(-v, true)) : (int64_t)mpf_float_to_u64(v, false);
}

static mpf_obj_t float_is_integer(mpf_obj_t self) {
    mpf_float_t v = fval(self);
    return mpf_obj_bool(isfinite(v) && v == F(floor)(v));
}

static mpf_obj_t float_as_integer_ratio(mpf_obj_t self) {
    mpf_float_t v = fval(self);
    if (!isfinite(v)) {
        mpf_raise_msg(isnan(v) ? &mpf_type_ValueError : &mpf_type_OverflowError, "cannot convert to integer ratio");
    }
    uint64_t f;
    int e = float_split(v, &f);  // |v| = f 2**e, in lowest terms below
    e = f ? e : 0;
    while (f && !(f & 1) && e < 0) {
        f >>= 1;
        e++;
    }
    mpf_obj_t num = mpf_obj_new_int_from_ll(signbit(v) ? -(long long)f : (long long)f);
    mpf_obj_t den = mpf_obj_new_small_int(1);
    if (e > 0) {
        num = mpf_binary_op(MPF_BINARY_OP_LSHIFT, num, mpf_obj_new_small_int(e));
    } else {
        den = mpf_binary_op(MPF_BINARY_OP_LSHIFT, den, mpf_obj_new_small_int(-e));
    }
    mpf_obj_t t[2] = {num, den};
    return mpf_obj_new_tuple(2, t);
}

static mpf_obj_t float_conjugate(mpf_obj_t self) {
    return self;
}

#if CONFIG_FLOAT_HEX
// float.hex(): [-]0x1.<13 hex digits>p<exponent>; a subnormal 0x0.<13 digits>p-1022, a zero
// 0x0.0p+0, and inf, -inf, nan as their repr.
static mpf_obj_t float_hex(mpf_obj_t self) {
    double v = fval(self);
    if (!isfinite(v)) {
        return mpf_obj_new_str(isnan(v) ? "nan" : v > 0 ? "inf" : "-inf", isnan(v) || v > 0 ? 3 : 4);
    }
    char buf[32];
    char *p = buf;
    if (signbit(v)) {
        *p++ = '-';
    }
    uint64_t bits;
    memcpy(&bits, &v, sizeof(bits));
    unsigned be = (unsigned)(bits >> 52) & 0x7FF;
    uint64_t frac = bits & (((uint64_t)1 << 52) - 1);
    int e = be == 0 ? (v == 0 ? 0 : -1022) : (int)be - 1023;
    *p++ = '0';
    *p++ = 'x';
    *p++ = be == 0 ? '0' : '1';
    *p++ = '.';
    for (int i = v == 0 ? 0 : 12; i >= 0; i--) {
        *p++ = "0123456789abcdef"[(frac >> (4 * i)) & 15];
    }
    *p++ = 'p';
    *p++ = e < 0 ? '-' : '+';
    unsigned u = (unsigned)(e < 0 ? -e : e);
    char *d = p;
    do {
        *p++ = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    for (char *q = p - 1; d < q; d++, q--) {  // (the digits were written backwards)
        char t = *d;
        *d = *q;
        *q = t;
    }
    return mpf_obj_new_str(buf, (size_t)(p - buf));
}

static bool hex_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// The value of hex digit [c], or -1.
static int hex_value(char c) {
    c = (char)(c | 0x20);
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// Whether [*pp] starts with lower-case [word] (any case); moves past it.
static bool hex_word(const char **pp, const char *end, const char *word) {
    const char *p = *pp;
    for (; *word; word++, p++) {
        if (p == end || (*p | 0x20) != *word) {
            return false;
        }
    }
    *pp = p;
    return true;
}

// float.fromhex(s): [sign] (inf | infinity | nan | [0x] hex digits [. hex digits] [p [sign]
// decimal digits]) between blanks, correctly rounded (ties to even, subnormals too).
static mpf_obj_t float_fromhex(mpf_obj_t cls, mpf_obj_t s_o) {
    if (!MPF_IS_STR(s_o)) {
        mpf_raise_msg(&mpf_type_TypeError, "bad argument type for built-in operation");
    }
    size_t len;
    const char *p = mpf_obj_str_data(s_o, &len), *end = p + len;
    while (p < end && hex_space(*p)) {
        p++;
    }
    bool neg = p < end && *p == '-';
    if (p < end && (*p == '-' || *p == '+')) {
        p++;
    }
    double r;
    bool ok = true;
    if (hex_word(&p, end, "inf")) {
        hex_word(&p, end, "inity");
        r = INFINITY;
    } else if (hex_word(&p, end, "nan")) {
        r = NAN;
    } else {
        if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x') {
            p += 2;
        }
        // value = (m + f) 2^e, f nonzero when [sticky]: the digits past m's 59 bits only count there
        unsigned long long m = 0;
        bool sticky = false, digits = false, point = false;
        long e = 0;
        for (; p < end; p++) {
            int d = hex_value(*p);
            if (d < 0) {
                if (*p != '.' || point) {
                    break;
                }
                point = true;
                continue;
            }
            digits = true;
            if (m >> 59) {
                sticky |= d != 0;
                e += point ? 0 : 4;
            } else {
                m = m * 16 + (unsigned)d;
                e -= point ? 4 : 0;
            }
        }
        ok = digits;
        if (ok && p < end && (*p | 0x20) == 'p') {
            p++;
            bool eneg = p < end && *p == '-';
            if (p < end && (*p == '-' || *p == '+')) {
                p++;
            }
            long x = 0;
            ok = p < end && *p >= '0' && *p <= '9';
            for (; p < end && *p >= '0' && *p <= '9'; p++) {
                x = x < 100000000 ? x * 10 + (*p - '0') : x;  // (saturated: far past any double)
            }
            e += eneg ? -x : x;
        }
        if (m == 0) {
            r = 0.0;
        } else if (e > 100000 || e < -100000) {
            r = e > 0 ? HUGE_VAL : 0.0;
        } else {
            r = mpf_float_round_scaled(m, sticky, -e);
        }
        if (ok && isinf(r)) {
            mpf_raise_msg(&mpf_type_OverflowError, "hexadecimal value too large to represent as a float");
        }
    }
    while (p < end && hex_space(*p)) {
        p++;
    }
    if (!ok || p != end) {
        mpf_raise_msg(&mpf_type_ValueError, "invalid hexadecimal floating-point string");
    }
    mpf_obj_t f = mpf_obj_new_float(neg ? -r : r);
    return cls == mpf_obj_from_ptr(&mpf_type_float) ? f : mpf_call1(cls, f);
}
MPF_FUN_2(float_fromhex_fun_obj, MPF_QSTR_fromhex, float_fromhex);
static const mpf_wrapper_t float_fromhex_obj = {{&mpf_type_classmethod}, MPF_ROM_PTR(&float_fromhex_fun_obj)};
#endif

static const mpf_rom_map_elem_t float_locals_table[] = {
    MPF_ROM_FUN_1(MPF_QSTR_is_integer, float_is_integer),
    MPF_ROM_FUN_1(MPF_QSTR_as_integer_ratio, float_as_integer_ratio),
    MPF_ROM_FUN_1(MPF_QSTR_conjugate, float_conjugate),
#if CONFIG_FLOAT_HEX
    MPF_ROM_FUN_1(MPF_QSTR_hex, float_hex),
    {MPF_ROM_QSTR(MPF_QSTR_fromhex), MPF_ROM_PTR(&float_fromhex_obj)},
#endif
};
MPF_ROM_MAP(float_locals, float_locals_table);

static void float_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    if (attr == MPF_QSTR_real) {
        dest[0] = self;
    } else if (attr == MPF_QSTR_imag) {
        dest[0] = mpf_obj_new_float(0);
    }
}

const mpf_type_t mpf_type_float = MPF_TYPE(MPF_QSTR_float, MPF_TYPE_FLAG_SUBCLASSABLE,
    (print, float_print),
    (make_new, float_make_new),
    (unary_op, float_unary_op),
    (binary_op, float_binary_op),
    (attr, float_attr),
    (locals, &float_locals));

MPF_NORETURN void mpf_raise_math_domain_error(void) {
    mpf_raise_msg(&mpf_type_ValueError, "math domain error");
}

MPF_NORETURN void mpf_raise_math_range_error(void) {
    mpf_raise_msg(&mpf_type_OverflowError, "math range error");
}
