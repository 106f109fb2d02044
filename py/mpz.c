// mpz.c -- arbitrary-precision integer arithmetic on immutable big-int objects.
// Operands may be small ints or big ints; results are normalised back to small ints
// whenever they fit. With CONFIG_INT_BIG_LONGLONG results are limited to 64 bits.
#include <limits.h>
#include <math.h>

#include "mpz.h"

// A digit is half the widest type the target multiplies and divides natively.
#define DIG_BITS MPF_MPZ_DIG_BITS
#define DIG_MASK ((dbl_t)(mpf_mpz_dig_t)~(mpf_mpz_dig_t)0)
#if MPF_MPZ_DIG_BITS == 64
__extension__ typedef unsigned __int128 dbl_t;
#elif MPF_MPZ_DIG_BITS == 32
typedef uint64_t dbl_t;
#else
typedef uint32_t dbl_t;
#endif
#define DIG_BYTES (DIG_BITS / 8)
// m shifted by a digit's width: in two halves, as a digit may be as wide as m itself
#define ULL_SHL_DIG(m) (((m) << (DIG_BITS / 2)) << (DIG_BITS / 2))
#define ULL_SHR_DIG(m) (((m) >> (DIG_BITS / 2)) >> (DIG_BITS / 2))

// n / d and n % d for n < d B (the quotient fits a digit): one division, as the remainder
// follows from the quotient (with 64-bit digits each division is a library call).
static inline mpf_mpz_dig_t div_dbl(dbl_t n, mpf_mpz_dig_t d, mpf_mpz_dig_t *rem) {
    const mpf_mpz_dig_t q = (mpf_mpz_dig_t)(n / d);
    *rem = (mpf_mpz_dig_t)(n - (dbl_t)q * d);
    return q;
}

// A read-only view of an int operand (small ints are expanded into [buf]).
typedef struct zv {
    bool neg;
    size_t len;
    const mpf_mpz_dig_t *d;
    mpf_mpz_dig_t buf[sizeof(unsigned long long) * 8 / DIG_BITS + 1];
} zv_t;

static void zv_set_ull(zv_t *v, unsigned long long m, bool neg) {
    v->neg = neg;
    v->len = 0;
    while (m) {
        v->buf[v->len++] = (mpf_mpz_dig_t)(m & DIG_MASK);
        m = ULL_SHR_DIG(m);
    }
    v->d = v->buf;
}

static void zv_from(zv_t *v, mpf_obj_t o) {
    if (mpf_obj_is_small_int(o)) {
        mpf_int_t i = mpf_obj_small_int_value(o);
        zv_set_ull(v, i < 0 ? (unsigned long long)0 - (unsigned long long)i : (unsigned long long)i, i < 0);
    } else if (o == MPF_OBJ_TRUE || o == MPF_OBJ_FALSE) {
        zv_set_ull(v, o == MPF_OBJ_TRUE, false);
    } else {
        const mpf_int_big_t *b = mpf_obj_ptr(o);
        v->neg = b->neg != 0;
        v->len = b->len;
        v->d = b->dig;
    }
}

static mpf_int_big_t *big_alloc(size_t n) {
    mpf_int_big_t *b = mpf_gc_alloc_var(sizeof(mpf_int_big_t) + sizeof(mpf_mpz_dig_t), sizeof(mpf_mpz_dig_t), n, false);
    b->base.type = &mpf_type_int;
    b->len = n;
    return b;
}

// Trim, then return a small int when the value fits.
static mpf_obj_t big_finish(mpf_int_big_t *b) {
    while (b->len > 0 && b->dig[b->len - 1] == 0) {
        b->len--;
    }
    if (b->len == 0) {
        return mpf_obj_new_small_int(0);
    }
    if (b->len * DIG_BITS <= sizeof(unsigned long long) * 8) {
        unsigned long long m = 0;
        for (size_t i = b->len; i-- > 0;) {
            m = ULL_SHL_DIG(m) | b->dig[i];
        }
        if (m <= (unsigned long long)MPF_SMALL_INT_MAX) {
            mpf_int_t v = (mpf_int_t)m;
            return mpf_obj_new_small_int(b->neg ? -v : v);
        }
        if (b->neg && m == (unsigned long long)MPF_SMALL_INT_MAX + 1) {
            return mpf_obj_new_small_int(MPF_SMALL_INT_MIN);
        }
    }
#if CONFIG_INT_BIG_LONGLONG
    long long ll;
    if (!mpf_mpz_to_ll(mpf_obj_from_ptr(b), &ll)) {
        mpf_raise_msg(&mpf_type_OverflowError, "int too large for 64 bits");
    }
#endif
    if (b->neg && b->len == 0) {
        b->neg = 0;
    }
    return mpf_obj_from_ptr(b);
}

static int mag_cmp(const mpf_mpz_dig_t *a, size_t al, const mpf_mpz_dig_t *b, size_t bl) {
    while (al > 0 && a[al - 1] == 0) {
        al--;
    }
    while (bl > 0 && b[bl - 1] == 0) {
        bl--;
    }
    if (al != bl) {
        return al < bl ? -1 : 1;
    }
    for (size_t i = al; i-- > 0;) {
        if (a[i] != b[i]) {
            return a[i] < b[i] ? -1 : 1;
        }
    }
    return 0;
}

