// obj_int.c -- the int type: small ints (tagged, no allocation) and, per config,
// big ints (mpz.c) beyond them.
#include <math.h>

#include "mpf.h"
#include "typetest.h"
#if CONFIG_INT_BIG
#include "mpz.h"
#endif

#if CONFIG_FLOAT_SINGLE
#define F(fn) fn##f  // (float arithmetic only: no double routines on single-precision boards)
#define FLT_EXACT_INT (1ull << 24)
#else
#define F(fn) fn
#define FLT_EXACT_INT (1ull << 53)
#endif

mpf_obj_t mpf_obj_new_int(mpf_int_t v) {
    if (mpf_small_int_fits(v)) {
        return mpf_obj_new_small_int(v);
    }
#if CONFIG_INT_BIG
    return mpf_mpz_from_ll(v);
#else
    mpf_raise_msg(&mpf_type_OverflowError, "small int overflow");
#endif
}

mpf_obj_t mpf_obj_new_int_from_ll(long long v) {
    if (v >= MPF_SMALL_INT_MIN && v <= MPF_SMALL_INT_MAX) {
        return mpf_obj_new_small_int((mpf_int_t)v);
    }
#if CONFIG_INT_BIG
    return mpf_mpz_from_ll(v);
#else
    mpf_raise_msg(&mpf_type_OverflowError, "small int overflow");
#endif
}

mpf_obj_t mpf_obj_new_int_from_ull(unsigned long long v) {
    if (v <= (unsigned long long)MPF_SMALL_INT_MAX) {
        return mpf_obj_new_small_int((mpf_int_t)v);
    }
#if CONFIG_INT_BIG
    return mpf_mpz_from_ull(v);
#else
    mpf_raise_msg(&mpf_type_OverflowError, "small int overflow");
#endif
}

#if !CONFIG_VM_FAST_PATHS
// (bool's values, the ints 0 and 1: see mpf.h)
__attribute__((noinline)) mpf_obj_t mpf_obj_bool(bool b) {
    return b ? MPF_OBJ_TRUE : MPF_OBJ_FALSE;
}
#endif

bool mpf_int_is_big(mpf_obj_t o) {
    return mpf_obj_is_type(o, &mpf_type_int);
}

int mpf_int_sign(mpf_obj_t o) {
    if (mpf_obj_is_small_int(o)) {
        mpf_int_t v = mpf_obj_small_int_value(o);
        return v < 0 ? -1 : v > 0;
    }
#if CONFIG_INT_BIG
    if (mpf_int_is_big(o)) {
        return ((const mpf_int_big_t *)mpf_obj_ptr(o))->neg ? -1 : 1;
    }
#endif
    return o == MPF_OBJ_TRUE;
}

#if CONFIG_FLOAT
mpf_float_t mpf_int_to_float(mpf_obj_t o) {
    if (mpf_obj_is_small_int(o)) {
        return (mpf_float_t)mpf_obj_small_int_value(o);
    }
    if (o == MPF_OBJ_TRUE || o == MPF_OBJ_FALSE) {
        return o == MPF_OBJ_TRUE;
    }
#if CONFIG_INT_BIG
    double d = mpf_mpz_to_double(o);
    if (isinf(d)) {
        mpf_raise_msg(&mpf_type_OverflowError, "int too large to convert to float");
    }
    return (mpf_float_t)d;
#else
    return 0;
#endif
}

// |[o]| in *m and its sign in *neg when it is below 2^63 (every int without CONFIG_INT_BIG_MPZ).
static bool int_mag(mpf_obj_t o, unsigned long long *m, bool *neg) {
    long long v;
    if (mpf_obj_is_small_int(o)) {
        v = mpf_obj_small_int_value(o);
    } else if (o == MPF_OBJ_TRUE || o == MPF_OBJ_FALSE) {
        v = o == MPF_OBJ_TRUE;
    } else {
#if CONFIG_INT_BIG
        if (!mpf_mpz_to_ll(o, &v)) {
            return false;
        }
#else
        return false;
#endif
    }
    *neg = v < 0;
    *m = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    return true;
}