// r = a + b (r has room for max(al, bl) + 1 digits); returns length.
static size_t mag_add(mpf_mpz_dig_t *r, const mpf_mpz_dig_t *a, size_t al, const mpf_mpz_dig_t *b, size_t bl) {
    if (al < bl) {
        const mpf_mpz_dig_t *t = a;
        a = b;
        b = t;
        size_t tl = al;
        al = bl;
        bl = tl;
    }
    // digit-wide sums with the carry out of each (no double-width arithmetic)
    unsigned carry = 0;
    size_t i;
    for (i = 0; i < bl; i++) {
        mpf_mpz_dig_t d;
        const bool c1 = __builtin_add_overflow(a[i], b[i], &d);
        const bool c2 = __builtin_add_overflow(d, (mpf_mpz_dig_t)carry, &d);
        r[i] = d;
        carry = c1 | c2;
    }
    for (; i < al; i++) {
        const mpf_mpz_dig_t d = (mpf_mpz_dig_t)(a[i] + carry);
        r[i] = d;
        carry = carry && d == 0;
    }
    r[i++] = (mpf_mpz_dig_t)carry;
    return i;
}

// r = a - b with |a| >= |b|; returns length.
static size_t mag_sub(mpf_mpz_dig_t *r, const mpf_mpz_dig_t *a, size_t al, const mpf_mpz_dig_t *b, size_t bl) {
    unsigned borrow = 0;
    size_t i;
    for (i = 0; i < bl; i++) {
        mpf_mpz_dig_t d;
        const bool b1 = __builtin_sub_overflow(a[i], b[i], &d);
        const bool b2 = __builtin_sub_overflow(d, (mpf_mpz_dig_t)borrow, &d);
        r[i] = d;
        borrow = b1 | b2;
    }
    for (; i < al; i++) {
        const mpf_mpz_dig_t x = a[i];
        r[i] = (mpf_mpz_dig_t)(x - borrow);
        borrow = borrow && x == 0;
    }
    return al;
}

// r = a * b, schoolbook (r has al + bl digits).
static void mag_mul_school(mpf_mpz_dig_t *r, const mpf_mpz_dig_t *a, size_t al, const mpf_mpz_dig_t *b, size_t bl) {
    if (al > bl) {
        // one row per digit of the shorter factor: a big number times a small one is
        // one pass over the big one
        const mpf_mpz_dig_t *t = a;
        a = b;
        b = t;
        const size_t tl = al;
        al = bl;
        bl = tl;
    }
    if (al == 0) {
        memset(r, 0, bl * sizeof(mpf_mpz_dig_t));
        return;
    }
    // the first row is stored, the others are added to it
    const dbl_t a0 = a[0];
    dbl_t carry = 0;
    for (size_t j = 0; j < bl; j++) {
        carry += a0 * b[j];
        r[j] = (mpf_mpz_dig_t)carry;
        carry >>= DIG_BITS;
    }
    r[bl] = (mpf_mpz_dig_t)carry;
    for (size_t i = 1; i < al; i++) {
        const dbl_t ai = a[i];
        mpf_mpz_dig_t *ri = r + i;
        carry = 0;
        if (ai != 0) {
            for (size_t j = 0; j < bl; j++) {
                // (B-1)^2 + 2(B-1) < B^2: no overflow
                carry += ai * b[j] + ri[j];
                ri[j] = (mpf_mpz_dig_t)carry;
                carry >>= DIG_BITS;
            }
        }
        ri[bl] = (mpf_mpz_dig_t)carry; // not yet written by an earlier row
    }
}

// Below this many digits in either factor the schoolbook product is the faster.
#define KARATSUBA_MIN_DIGS (128 / (DIG_BITS / 8))

// r = a * b (r has al + bl digits, all written); returns al + bl. Karatsuba for large balanced
// factors: with a = a1 B^h + a0 and b = b1 B^h + b0, three half-size products
// z0 = a0 b0, z2 = a1 b1 and (a0 + a1)(b0 + b1) - z0 - z2 = a1 b0 + a0 b1.
static size_t mag_mul(mpf_mpz_dig_t *r, const mpf_mpz_dig_t *a, size_t al, const mpf_mpz_dig_t *b, size_t bl) {
    const size_t n = al > bl ? al : bl;
    const size_t h = (n + 1) / 2;
    if (al < KARATSUBA_MIN_DIGS || bl < KARATSUBA_MIN_DIGS || al <= h || bl <= h) {
        mag_mul_school(r, a, al, b, bl);
        return al + bl;
    }
    // z0 and z2 go straight to the low and high parts of r
    mag_mul(r, a, h, b, h);
    mag_mul(r + 2 * h, a + h, al - h, b + h, bl - h);
    // scratch: the two sums (h + 1 digits each) and their product (2h + 2 digits)
    mpf_mpz_dig_t *sa = mpf_gc_alloc_var(0, sizeof(mpf_mpz_dig_t), 4 * h + 4, false);
    mpf_mpz_dig_t *sb = sa + h + 1, *p = sb + h + 1;
    mag_add(sa, a, h, a + h, al - h);
    mag_add(sb, b, h, b + h, bl - h);
    mag_mul(p, sa, h + 1, sb, h + 1);
    const size_t pl = 2 * h + 2, rl = al + bl;
    mag_sub(p, p, pl, r, 2 * h);
    mag_sub(p, p, pl, r + 2 * h, rl - 2 * h);
    // r += p B^h; p's digits past the end of r are zero (the product fits in rl digits)
    dbl_t carry = 0;
    size_t i;
    for (i = 0; i < pl && h + i < rl; i++) {
        carry += (dbl_t)r[h + i] + p[i];
        r[h + i] = (mpf_mpz_dig_t)carry;
        carry >>= DIG_BITS;
    }
    for (i += h; carry && i < rl; i++) {
        carry += r[i];
        r[i] = (mpf_mpz_dig_t)carry;
        carry >>= DIG_BITS;
    }
    mpf_gc_free(sa);
    return rl;
}