__attribute__((noinline)) mpf_float_t mpf_int_true_divide(mpf_obj_t a, mpf_obj_t b) {
    if (mpf_int_sign(b) == 0) {
        mpf_raise_msg(&mpf_type_ZeroDivisionError, "division by zero");
    }
    unsigned long long ua, ub;
    bool na, nb;
    mpf_float_t d;
    if (int_mag(a, &ua, &na) && int_mag(b, &ub, &nb)) {
        if (ua == 0) {
            d = 0;
        } else if (ua <= FLT_EXACT_INT && ub <= FLT_EXACT_INT) {
            // exact operands: the division rounds once (single precision: from 32 bits, as a
            // 64-bit conversion goes through software doubles)
#if CONFIG_FLOAT_SINGLE
            d = (mpf_float_t)(uint32_t)ua / (mpf_float_t)(uint32_t)ub;
#else
            d = (mpf_float_t)ua / (mpf_float_t)ub;
#endif
        } else {
            // q = floor(ua 2^s / ub) of 56 bits or more, a quotient bit at a time (r < ub: no overflow)
            unsigned long long q = ua / ub, r = ua % ub;
            long s = 0;
            while (q < (1ull << 55)) {
                q <<= 1;
                s++;
                if (r >= ub - r) {
                    q |= 1;
                    r -= ub - r;
                } else {
                    r <<= 1;
                }
            }
            d = (mpf_float_t)mpf_float_round_scaled(q, r != 0, s);  // (exact: rounded to the width)
        }
    } else {
#if CONFIG_INT_BIG_MPZ
        d = (mpf_float_t)mpf_mpz_ratio(a, b);
        na = mpf_int_sign(a) < 0;
        nb = mpf_int_sign(b) < 0;
#else
        d = 0;  // (unreachable: every int has a 64-bit magnitude)
        na = nb = false;
#endif
    }
    if (isinf((mpf_float_t)d)) {
        mpf_raise_msg(&mpf_type_OverflowError, "integer division result too large for a float");
    }
    return (mpf_float_t)(na != nb ? -d : d);
}

int mpf_int_float_cmp(mpf_obj_t i, mpf_float_t f) {
    if (isnan(f)) {
        return 2;
    }
    mpf_float_t fl = F(floor)(f);
    int c;
    unsigned long long m;
    bool neg;
    if (int_mag(i, &m, &neg)) {
        // against floor(f) as a long long (an f outside that range: its sign decides)
        if (fl >= (mpf_float_t)9223372036854775808.0) {
            return -1;
        }
        if (fl < (mpf_float_t)-9223372036854775808.0) {
            return 1;
        }
        long long v = neg ? -(long long)(m - 1) - 1 : (long long)m, w = mpf_float_floor_i64(fl);
        c = (v > w) - (v < w);
    } else {
#if CONFIG_INT_BIG
        if (isinf(f)) {
            return f > 0 ? -1 : 1;
        }
        c = mpf_int_sign(mpf_int_binary_op(MPF_BINARY_OP_SUBTRACT, i, mpf_int_from_float(fl)));
#else
        c = 0;  // (unreachable)
#endif
    }
    return c == 0 && f != fl ? -1 : c;  // (equal to floor(f): below f unless f is whole)
}

__attribute__((noinline)) mpf_obj_t mpf_int_float_compare(int op, mpf_obj_t i, mpf_float_t f) {
    int c = mpf_int_float_cmp(i, f);
    return c == 2 ? mpf_obj_bool(op == MPF_BINARY_OP_NOT_EQUAL) : mpf_obj_compare_result(op, c);
}

mpf_obj_t mpf_int_from_float(mpf_float_t f) {
    if (isnan(f)) {
        mpf_raise_msg(&mpf_type_ValueError, "cannot convert float NaN to integer");
    }
    if (isinf(f)) {
        mpf_raise_msg(&mpf_type_OverflowError, "cannot convert float infinity to integer");
    }
    mpf_float_t t = f < 0 ? F(ceil)(f) : F(floor)(f);
#if CONFIG_FLOAT_SINGLE
    if (t > (mpf_float_t)-2147483648.0 && t < (mpf_float_t)2147483648.0) {
        return mpf_obj_new_int_from_ll((int32_t)t);  // (a 64-bit conversion goes through doubles)
    }
#else
    if (t > (mpf_float_t)-4e18 && t < (mpf_float_t)4e18) {
        return mpf_obj_new_int_from_ll((long long)t);
    }
#endif
#if CONFIG_INT_BIG
    return mpf_mpz_from_double(t);
#else
    mpf_raise_msg(&mpf_type_OverflowError, "small int overflow");
#endif
}
#endif

void mpf_int_print(const mpf_print_t *p, mpf_obj_t o, int base, bool upper) {
    if (o == MPF_OBJ_TRUE || o == MPF_OBJ_FALSE) {
        o = mpf_obj_new_small_int(o == MPF_OBJ_TRUE);
    }
    if (mpf_obj_is_small_int(o)) {
        mpf_int_t v = mpf_obj_small_int_value(o);
#if !CONFIG_VM_FAST_PATHS
        // the smaller images: print.c's digits for base 10 (int_print's, the only base
        // without the helpers), no loop of our own (with the fast paths: a call less)
        if (base == 10) {
            mpf_print_int(p, v);
            return;
        }
#endif
        char buf[sizeof(mpf_int_t) * 8 + 2];
        char *e = buf + sizeof(buf), *s = e;
        mpf_uint_t m = v < 0 ? (mpf_uint_t)0 - (mpf_uint_t)v : (mpf_uint_t)v;
        const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        do {
            *--s = digits[m % (mpf_uint_t)base];
            m /= (mpf_uint_t)base;
        } while (m);
        if (v < 0) {
            *--s = '-';
        }
        mpf_print_strn(p, s, (size_t)(e - s));
        return;
    }
#if CONFIG_INT_BIG
    mpf_mpz_print(p, o, (unsigned)base, upper);
#endif
}

static void int_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    mpf_int_print(p, self, 10, false);
}

// ASCII whitespace: space, and \t \n \v \f \r (9 to 13).
static bool int_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// Parse an int literal (int() rules: whitespace, sign, underscores, base prefixes).
mpf_obj_t mpf_int_parse(const char *s, size_t len, int base, bool *ok) {
    *ok = false;
    const char *e = s + len;
    while (s < e && int_space(*s)) {
        s++;
    }
    while (e > s && int_space(e[-1])) {
        e--;
    }
    bool neg = false;
    if (s < e && (*s == '+' || *s == '-')) {
        neg = *s == '-';
        s++;
    }
    if (e - s >= 2 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        int prefix = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (prefix != 0 && (base == prefix || base == 0)) {
            base = prefix;
            s += 2;
            if (s < e && *s == '_') {
                s++;
            }
        }
    }
    // base 0 without a prefix: decimal, where "0" or "00" is fine but "012" is not
    const bool no_leading_zero = base == 0 && s < e && *s == '0';
    if (base == 0) {
        base = 10;
    }
    if (s == e) {
        return MPF_OBJ_NULL;
    }
    mpf_uint_t acc = 0;
#if CONFIG_INT_BIG
    bool overflow = false;
#endif
    bool prev_us = true;
    for (const char *t = s; t < e; t++) {
        unsigned c = (unsigned char)*t;
        if (c == '_') {
            if (prev_us) {
                return MPF_OBJ_NULL;
            }
            prev_us = true;
            continue;
        }
        prev_us = false;
        unsigned d = c - '0';
        if (d > 9) {
            d = (c | 0x20) - 'a';
            d = d < 26 ? d + 10 : 36;  // a letter, or no digit in any base
        }
        if (d >= (unsigned)base) {
            return MPF_OBJ_NULL;
        }
        if (acc > (MPF_SMALL_INT_MAX - (mpf_uint_t)d) / (mpf_uint_t)base) {
#if CONFIG_INT_BIG
            overflow = true;  // the digits go to mpz below (they are checked to the end)
#else
            return MPF_OBJ_NULL;  // no int beyond a small one: not a literal this core parses
#endif
        } else {
            acc = acc * (mpf_uint_t)base + (mpf_uint_t)d;
        }
    }
    if (prev_us || (no_leading_zero && acc != 0)) {
        return MPF_OBJ_NULL;
    }
    *ok = true;
#if CONFIG_INT_BIG
    if (overflow) {
        mpf_obj_t v = mpf_mpz_parse(s, (size_t)(e - s), (unsigned)base);
        return neg ? mpf_mpz_neg(v) : v;
    }
#endif
    return mpf_obj_new_small_int(neg ? -(mpf_int_t)acc : (mpf_int_t)acc);
}