// Divide a[len] in place by the single digit d; returns the remainder.
static mpf_mpz_dig_t mag_div_digit(mpf_mpz_dig_t *q, const mpf_mpz_dig_t *a, size_t len, mpf_mpz_dig_t d) {
    mpf_mpz_dig_t r = 0;
    for (size_t i = len; i-- > 0;) {
        q[i] = div_dbl(((dbl_t)r << DIG_BITS) | a[i], d, &r);
    }
    return r;
}

// Divide u[0..len) in place by b[0..n) (b[n - 1] != 0, len >= n, u has room for len + 1
// digits): the remainder is left in u[0..n), the quotient's len - n + 1 digits go to q unless
// q is NULL. Long division a digit at a time (Knuth, TAOCP vol. 2, 4.3.1, algorithm D). The
// operands are not normalised: scaling both by 2**s changes no quotient digit, so each digit
// is estimated from the scaled top digits of the partial remainder and of b, worked out as
// needed, while the multiply-subtract runs on the digits as they are.
static void mag_divmod(mpf_mpz_dig_t *q, mpf_mpz_dig_t *u, size_t len, const mpf_mpz_dig_t *b, size_t n) {
    if (n == 1) {
        // in place when the quotient is not wanted (it reads digit i before writing it)
        u[0] = mag_div_digit(q != NULL ? q : u, u, len, b[0]);
        return;
    }
    // D1: the shift that sets the divisor's top bit.
    unsigned s = 0;
    while ((((dbl_t)b[n - 1] << s) & ((dbl_t)1 << (DIG_BITS - 1))) == 0) {
        s++;
    }
    // digit i of x * 2**s from x's digits i and i - 1 (dbl_t is twice as wide as a digit:
    // a shift by DIG_BITS - s, s = 0 included, is defined)
#define SCALED(x, i) ((mpf_mpz_dig_t)(((dbl_t)(x)[i] << s) | ((dbl_t)(x)[(i) - 1] >> (DIG_BITS - s))))
    u[len] = 0; // a * 2**s may need one digit more
    const dbl_t v1 = SCALED(b, n - 1);
    const dbl_t v2 = n > 2 ? SCALED(b, n - 2) : (mpf_mpz_dig_t)((dbl_t)b[0] << s);
    const dbl_t base = (dbl_t)1 << DIG_BITS;
    for (size_t j = len - n + 1; j-- > 0;) {
        // D3: estimate the quotient digit from the top digits; at most two too large. The
        // scaled top digit is at most v1 (the part of u taken is below b B): when equal, the
        // digit is at most B - 1; otherwise the quotient of the top two by v1 fits a digit.
        const mpf_mpz_dig_t u2 = SCALED(u, j + n), u1 = SCALED(u, j + n - 1);
        const mpf_mpz_dig_t u0 = j + n >= 3 ? SCALED(u, j + n - 2) : (mpf_mpz_dig_t)((dbl_t)u[0] << s);
        const dbl_t num = ((dbl_t)u2 << DIG_BITS) | u1;
        dbl_t qhat, rhat;
        if (u2 >= v1) {
            qhat = DIG_MASK;
            rhat = num - qhat * v1;
        } else {
            mpf_mpz_dig_t r1;
            qhat = div_dbl(num, (mpf_mpz_dig_t)v1, &r1);
            rhat = r1;
        }
        while (rhat < base && qhat * v2 > ((rhat << DIG_BITS) | u0)) {
            qhat--;
            rhat += v1;
        }
        // D4: multiply and subtract.
        dbl_t carry = 0;
        unsigned borrow = 0;
        for (size_t i = 0; i < n; i++) {
            const dbl_t p = qhat * b[i] + carry; // (B-1)^2 + (B-1) < B^2
            carry = p >> DIG_BITS;
            mpf_mpz_dig_t d;
            const bool b1 = __builtin_sub_overflow(u[i + j], (mpf_mpz_dig_t)p, &d);
            const bool b2 = __builtin_sub_overflow(d, (mpf_mpz_dig_t)borrow, &d);
            u[i + j] = d;
            borrow = b1 | b2;
        }
        // the top digit takes carry + borrow <= B: below zero exactly when it exceeds u[j + n]
        const dbl_t top = carry + borrow;
        const bool negative = top > u[j + n];
        u[j + n] = (mpf_mpz_dig_t)((dbl_t)u[j + n] - top);
        if (negative) {
            // D6: the estimate was one too large; add the divisor back.
            qhat--;
            dbl_t c = 0;
            for (size_t i = 0; i < n; i++) {
                c += (dbl_t)u[i + j] + b[i];
                u[i + j] = (mpf_mpz_dig_t)c;
                c >>= DIG_BITS;
            }
            u[j + n] = (mpf_mpz_dig_t)(u[j + n] + c);
        }
        if (q != NULL) {
            q[j] = (mpf_mpz_dig_t)qhat;
        }
    }
#undef SCALED
}