// The text int() parses: a str, bytes or bytearray's bytes, and with [any_buffer] those of
// any other bytes-like object (memoryview, array); NULL for anything else.
static const char *int_text(mpf_obj_t o, size_t *len, bool any_buffer) {
    if (MPF_IS_STR(o) || mpf_obj_is_type(o, &mpf_type_bytes)) {
        return mpf_obj_str_data(o, len);
    }
    mpf_buffer_t b;
#if CONFIG_BUILTIN_MEMORYVIEW || CONFIG_MODULE_ARRAY
    bool take = any_buffer || MPF_IS_BYTEARRAY(o);
#else
    // (bytearray is the only other bytes-like type)
    bool take = MPF_IS_BYTEARRAY(o);
    (void)any_buffer;
#endif
    if (take && !mpf_obj_is_small_int(o) && mpf_obj_get_buffer(o, &b, false)) {
        *len = b.len;
        return b.buf;
    }
    return NULL;
}

static mpf_obj_t int_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    static const mpf_qstr_t kws[] = {MPF_QSTRID_NULL, MPF_QSTR_base};  // int(x, /, base=10)
    mpf_obj_t a[2];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_int, 0), 2, 2, kws, a);
    if (n_args == 0) {
        if (a[1] != MPF_OBJ_NULL) {
            mpf_raise_msg(&mpf_type_TypeError, "int() missing string argument");
        }
        return mpf_obj_new_small_int(0);
    }
    mpf_obj_t o = args[0], r = o;
    bool explicit_base = a[1] != MPF_OBJ_NULL;
    if (!explicit_base && mpf_obj_is_int(o)) {
        goto int_not_bool;
    }
    size_t len;
    const char *s = int_text(o, &len, !explicit_base);
    if (s != NULL) {
        mpf_int_t base = explicit_base ? mpf_obj_get_int(a[1]) : 10;
        if (base != 0 && (base < 2 || base > 36)) {
            mpf_raise_msg(&mpf_type_ValueError, "int() base must be >= 2 and <= 36, or 0");
        }
        bool ok;
        r = mpf_int_parse(s, len, (int)base, &ok);
        if (!ok) {
            mpf_raise_fmt(&mpf_type_ValueError, "invalid literal for int() with base %d: %R", (int)base, o);
        }
        return r;
    }
    if (explicit_base) {
        mpf_raise_msg(&mpf_type_TypeError, "int() can't convert non-string with explicit base");
    }
#if CONFIG_FLOAT
    if (mpf_obj_is_type(o, &mpf_type_float)) {
        return mpf_int_from_float(((const mpf_float_obj_t *)mpf_obj_ptr(o))->value);
    }
#endif
    const mpf_type_t *t = mpf_obj_type(o);
    mpf_qstr_t mq = MPF_QSTR___int__;
    mpf_obj_t m = mpf_type_lookup(t, mq);
    if (m == MPF_OBJ_NULL) {
        mq = MPF_QSTR___index__;
        m = mpf_type_lookup(t, mq);
    }
#if CONFIG_FLOAT
    mpf_obj_t sub = mpf_obj_native_part(o);
    if (m == MPF_OBJ_NULL && sub != MPF_OBJ_NULL && mpf_obj_is_type(sub, &mpf_type_float)) {
        return int_make_new(type, 1, 0, &sub);  // of a class derived from float: its float's
    }
#endif
    if (m == MPF_OBJ_NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%T'", o);
    }
    r = mpf_call1(m, o);
    if (!mpf_obj_is_int(r) && !mpf_type_is_subclass(mpf_obj_type(r), &mpf_type_int)) {
        mpf_raise_fmt(&mpf_type_TypeError, "%q returned non-int (type %T)", mq, r);
    }
int_not_bool:
    if (r == MPF_OBJ_TRUE || r == MPF_OBJ_FALSE) {
        r = mpf_obj_new_small_int(r == MPF_OBJ_TRUE);  // an int, not the bool (CPython)
    }
    return r;
}

// Python floor division / modulo of small ints.
static mpf_obj_t small_divmod(int op, mpf_int_t a, mpf_int_t b) {
    if (b == 0) {
        mpf_raise_msg(&mpf_type_ZeroDivisionError, op == MPF_BINARY_OP_MODULO ? "integer modulo by zero" : "integer division or modulo by zero");
    }
    if (a == MPF_SMALL_INT_MIN && b == -1) {
        return MPF_OBJ_NULL; // overflow, take the big path
    }
    mpf_int_t q = a / b, r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        q -= 1;
        r += b;
    }
    return mpf_obj_new_small_int(op == MPF_BINARY_OP_MODULO ? r : q);
}