static mpf_obj_t add_sub(const zv_t *a, const zv_t *b, bool sub) {
    bool bneg = b->neg != sub;
    size_t n = (a->len > b->len ? a->len : b->len) + 1;
    mpf_int_big_t *r = big_alloc(n);
    if (a->neg == bneg) {
        r->len = mag_add(r->dig, a->d, a->len, b->d, b->len);
        r->neg = a->neg;
    } else if (mag_cmp(a->d, a->len, b->d, b->len) >= 0) {
        r->len = mag_sub(r->dig, a->d, a->len, b->d, b->len);
        r->neg = a->neg;
    } else {
        r->len = mag_sub(r->dig, b->d, b->len, a->d, a->len);
        r->neg = bneg;
    }
    return big_finish(r);
}

static mpf_obj_t mul(const zv_t *a, const zv_t *b) {
    mpf_int_big_t *r = big_alloc(a->len + b->len + 1);
    r->len = mag_mul(r->dig, a->d, a->len, b->d, b->len);
    r->neg = a->neg != b->neg;
    return big_finish(r);
}

static bool is_zero(const zv_t *v) {
    for (size_t i = 0; i < v->len; i++) {
        if (v->d[i]) {
            return false;
        }
    }
    return true;
}

// Floor division and modulo (Python semantics); qo or ro may be NULL when not wanted. The
// remainder's object is the division's working copy of a: one allocation for a % b, and no
// quotient digits stored.
static void divmod(const zv_t *a, const zv_t *b, mpf_obj_t *qo, mpf_obj_t *ro) {
    size_t n = b->len;
    while (n > 0 && b->d[n - 1] == 0) {
        n--;
    }
    size_t len = a->len;
    while (len > 0 && a->d[len - 1] == 0) {
        len--;
    }
    // room for a and the division's extra digit, and for |b| - |r| below
    mpf_int_big_t *r = big_alloc((len > n ? len : n) + 1);
    memcpy(r->dig, a->d, len * sizeof(mpf_mpz_dig_t));
    mpf_int_big_t *q = NULL;
    if (qo != NULL) {
        // |q| + 1 below can need a digit more than the quotient (-(B**3 - 1) // B**2)
        q = big_alloc(len >= n ? len - n + 2 : 1);
        q->neg = a->neg != b->neg;
    }
    if (len >= n) {
        mag_divmod(q != NULL ? q->dig : NULL, r->dig, len, b->d, n);
        r->len = n;
    } else {
        r->len = len; // the quotient is zero
    }
    bool rzero = true;
    for (size_t i = 0; i < r->len; i++) {
        if (r->dig[i]) {
            rzero = false;
        }
    }
    r->neg = a->neg;
    if (a->neg != b->neg && !rzero) {
        // floor (signs differ, inexact): |q| += 1, |r| = |b| - |r| with the sign of b
        if (q != NULL) {
            for (size_t i = 0; i < q->len && ++q->dig[i] == 0; i++) {
            }
        }
        r->len = mag_sub(r->dig, b->d, n, r->dig, r->len);
        r->neg = b->neg;
    }
    if (qo != NULL) {
        *qo = big_finish(q);
    }
    if (ro != NULL) {
        if (len > 2 * n + 8) {
            // most of the working copy is not part of the remainder: give it back
            r = mpf_gc_realloc_var(r, sizeof(mpf_int_big_t), sizeof(mpf_mpz_dig_t), n);
        }
        *ro = big_finish(r);
    } else {
        mpf_gc_free(r);
    }
}

// Two's complement digit i of v (sign-extended).
static mpf_mpz_dig_t tc_digit(const zv_t *v, size_t i, dbl_t *borrow) {
    mpf_mpz_dig_t d = i < v->len ? v->d[i] : 0;
    if (!v->neg) {
        return d;
    }
    // -m = ~(m - 1)
    const mpf_mpz_dig_t t = (mpf_mpz_dig_t)(d - (mpf_mpz_dig_t)*borrow);
    *borrow = d < *borrow;
    return (mpf_mpz_dig_t)~t;
}

static mpf_obj_t bitwise(int op, const zv_t *a, const zv_t *b) {
    size_t n = (a->len > b->len ? a->len : b->len) + 1;
    mpf_int_big_t *r = big_alloc(n);
    dbl_t ba = 1, bb = 1;
    bool rneg;
    if (op == MPF_BINARY_OP_AND) {
        rneg = a->neg && b->neg;
    } else if (op == MPF_BINARY_OP_OR) {
        rneg = a->neg || b->neg;
    } else {
        rneg = a->neg != b->neg;
    }
    for (size_t i = 0; i < n; i++) {
        mpf_mpz_dig_t x = tc_digit(a, i, &ba), y = tc_digit(b, i, &bb);
        r->dig[i] = (mpf_mpz_dig_t)(op == MPF_BINARY_OP_AND ? (x & y) : op == MPF_BINARY_OP_OR ? (x | y) : (x ^ y));
    }
    if (rneg) {
        // magnitude = ~r + 1
        dbl_t carry = 1;
        for (size_t i = 0; i < n; i++) {
            carry += (mpf_mpz_dig_t)~r->dig[i];
            r->dig[i] = (mpf_mpz_dig_t)carry;
            carry >>= DIG_BITS;
        }
    }
    r->neg = rneg;
    return big_finish(r);
}

static mpf_obj_t shift_left(const zv_t *a, size_t s) {
    size_t ds = s / DIG_BITS, bs = s % DIG_BITS;
    mpf_int_big_t *r = big_alloc(a->len + ds + 1);
    for (size_t i = 0; i < a->len; i++) {
        dbl_t v = (dbl_t)a->d[i] << bs;
        r->dig[i + ds] |= (mpf_mpz_dig_t)v;
        r->dig[i + ds + 1] |= (mpf_mpz_dig_t)(v >> DIG_BITS);
    }
    r->neg = a->neg;
    return big_finish(r);
}

static mpf_obj_t shift_right(const zv_t *a, size_t s) {
    size_t ds = s / DIG_BITS, bs = s % DIG_BITS;
    if (ds >= a->len) {
        return mpf_obj_new_small_int(a->neg && !is_zero(a) ? -1 : 0);
    }
    mpf_int_big_t *r = big_alloc(a->len - ds);
    bool lost = false;
    for (size_t i = 0; i < ds; i++) {
        lost |= a->d[i] != 0;
    }
    lost |= ((dbl_t)a->d[ds] & (((dbl_t)1 << bs) - 1)) != 0;
    for (size_t i = ds; i < a->len; i++) {
        dbl_t v = a->d[i] >> bs;
        if (i + 1 < a->len) {
            v |= ((dbl_t)a->d[i + 1] << (DIG_BITS - bs)) & DIG_MASK;
        }
        r->dig[i - ds] = (mpf_mpz_dig_t)v;
    }
    r->neg = a->neg;
    mpf_obj_t res = big_finish(r);
    if (a->neg && lost) {
        res = mpf_mpz_binary_op(MPF_BINARY_OP_SUBTRACT, res, mpf_obj_new_small_int(1));
    }
    return res;
}

static mpf_obj_t pow_int(mpf_obj_t base, mpf_obj_t e, mpf_obj_t mod) {
    mpf_obj_t result = mpf_obj_new_small_int(1);
    zv_t ev;
    zv_from(&ev, e);
    size_t bits = ev.len * DIG_BITS;
    for (size_t i = bits; i-- > 0;) {
        result = mpf_mpz_binary_op(MPF_BINARY_OP_MULTIPLY, result, result);
        if (mod != MPF_OBJ_NULL) {
            result = mpf_mpz_binary_op(MPF_BINARY_OP_MODULO, result, mod);
        }
        if ((ev.d[i / DIG_BITS] >> (i % DIG_BITS)) & 1) {
            result = mpf_mpz_binary_op(MPF_BINARY_OP_MULTIPLY, result, base);
            if (mod != MPF_OBJ_NULL) {
                result = mpf_mpz_binary_op(MPF_BINARY_OP_MODULO, result, mod);
            }
        }
    }
    return result;
}

mpf_obj_t mpf_mpz_pow_mod(mpf_obj_t b, mpf_obj_t e, mpf_obj_t m) {
    return pow_int(mpf_mpz_binary_op(MPF_BINARY_OP_MODULO, b, m), e, m);
}

int mpf_mpz_cmp(mpf_obj_t ao, mpf_obj_t bo) {
    zv_t a, b;
    zv_from(&a, ao);
    zv_from(&b, bo);
    bool az = is_zero(&a), bz = is_zero(&b);
    bool an = a.neg && !az, bn = b.neg && !bz;
    if (an != bn) {
        return an ? -1 : 1;
    }
    int c = mag_cmp(a.d, a.len, b.d, b.len);
    return an ? -c : c;
}

mpf_obj_t mpf_mpz_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    zv_t a, b;
    zv_from(&a, lhs);
    zv_from(&b, rhs);
    if (op >= MPF_BINARY_OP_INPLACE_OR && op <= MPF_BINARY_OP_INPLACE_POWER) {
        op += MPF_BINARY_OP_INPLACE_TO_NORMAL;
    }
    switch (op) {
        case MPF_BINARY_OP_LESS:
        case MPF_BINARY_OP_MORE:
        case MPF_BINARY_OP_EQUAL:
        case MPF_BINARY_OP_LESS_EQUAL:
        case MPF_BINARY_OP_MORE_EQUAL:
        case MPF_BINARY_OP_NOT_EQUAL:
            return mpf_obj_compare_result(op, mpf_mpz_cmp(lhs, rhs));
        case MPF_BINARY_OP_ADD:
            return add_sub(&a, &b, false);
        case MPF_BINARY_OP_SUBTRACT:
            return add_sub(&a, &b, true);
        case MPF_BINARY_OP_MULTIPLY:
            return mul(&a, &b);
        case MPF_BINARY_OP_FLOOR_DIVIDE:
        case MPF_BINARY_OP_MODULO: {
            if (is_zero(&b)) {
                mpf_raise_msg(&mpf_type_ZeroDivisionError, op == MPF_BINARY_OP_MODULO ? "integer modulo by zero" : "integer division or modulo by zero");
            }
            mpf_obj_t res;
            divmod(&a, &b, op == MPF_BINARY_OP_MODULO ? NULL : &res, op == MPF_BINARY_OP_MODULO ? &res : NULL);
            return res;
        }
        case MPF_BINARY_OP_AND:
        case MPF_BINARY_OP_OR:
        case MPF_BINARY_OP_XOR:
            return bitwise(op, &a, &b);
        case MPF_BINARY_OP_LSHIFT:
        case MPF_BINARY_OP_RSHIFT: {
            if (b.neg && !is_zero(&b)) {
                mpf_raise_msg(&mpf_type_ValueError, "negative shift count");
            }
            long long s;
            if (!mpf_mpz_to_ll(rhs, &s) || s > 1000000) {
                if (op == MPF_BINARY_OP_RSHIFT) {
                    return mpf_obj_new_small_int(a.neg && !is_zero(&a) ? -1 : 0);
                }
                mpf_raise_msg(&mpf_type_OverflowError, "too many digits in integer");
            }
            return op == MPF_BINARY_OP_LSHIFT ? shift_left(&a, (size_t)s) : shift_right(&a, (size_t)s);
        }
        case MPF_BINARY_OP_POWER:
            if (b.neg && !is_zero(&b)) {
                return MPF_OBJ_NULL; // caller falls back to float
            }
            return pow_int(lhs, rhs, MPF_OBJ_NULL);
        default:
            return MPF_OBJ_NULL;
    }
}