#if CONFIG_FLOAT
// int [op] float: comparisons exact, as CPython (2**53 + 1 != 2.0**53); the rest in floats.
// (Out of line: the int operators' own paths keep their frame.)
__attribute__((noinline)) static mpf_obj_t int_float_op(int op, mpf_obj_t lhs, mpf_float_t f) {
    if (op >= MPF_BINARY_OP_LESS && op <= MPF_BINARY_OP_NOT_EQUAL) {
        return mpf_int_float_compare(op, lhs, f);
    }
    return mpf_float_binary_op(op, mpf_int_to_float(lhs), f);
}
#endif

mpf_obj_t mpf_int_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op >= MPF_BINARY_OP_INPLACE_OR && op <= MPF_BINARY_OP_INPLACE_POWER) {
        op += MPF_BINARY_OP_INPLACE_TO_NORMAL;
    }
    if (op >= MPF_BINARY_OP_REVERSE_OR) {
        if (mpf_obj_is_int(rhs)) {
            return mpf_int_binary_op(op - MPF_BINARY_OP_NORMAL_TO_REVERSE, rhs, lhs);
        }
        return MPF_OBJ_NULL;
    }
    if (rhs == MPF_OBJ_TRUE || rhs == MPF_OBJ_FALSE) {
        rhs = mpf_obj_new_small_int(rhs == MPF_OBJ_TRUE);
    }
#if CONFIG_FLOAT
    if (mpf_obj_is_type(rhs, &mpf_type_float)) {
        if (op == MPF_BINARY_OP_IN) {
            return MPF_OBJ_NULL;
        }
        return int_float_op(op, lhs, ((const mpf_float_obj_t *)mpf_obj_ptr(rhs))->value);
    }
#endif
    if (!mpf_obj_is_small_int(rhs) && !mpf_int_is_big(rhs)) {
        return MPF_OBJ_NULL;
    }
    if (mpf_obj_is_small_int(lhs) && mpf_obj_is_small_int(rhs)) {
        mpf_int_t a = mpf_obj_small_int_value(lhs), b = mpf_obj_small_int_value(rhs), r;
        switch (op) {
            case MPF_BINARY_OP_LESS:
            case MPF_BINARY_OP_MORE:
            case MPF_BINARY_OP_EQUAL:
            case MPF_BINARY_OP_LESS_EQUAL:
            case MPF_BINARY_OP_MORE_EQUAL:
            case MPF_BINARY_OP_NOT_EQUAL:
                return mpf_obj_compare_result(op, (a > b) - (a < b));
            case MPF_BINARY_OP_OR:
                return mpf_obj_new_small_int(a | b);
            case MPF_BINARY_OP_XOR:
                return mpf_obj_new_small_int(a ^ b);
            case MPF_BINARY_OP_AND:
                return mpf_obj_new_small_int(a & b);
            case MPF_BINARY_OP_ADD:
                if (!__builtin_add_overflow(a, b, &r) && mpf_small_int_fits(r)) {
                    return mpf_obj_new_small_int(r);
                }
                break;
            case MPF_BINARY_OP_SUBTRACT:
                if (!__builtin_sub_overflow(a, b, &r) && mpf_small_int_fits(r)) {
                    return mpf_obj_new_small_int(r);
                }
                break;
            case MPF_BINARY_OP_MULTIPLY:
                if (!__builtin_mul_overflow(a, b, &r) && mpf_small_int_fits(r)) {
                    return mpf_obj_new_small_int(r);
                }
                break;
            case MPF_BINARY_OP_FLOOR_DIVIDE:
            case MPF_BINARY_OP_MODULO: {
                mpf_obj_t res = small_divmod(op, a, b);
                if (res != MPF_OBJ_NULL) {
                    return res;
                }
                break;
            }
#if CONFIG_FLOAT
            case MPF_BINARY_OP_TRUE_DIVIDE:
                return mpf_obj_new_float(mpf_int_true_divide(lhs, rhs));
#endif
            case MPF_BINARY_OP_LSHIFT:
                if (b < 0) {
                    mpf_raise_msg(&mpf_type_ValueError, "negative shift count");
                }
                if (b < (mpf_int_t)MPF_SMALL_INT_BITS - 1) {
                    mpf_int_t lim = MPF_SMALL_INT_MAX >> b;
                    if (a <= lim && a >= -lim - 1) {
                        return mpf_obj_new_small_int((mpf_int_t)((mpf_uint_t)a << b));
                    }
                }
                if (a == 0) {
                    return lhs;
                }
                break;
            case MPF_BINARY_OP_RSHIFT:
                if (b < 0) {
                    mpf_raise_msg(&mpf_type_ValueError, "negative shift count");
                }
                return mpf_obj_new_small_int(b >= (mpf_int_t)MPF_SMALL_INT_BITS ? (a < 0 ? -1 : 0) : a >> b);
            case MPF_BINARY_OP_POWER:
                if (b < 0) {
#if CONFIG_FLOAT
                    if (a == 0) {
                        mpf_raise_msg(&mpf_type_ZeroDivisionError, "0.0 cannot be raised to a negative power");
                    }
                    return mpf_float_binary_op(op, (mpf_float_t)a, (mpf_float_t)b);
#else
                    mpf_raise_msg(&mpf_type_ValueError, "negative power with no float support");
#endif
                } else {
                    mpf_int_t res = 1, base = a, e = b;
                    bool ovf = false;
                    while (e > 0) {
                        if (e & 1) {
                            if (__builtin_mul_overflow(res, base, &res)) {
                                ovf = true;
                                break;
                            }
                        }
                        e >>= 1;
                        if (e > 0 && __builtin_mul_overflow(base, base, &base)) {
                            ovf = true;
                            break;
                        }
                    }
                    if (!ovf && mpf_small_int_fits(res)) {
                        return mpf_obj_new_small_int(res);
                    }
                }
                break;
            default:
                return MPF_OBJ_NULL;
        }
    }