mpf_obj_t mpf_mpz_from_ull(unsigned long long v) {
    zv_t z;
    zv_set_ull(&z, v, false);
    mpf_int_big_t *r = big_alloc(z.len);
    memcpy(r->dig, z.buf, z.len * sizeof(mpf_mpz_dig_t));
    return big_finish(r);
}

mpf_obj_t mpf_mpz_from_ll(long long v) {
    zv_t z;
    zv_set_ull(&z, v < 0 ? (unsigned long long)0 - (unsigned long long)v : (unsigned long long)v, v < 0);
    mpf_int_big_t *r = big_alloc(z.len);
    memcpy(r->dig, z.buf, z.len * sizeof(mpf_mpz_dig_t));
    r->neg = z.neg;
    return big_finish(r);
}

bool mpf_mpz_to_ll(mpf_obj_t o, long long *v) {
    zv_t z;
    zv_from(&z, o);
    size_t len = z.len;
    while (len > 0 && z.d[len - 1] == 0) {
        len--;
    }
    if (len * DIG_BITS > 64) {
        return false;
    }
    unsigned long long m = 0;
    for (size_t i = len; i-- > 0;) {
        m = ULL_SHL_DIG(m) | z.d[i];
    }
    if (z.neg) {
        if (m > (unsigned long long)LLONG_MAX + 1) {
            return false;
        }
        *v = m == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)m;
    } else {
        if (m > (unsigned long long)LLONG_MAX) {
            return false;
        }
        *v = (long long)m;
    }
    return true;
}

// The largest power of [base] that fits one digit, and its exponent.
static dbl_t digit_chunk(unsigned base, unsigned *k) {
    dbl_t c = base;
    *k = 1;
    while (c * base <= DIG_MASK) {
        c *= base;
        (*k)++;
    }
    return c;
}

// r = r * m + add in place (m, add < B); the caller makes room for the carry.
static void mag_mul_add_digit(mpf_int_big_t *r, dbl_t m, dbl_t add) {
    dbl_t carry = add;
    for (size_t j = 0; j < r->len; j++) {
        carry += (dbl_t)r->dig[j] * m;
        r->dig[j] = (mpf_mpz_dig_t)carry;
        carry >>= DIG_BITS;
    }
    if (carry) {
        r->dig[r->len++] = (mpf_mpz_dig_t)carry;
    }
}

mpf_obj_t mpf_mpz_parse(const char *s, size_t len, unsigned base) {
    size_t n = len * 5 / DIG_BITS + 2;  // base <= 36: at most ~5.2 bits a character
    mpf_int_big_t *r = big_alloc(n);
    r->len = 0;
    unsigned k;
    digit_chunk(base, &k);
    // Take up to k characters at a time: one pass over the digits per chunk.
    dbl_t acc = 0, mult = 1;
    unsigned count = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '_') {
            continue;
        }
        unsigned d = (c >= '0' && c <= '9') ? (unsigned)(c - '0') : (c >= 'a' && c <= 'z') ? (unsigned)(c - 'a' + 10) : (unsigned)(c - 'A' + 10);
        acc = acc * base + d;
        mult *= base;
        if (++count == k) {
            mag_mul_add_digit(r, mult, acc);
            acc = 0;
            mult = 1;
            count = 0;
        }
    }
    if (count) {
        mag_mul_add_digit(r, mult, acc);
    }
    return big_finish(r);
}

void mpf_mpz_print(const mpf_print_t *p, mpf_obj_t o, unsigned base, bool upper) {
    zv_t z;
    zv_from(&z, o);
    size_t len = z.len;
    mpf_mpz_dig_t *t = mpf_gc_alloc_var(sizeof(mpf_mpz_dig_t), sizeof(mpf_mpz_dig_t), len, false);
    memcpy(t, z.d, len * sizeof(mpf_mpz_dig_t));
    char *buf = mpf_gc_alloc_var(2, DIG_BITS, len, false);
    size_t cap = len * DIG_BITS + 2;  // the allocation succeeded: no overflow
    size_t pos = cap;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned k;
    const mpf_mpz_dig_t chunk = (mpf_mpz_dig_t)digit_chunk(base, &k);
    while (len > 0 && t[len - 1] == 0) {
        len--;
    }
    if (len == 0) {
        buf[--pos] = '0';
    }
    // Divide by the largest power of the base that fits a digit: k output digits a pass.
    while (len > 0) {
        uintptr_t r = mag_div_digit(t, t, len, chunk); // (a digit is at most a word)
        while (len > 0 && t[len - 1] == 0) {
            len--;
        }
        for (unsigned i = 0; i < k && (len > 0 || r != 0); i++) {
            buf[--pos] = digits[r % base];
            r /= base;
        }
    }
    if (z.neg) {
        buf[--pos] = '-';
    }
    mpf_print_strn(p, buf + pos, cap - pos);
    mpf_gc_free(buf);
    mpf_gc_free(t);
}