#if CONFIG_FLOAT
    if (op == MPF_BINARY_OP_TRUE_DIVIDE) {
        return mpf_obj_new_float(mpf_int_true_divide(lhs, rhs));
    }
#endif
#if CONFIG_INT_BIG
    mpf_obj_t r = mpf_mpz_binary_op(op, lhs, rhs);
#if CONFIG_FLOAT
    if (r == MPF_OBJ_NULL && op == MPF_BINARY_OP_POWER) {
        return mpf_float_binary_op(op, mpf_int_to_float(lhs), mpf_int_to_float(rhs));
    }
#endif
    return r;
#else
    mpf_raise_msg(&mpf_type_OverflowError, "small int overflow");
#endif
}

static mpf_obj_t int_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    return mpf_int_binary_op(op, lhs, rhs);
}

static mpf_obj_t int_unary_op(int op, mpf_obj_t self) {
    if (mpf_obj_is_small_int(self)) {
        mpf_int_t v = mpf_obj_small_int_value(self);
        switch (op) {
            case MPF_UNARY_OP_BOOL:
                return mpf_obj_bool(v != 0);
            case MPF_UNARY_OP_POSITIVE:
            case MPF_UNARY_OP_INT:
                return self;
            case MPF_UNARY_OP_NEGATIVE:
                return mpf_obj_new_int(-v);  // -MIN always fits a machine word
            case MPF_UNARY_OP_INVERT:
                return mpf_obj_new_small_int(~v);
            case MPF_UNARY_OP_ABS:
                return mpf_obj_new_int(v < 0 ? -v : v);
            case MPF_UNARY_OP_HASH:
                return mpf_obj_new_small_int(v == -1 ? -2 : v);
            default:
                return MPF_OBJ_NULL;
        }
    }
#if CONFIG_INT_BIG
    switch (op) {
        case MPF_UNARY_OP_BOOL:
            return MPF_OBJ_TRUE;
        case MPF_UNARY_OP_POSITIVE:
        case MPF_UNARY_OP_INT:
            return self;
        case MPF_UNARY_OP_NEGATIVE:
            return mpf_mpz_neg(self);
        case MPF_UNARY_OP_INVERT:
            return mpf_mpz_invert(self);
        case MPF_UNARY_OP_ABS:
            return mpf_mpz_abs(self);
        case MPF_UNARY_OP_HASH:
            return mpf_obj_new_small_int(mpf_mpz_hash(self));
        default:
            return MPF_OBJ_NULL;
    }
#else
    return MPF_OBJ_NULL;
#endif
}

#if CONFIG_BUILTIN_EXTRAS
static mpf_obj_t int_bit_length(mpf_obj_t self) {
    if (self == MPF_OBJ_TRUE || self == MPF_OBJ_FALSE) {
        return mpf_obj_new_small_int(self == MPF_OBJ_TRUE);
    }
    if (mpf_obj_is_small_int(self)) {
        mpf_int_t v = mpf_obj_small_int_value(self);
        mpf_uint_t m = v < 0 ? (mpf_uint_t)0 - (mpf_uint_t)v : (mpf_uint_t)v;
        mpf_int_t n = 0;
        while (m) {
            n++;
            m >>= 1;
        }
        return mpf_obj_new_small_int(n);
    }
#if CONFIG_INT_BIG
    return mpf_obj_new_small_int((mpf_int_t)mpf_mpz_bit_length(self));
#else
    return mpf_obj_new_small_int(0);
#endif
}
#endif

bool mpf_int_fits_bytes(mpf_obj_t v, size_t size, bool is_signed) {
    if (!mpf_obj_is_small_int(v) || size >= sizeof(mpf_int_t)) {
        return true;
    }
    mpf_int_t x = mpf_obj_small_int_value(v);
    mpf_int_t half = (mpf_int_t)1 << (size * 8 - 1);
    return is_signed ? (x >= -half && x < half) : (x >= 0 && x < 2 * half);
}

mpf_obj_t mpf_int_to_bytes_obj(mpf_obj_t self, size_t len, bool little, bool is_signed) {
    uint8_t *buf = mpf_gc_alloc_var(1, 1, len, false);
#if CONFIG_INT_BIG
    if (!mpf_mpz_to_bytes(self, buf, len, is_signed)) {
        mpf_raise_msg(&mpf_type_OverflowError, "int too big to convert");
    }
    if (!little) {
        for (size_t i = 0; i < len / 2; i++) {
            uint8_t t = buf[i];
            buf[i] = buf[len - 1 - i];
            buf[len - 1 - i] = t;
        }
    }
#else
    mpf_int_t v = mpf_obj_get_int(self);
    if (v < 0 && !is_signed) {
        mpf_raise_msg(&mpf_type_OverflowError, "can't convert negative int to unsigned");
    }
    for (size_t i = 0; i < len; i++) {
        buf[little ? i : len - 1 - i] = (uint8_t)((mpf_uint_t)v >> (i * 8 < sizeof(v) * 8 ? i * 8 : sizeof(v) * 8 - 1));
    }
    // the value must fit [len] bytes (with a sign bit when signed), as in CPython: the
    // bytes read back give it again
    if (mpf_obj_get_int(mpf_int_from_bytes_obj(buf, len, little, is_signed)) != v) {
        mpf_raise_msg(&mpf_type_OverflowError, "int too big to convert");
    }
#endif
    return mpf_obj_new_bytes(buf, len);
}

// The arguments of int.to_bytes(length, byteorder, *, signed) and int.from_bytes(bytes,
// byteorder, *, signed) after args[0] (the int, the class): the first one, named [first_kw]
// (NULL if absent), *little for byteorder 'little', *is_signed.
static mpf_obj_t bytes_args(size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_qstr_t first_kw, bool *little,
    bool *is_signed) {
    const mpf_qstr_t kws[] = {first_kw, MPF_QSTR_byteorder, MPF_QSTR_signed};
    mpf_obj_t a[3];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(first_kw == MPF_QSTR_length ? MPF_QSTR_to_bytes : MPF_QSTR_from_bytes, 1), 2, 3,
        kws, a);
    mpf_obj_t first = a[0], order = a[1], sig = a[2];
    *little = order != MPF_OBJ_NULL && mpf_obj_equal(order, mpf_obj_new_qstr(MPF_QSTR_little));
    *is_signed = sig != MPF_OBJ_NULL && mpf_obj_is_true(sig);
    return first;
}

static mpf_obj_t int_to_bytes(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    bool little, is_signed;
    mpf_obj_t len_o = bytes_args(n_args, n_kw, args, MPF_QSTR_length, &little, &is_signed);
    mpf_int_t len = len_o ? mpf_obj_get_int(len_o) : 1;
    if (len < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "length argument must be non-negative");
    }
    return mpf_int_to_bytes_obj(args[0], (size_t)len, little, is_signed);
}