// |z| as an integer (|z| < 2^64).
static unsigned long long zv_top_ull(const zv_t *z) {
    unsigned long long m = 0;
    for (size_t i = z->len; i-- > 0;) {
        m = ULL_SHL_DIG(m) | z->d[i];
    }
    return m;
}

#if CONFIG_FLOAT
// Whether any of the low [n] bits of |z| is set.
static bool low_bits_set(const zv_t *z, size_t n) {
    size_t i = 0;
    for (; i < n / DIG_BITS && i < z->len; i++) {
        if (z->d[i]) {
            return true;
        }
    }
    return i < z->len && n % DIG_BITS != 0 && (z->d[i] & (((mpf_mpz_dig_t)1 << (n % DIG_BITS)) - 1)) != 0;
}

double mpf_mpz_frexp(mpf_obj_t o, long *e) {
    zv_t z;
    zv_from(&z, o);
    size_t bits = mpf_mpz_bit_length(o);
    // its top 56 bits and whether any below them is set, rounded to the double m = |o| / 2^bits
    size_t sh = bits > 56 ? bits - 56 : 0;
    zv_t t = z;
    t.neg = false;
    mpf_obj_t top = sh > 0 ? shift_right(&t, sh) : MPF_OBJ_NULL;
    if (top != MPF_OBJ_NULL) {
        zv_from(&t, top);
    }
    double m = mpf_float_round_scaled(zv_top_ull(&t), sh > 0 && low_bits_set(&z, sh), (long)(bits - sh));
    if (m == 1.0) {  // (rounded up to the next power of two)
        m = 0.5;
        bits++;
    }
    *e = (long)bits;
    return z.neg ? -m : m;
}
#endif

double mpf_mpz_to_double(mpf_obj_t o) {
    zv_t z;
    zv_from(&z, o);
    size_t len = z.len;
    while (len > 0 && z.d[len - 1] == 0) {
        len--;
    }
    double d;
    if (len * DIG_BITS <= sizeof(unsigned long long) * 8) {
        z.len = len;
#if CONFIG_FLOAT
        unsigned long long q = zv_top_ull(&z);
        d = q ? mpf_float_round_scaled(q, false, 0) : 0.0;  // (one rounding, to the float's width)
    } else {
        // the top 64 bits and whether any below them is set, rounded once (inf when too big)
        size_t sh = mpf_mpz_bit_length(o) - 64;
        zv_t t = z;
        t.neg = false;
        zv_from(&t, shift_right(&t, sh));
        d = mpf_float_round_scaled(zv_top_ull(&t), low_bits_set(&z, sh), -(long)sh);
#else
        d = (double)zv_top_ull(&z);  // (the conversion rounds to nearest, ties to even)
    } else {
        d = HUGE_VAL;
#endif
    }
    return z.neg ? -d : d;
}

#if CONFIG_COMPILER && CONFIG_FLOAT
// [o] as mpy-cross turns an int into a float when it folds a constant (`(2**79 + 2**26 + 1) *
// 1.0`, `10**22 / 3`): 32 bits at a time from the top whatever the digit size, each step
// rounded, so the folded constant is the same on every target and in mpy-cross's .mpy. (The
// runtime's own conversion, above, rounds once, as CPython.)
double mpf_mpz_to_double_mpy(mpf_obj_t o) {
    zv_t z;
    zv_from(&z, o);
    double d = 0;
    uint32_t hi = 0;
    for (size_t i = z.len; i-- > 0;) {
#if DIG_BITS == 64
        d = d * 4294967296.0 + (double)(uint32_t)(z.d[i] >> 32);
        d = d * 4294967296.0 + (double)(uint32_t)z.d[i];
#elif DIG_BITS == 32
        d = d * 4294967296.0 + (double)z.d[i];
#else
        if (i & 1) {   // the upper half of a 32-bit step
            hi = z.d[i];
            continue;
        }
        d = d * 4294967296.0 + (double)(hi << 16 | z.d[i]);
        hi = 0;
#endif
    }
    (void)hi;
    return z.neg ? -d : d;
}
#endif

#if CONFIG_FLOAT && CONFIG_INT_BIG_MPZ
double mpf_mpz_ratio(mpf_obj_t ao, mpf_obj_t bo) {
    zv_t a, b;
    zv_from(&a, ao);
    zv_from(&b, bo);
    a.neg = b.neg = false;
    size_t na = mpf_mpz_bit_length(ao), nb = mpf_mpz_bit_length(bo);
    if (na == 0) {
        return 0.0;
    }
    long e = (long)na - (long)nb;  // |a| / |b| lies in [2^(e-1), 2^(e+1))
    if (e > 1025) {
        return HUGE_VAL;
    }
    if (e < -1080) {
        return 0.0;
    }
    // q = floor(|a| 2^s / |b|) of 55 or 56 bits, and whether the division left a remainder
    long s = 55 - e;
    zv_t n = a, d = b;
    mpf_obj_t t = MPF_OBJ_NULL;
    if (s > 0) {
        t = shift_left(&a, (size_t)s);
        zv_from(&n, t);
    } else if (s < 0) {
        t = shift_left(&b, (size_t)-s);
        zv_from(&d, t);
    }
    mpf_obj_t q, r;
    divmod(&n, &d, &q, &r);
    zv_t qz, rz;
    zv_from(&qz, q);
    zv_from(&rz, r);
    return mpf_float_round_scaled(zv_top_ull(&qz), !is_zero(&rz), s);
}
#endif

mpf_obj_t mpf_mpz_from_double(double d) {
    bool neg = d < 0;
    if (neg) {
        d = -d;
    }
    // d = mi 2**e from its bits (no double arithmetic: none on single-precision boards)
    uint64_t bits;
    memcpy(&bits, &d, sizeof(bits));
    int e = (int)(bits >> 52 & 0x7FF) - 1075;
    if (e < -53) {
        return mpf_obj_new_small_int(0);  // |d| < 1
    }
    unsigned long long mi = (bits & (((uint64_t)1 << 52) - 1)) | (uint64_t)1 << 52;
    zv_t z;
    zv_set_ull(&z, mi, false);
    mpf_obj_t v = e >= 0 ? shift_left(&z, (size_t)e) : shift_right(&z, (size_t)-e);
    if (neg) {
        v = mpf_mpz_neg(v);
    }
    return v;
}

mpf_int_t mpf_mpz_hash(mpf_obj_t o) {
    zv_t z;
    zv_from(&z, o);
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    uint64_t h = 0;
    for (size_t i = z.len * (DIG_BITS / 16); i-- > 0;) {
        const uint16_t part = (uint16_t)(z.d[i / (DIG_BITS / 16)] >> (16 * (i % (DIG_BITS / 16))));
        h = (((h & (((uint64_t)1 << 45) - 1)) << 16) | part) + (h >> 45);
        if (h >= P) {
            h -= P;
        }
    }
    mpf_int_t r = (mpf_int_t)h;
    if (z.neg) {
        r = -r;
    }
    return r == -1 ? -2 : r;
}

mpf_obj_t mpf_mpz_neg(mpf_obj_t o) {
    zv_t z;
    zv_from(&z, o);
    mpf_int_big_t *r = big_alloc(z.len);
    memcpy(r->dig, z.d, z.len * sizeof(mpf_mpz_dig_t));
    r->neg = !z.neg;
    return big_finish(r);
}

mpf_obj_t mpf_mpz_abs(mpf_obj_t o) {
    zv_t z;
    zv_from(&z, o);
    return z.neg ? mpf_mpz_neg(o) : o;
}

mpf_obj_t mpf_mpz_invert(mpf_obj_t o) {
    return mpf_mpz_binary_op(MPF_BINARY_OP_SUBTRACT, mpf_mpz_neg(o), mpf_obj_new_small_int(1));
}

size_t mpf_mpz_bit_length(mpf_obj_t o) {
    zv_t z;
    zv_from(&z, o);
    size_t len = z.len;
    while (len > 0 && z.d[len - 1] == 0) {
        len--;
    }
    if (len == 0) {
        return 0;
    }
    size_t bits = (len - 1) * DIG_BITS;
    for (mpf_mpz_dig_t top = z.d[len - 1]; top; top >>= 1) {
        bits++;
    }
    return bits;
}

// Whether the magnitude of [z] is a power of two (exactly one bit set).
static bool mag_is_pow2(const zv_t *z) {
    size_t ones = 0;
    for (size_t i = 0; i < z->len; i++) {
        for (mpf_mpz_dig_t d = z->d[i]; d != 0; d &= (mpf_mpz_dig_t)(d - 1)) {
            ones++;
        }
    }
    return ones == 1;
}

bool mpf_mpz_to_bytes(mpf_obj_t o, uint8_t *buf, size_t len, bool is_signed) {
    zv_t z;
    zv_from(&z, o);
    if (z.neg && !is_zero(&z) && !is_signed) {
        mpf_raise_msg(&mpf_type_OverflowError, "can't convert negative int to unsigned");
    }
    size_t bits = mpf_mpz_bit_length(o);
    if (len == 0) {
        return bits == 0;
    }
    if (bits > len * 8 - (is_signed ? 1 : 0)) {
        // of the negatives with 8n bits only -2**(8n-1) fits in signed n bytes
        if (!(z.neg && is_signed && bits == len * 8 && mag_is_pow2(&z))) {
            return false;
        }
    }
    dbl_t borrow = 1;
    mpf_mpz_dig_t d = 0;
    for (size_t i = 0; i < len; i++) {
        if (i % DIG_BYTES == 0) {
            d = tc_digit(&z, i / DIG_BYTES, &borrow);
        }
        buf[i] = (uint8_t)(d >> (8 * (i % DIG_BYTES)));
    }
    return true;
}

mpf_obj_t mpf_mpz_from_bytes(const uint8_t *buf, size_t len, bool little, bool is_signed) {
    mpf_int_big_t *r = big_alloc(len / DIG_BYTES + 1);
    for (size_t i = 0; i < len; i++) {
        const uint8_t b = little ? buf[i] : buf[len - 1 - i];
        r->dig[i / DIG_BYTES] |= (mpf_mpz_dig_t)((mpf_mpz_dig_t)b << (8 * (i % DIG_BYTES)));
    }
    bool neg = is_signed && len > 0 && ((little ? buf[len - 1] : buf[0]) & 0x80);
    mpf_obj_t v = big_finish(r);
    if (neg) {
        zv_t one;
        zv_set_ull(&one, 1, false);
        v = mpf_mpz_binary_op(MPF_BINARY_OP_SUBTRACT, v, shift_left(&one, len * 8));
    }
    return v;
}