static mpf_obj_t int_from_bytes(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    bool little, is_signed;
    mpf_obj_t src = bytes_args(n_args, n_kw, args, MPF_QSTR_bytes, &little, &is_signed);
    mpf_buffer_t b;
#if CONFIG_BUILTIN_HELPERS
    // as CPython's: a str or an int is refused; any other iterable gives its ints, as bytes(src)
    if (src != MPF_OBJ_NULL && (mpf_obj_is_str(src) || mpf_obj_is_int(src))) {
        src = MPF_OBJ_NULL;
    } else if (src != MPF_OBJ_NULL && !mpf_obj_get_buffer(src, &b, false)) {
        src = mpf_call1(mpf_obj_from_ptr(&mpf_type_bytes), src);
    }
#endif
    if (src == MPF_OBJ_NULL || !mpf_obj_get_buffer(src, &b, false)) {
        mpf_raise_msg(&mpf_type_TypeError, "cannot convert object to bytes");
    }
    return mpf_int_from_bytes_obj(b.buf, b.len, little, is_signed);
}

mpf_obj_t mpf_int_from_bytes_obj(const uint8_t *buf, size_t len, bool little, bool is_signed) {
#if CONFIG_INT_BIG
    return mpf_mpz_from_bytes(buf, len, little, is_signed);
#else
    mpf_uint_t v = 0;
    for (size_t i = 0; i < len; i++) {
        v = (v << 8) | buf[little ? len - 1 - i : i];
    }
    if (is_signed && len > 0 && len < sizeof(v) && (v >> (len * 8 - 1)) & 1) {
        v -= (mpf_uint_t)1 << (len * 8);
    }
    return mpf_obj_new_int((mpf_int_t)v);
#endif
}
MPF_FUN_KW(int_from_bytes_fun_obj, MPF_QSTR_from_bytes, 2, int_from_bytes);
static const mpf_wrapper_t int_from_bytes_obj = {{&mpf_type_classmethod}, MPF_ROM_PTR(&int_from_bytes_fun_obj)};

#if CONFIG_BUILTIN_EXTRAS
static mpf_obj_t int_conjugate(mpf_obj_t self) {
    return mpf_obj_is_int(self) && !mpf_obj_is_small_int(self) && !mpf_int_is_big(self) ? mpf_obj_new_small_int(self == MPF_OBJ_TRUE) : self;
}

#if CONFIG_FLOAT
// int.as_integer_ratio(): (the int, 1), as float's (the numbers protocol comes with floats)
static mpf_obj_t int_as_integer_ratio(mpf_obj_t self) {
    mpf_obj_t items[2] = {int_conjugate(self), mpf_obj_new_small_int(1)};
    return mpf_obj_new_tuple(2, items);
}
#endif
#endif

static const mpf_rom_map_elem_t int_locals_table[] = {
#if CONFIG_BUILTIN_EXTRAS
    MPF_ROM_FUN_1(MPF_QSTR_bit_length, int_bit_length),
#endif
    MPF_ROM_FUN_KW(MPF_QSTR_to_bytes, 1, int_to_bytes),
    {MPF_ROM_QSTR(MPF_QSTR_from_bytes), MPF_ROM_PTR(&int_from_bytes_obj)},
#if CONFIG_BUILTIN_EXTRAS
    MPF_ROM_FUN_1(MPF_QSTR_conjugate, int_conjugate),
#if CONFIG_FLOAT
    MPF_ROM_FUN_1(MPF_QSTR_as_integer_ratio, int_as_integer_ratio),
#endif
#endif
};
MPF_ROM_MAP(int_locals, int_locals_table);

#if CONFIG_BUILTIN_EXTRAS
static void int_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    if (attr == MPF_QSTR_real || attr == MPF_QSTR_numerator) {
        dest[0] = int_conjugate(self);
    } else if (attr == MPF_QSTR_imag) {
        dest[0] = mpf_obj_new_small_int(0);
    } else if (attr == MPF_QSTR_denominator) {
        dest[0] = mpf_obj_new_small_int(1);
    }
}
#endif

#if CONFIG_BUILTIN_EXTRAS
#define INT_ATTR , (attr, int_attr)
#else
#define INT_ATTR
#endif
const mpf_type_t mpf_type_int = MPF_TYPE(MPF_QSTR_int, MPF_TYPE_FLAG_SUBCLASSABLE,
    (print, int_print),
    (make_new, int_make_new),
    (unary_op, int_unary_op),
    (binary_op, int_binary_op),
    (locals, &int_locals) INT_ATTR);
