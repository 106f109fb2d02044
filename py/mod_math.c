// mod_math.c -- the math module: CPython's math functions over the core's float
// (C float or double, CONFIG_FLOAT_SINGLE/DOUBLE) and, for the integer functions
// (gcd, lcm, factorial, comb, perm, isqrt), over ints of any size via the runtime's
// operators.
//
// Errors follow CPython: a NaN result from non-NaN arguments is ValueError("math
// domain error"); an infinite result from finite arguments is OverflowError("math
// range error"), or ValueError for poles (log(0), atanh(1), gamma(0)).
#include <math.h>

#include "mpf.h"
#if CONFIG_INT_BIG_MPZ
#include "mpz.h"
#endif

#if CONFIG_FLOAT

// F(sqrt) is sqrtf in single-precision builds and sqrt otherwise.
#if CONFIG_FLOAT_SINGLE
#define F(fn) fn##f
#else
#define F(fn) fn
#endif

typedef mpf_float_t (*math_fun1_t)(mpf_float_t);
typedef mpf_float_t (*math_fun2_t)(mpf_float_t, mpf_float_t);

// What an infinite result from finite arguments means for a function.
enum { INF_RANGE, INF_POLE };


static mpf_float_t arg_float(mpf_obj_t o) {
    return mpf_obj_get_float(o);
}

// [r] = f(x): raise as CPython does for a NaN or infinite result; the float object.
static mpf_obj_t check1(mpf_float_t x, mpf_float_t r, int inf_kind) {
    if (isnan(r) && !isnan(x)) {
        mpf_raise_math_domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        if (inf_kind == INF_POLE) {
            mpf_raise_math_domain_error();
        }
        mpf_raise_math_range_error();
    }
    return mpf_obj_new_float(r);
}

static mpf_obj_t call1(mpf_obj_t xo, math_fun1_t f, int inf_kind) {
    mpf_float_t x = arg_float(xo);
    return check1(x, f(x), inf_kind);
}

// One-argument float functions: a wrapper and its function object each.
#define MATH_FUN1(name, cfun, kind) \
    static mpf_obj_t math_##name(mpf_obj_t x) { \
        return call1(x, F(cfun), kind); \
    } \
    MPF_FUN_1(math_##name##_obj, MPF_QSTR_##name, math_##name);

MATH_FUN1(sqrt, sqrt, INF_RANGE)
MATH_FUN1(exp, exp, INF_RANGE)
MATH_FUN1(expm1, expm1, INF_RANGE)
MATH_FUN1(log1p, log1p, INF_POLE)
MATH_FUN1(cos, cos, INF_RANGE)
MATH_FUN1(sin, sin, INF_RANGE)
MATH_FUN1(tan, tan, INF_RANGE)
MATH_FUN1(acos, acos, INF_RANGE)
MATH_FUN1(asin, asin, INF_RANGE)
MATH_FUN1(atan, atan, INF_RANGE)
MATH_FUN1(cosh, cosh, INF_RANGE)
MATH_FUN1(sinh, sinh, INF_RANGE)
MATH_FUN1(tanh, tanh, INF_RANGE)
MATH_FUN1(acosh, acosh, INF_RANGE)
MATH_FUN1(asinh, asinh, INF_RANGE)
MATH_FUN1(atanh, atanh, INF_POLE)
MATH_FUN1(fabs, fabs, INF_RANGE)

#if CONFIG_MODULE_MATH_SPECIAL
MATH_FUN1(erf, erf, INF_RANGE)
MATH_FUN1(erfc, erfc, INF_RANGE)
MATH_FUN1(lgamma, lgamma, INF_POLE)

// gamma: poles at 0 and the negative integers (ValueError), overflow otherwise.
static mpf_obj_t math_gamma(mpf_obj_t xo) {
    mpf_float_t x = arg_float(xo);
    if (isfinite(x) && x <= 0 && F(floor)(x) == x) {
        mpf_raise_math_domain_error();
    }
    return check1(x, F(tgamma)(x), INF_RANGE);
}
#endif

// f(x) for the logarithms: x > 0 (else ValueError); an int too big for a float is
// m 2^e (0.5 <= m < 1) and its logarithm f(m) + f(2) e, as CPython's.
static mpf_float_t log_of(mpf_obj_t xo, math_fun1_t f) {
#if CONFIG_INT_BIG_MPZ
    if (mpf_obj_is_int(xo) && mpf_int_is_big(xo)) {
        if (mpf_int_sign(xo) <= 0) {
            mpf_raise_math_domain_error();
        }
        long e;
        double m = mpf_mpz_frexp(xo, &e);
        if (e > 1024) {
            return f((mpf_float_t)m) + f(2) * (mpf_float_t)e;
        }
    }
#endif
    mpf_float_t x = arg_float(xo);
    if (x <= 0) {
        mpf_raise_math_domain_error();
    }
    return f(x);
}

// log(x[, base])
static mpf_obj_t math_log(size_t n_args, const mpf_obj_t *args) {
    mpf_float_t r = log_of(args[0], F(log));
    if (n_args == 2) {
        mpf_float_t lb = log_of(args[1], F(log));
        if (lb == 0) {
            mpf_raise_msg(&mpf_type_ZeroDivisionError, "float division by zero");
        }
        return mpf_obj_new_float(r / lb);  // log(inf, inf) is nan, as CPython
    }
    return mpf_obj_new_float(r);
}

static mpf_obj_t math_log2(mpf_obj_t x) {
    return mpf_obj_new_float(log_of(x, F(log2)));
}
MPF_FUN_1(math_log2_obj, MPF_QSTR_log2, math_log2);

static mpf_obj_t math_log10(mpf_obj_t x) {
    return mpf_obj_new_float(log_of(x, F(log10)));
}
MPF_FUN_1(math_log10_obj, MPF_QSTR_log10, math_log10);

// Two-argument float functions: NaN from non-NaN arguments is a domain error; an
// infinite result from finite arguments a range error.
static mpf_obj_t call2(mpf_obj_t xo, mpf_obj_t yo, math_fun2_t f) {
    mpf_float_t x = arg_float(xo), y = arg_float(yo);
    mpf_float_t r = f(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        mpf_raise_math_domain_error();
    }
    if (isinf(r) && isfinite(x) && isfinite(y)) {
        mpf_raise_math_range_error();
    }
    return mpf_obj_new_float(r);
}

#define MATH_FUN2(name, cfun) \
    static mpf_obj_t math_##name(mpf_obj_t x, mpf_obj_t y) { \
        return call2(x, y, F(cfun)); \
    } \
    MPF_FUN_2(math_##name##_obj, MPF_QSTR_##name, math_##name);

MATH_FUN2(atan2, atan2)
MATH_FUN2(copysign, copysign)
MATH_FUN2(remainder, remainder)

static mpf_obj_t math_fmod(mpf_obj_t xo, mpf_obj_t yo) {
    mpf_float_t x = arg_float(xo), y = arg_float(yo);
    if (isinf(y) && isfinite(x)) {
        return mpf_obj_new_float(x);
    }
    return call2(xo, yo, F(fmod));
}

static mpf_obj_t math_pow(mpf_obj_t xo, mpf_obj_t yo) {
    mpf_float_t x = arg_float(xo), y = arg_float(yo);
    if (x == 0 && y < 0) {
        mpf_raise_math_domain_error();
    }
    return call2(xo, yo, F(pow));
}

static mpf_obj_t math_ldexp(mpf_obj_t xo, mpf_obj_t io) {
    mpf_float_t x = arg_float(xo);
    mpf_int_t i = mpf_obj_get_int(io);
    if (i > 100000) {
        i = 100000;
    } else if (i < -100000) {
        i = -100000;
    }
    mpf_float_t r = F(ldexp)(x, (int)i);
    if (isinf(r) && isfinite(x)) {
        mpf_raise_math_range_error();
    }
    return mpf_obj_new_float(r);
}

static mpf_obj_t math_frexp(mpf_obj_t xo) {
    mpf_float_t x = arg_float(xo);
    int e = 0;
    mpf_float_t m = x;
    if (isfinite(x) && x != 0) {
        m = F(frexp)(x, &e);
    }
    mpf_obj_t t[2] = {mpf_obj_new_float(m), mpf_obj_new_small_int(e)};
    return mpf_obj_new_tuple(2, t);
}

static mpf_obj_t math_modf(mpf_obj_t xo) {
    mpf_float_t x = arg_float(xo);
    mpf_float_t ip;
    mpf_float_t fp;
    if (isinf(x)) {
        ip = x;
        fp = F(copysign)(0, x);
    } else {
        fp = F(modf)(x, &ip);
    }
    mpf_obj_t t[2] = {mpf_obj_new_float(fp), mpf_obj_new_float(ip)};
    return mpf_obj_new_tuple(2, t);
}

// ceil/floor/trunc: ints pass through; floats become ints (of any size).
static mpf_obj_t to_int(mpf_obj_t xo, math_fun1_t f) {
    if (mpf_obj_is_int(xo)) {
        return xo == MPF_OBJ_TRUE ? mpf_obj_new_small_int(1) : xo == MPF_OBJ_FALSE ? mpf_obj_new_small_int(0) : xo;
    }
    return mpf_int_from_float(f(arg_float(xo)));
}

static mpf_obj_t math_ceil(mpf_obj_t x) {
    return to_int(x, F(ceil));
}

static mpf_obj_t math_floor(mpf_obj_t x) {
    return to_int(x, F(floor));
}

static mpf_obj_t math_trunc(mpf_obj_t x) {
    return to_int(x, F(trunc));
}

static mpf_obj_t math_isfinite(mpf_obj_t x) {
    return mpf_obj_bool(isfinite(arg_float(x)));
}

static mpf_obj_t math_isinf(mpf_obj_t x) {
    return mpf_obj_bool(isinf(arg_float(x)));
}

static mpf_obj_t math_isnan(mpf_obj_t x) {
    return mpf_obj_bool(isnan(arg_float(x)));
}

// 180/pi and pi/180 as literals so they round once, to the float type.
static mpf_obj_t math_degrees(mpf_obj_t x) {
    return mpf_obj_new_float(arg_float(x) * (mpf_float_t)57.29577951308232);
}

static mpf_obj_t math_radians(mpf_obj_t x) {
    return mpf_obj_new_float(arg_float(x) * (mpf_float_t)0.017453292519943295);
}

// hypot(*coordinates): scaled by the largest magnitude so squares cannot overflow.
static mpf_float_t hypot_of(size_t n, const mpf_float_t *v) {
    mpf_float_t max = 0;
    bool has_nan = false;
    for (size_t i = 0; i < n; i++) {
        mpf_float_t a = F(fabs)(v[i]);
        if (isinf(a)) {
            return a;
        }
        if (isnan(a)) {
            has_nan = true;
        } else if (a > max) {
            max = a;
        }
    }
    if (has_nan) {
        return NAN;
    }
    if (max == 0) {
        return 0;
    }
    mpf_float_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        mpf_float_t s = v[i] / max;
        sum += s * s;
    }
    return max * F(sqrt)(sum);
}

static mpf_obj_t math_hypot(size_t n_args, const mpf_obj_t *args) {
    mpf_float_t *v = mpf_gc_alloc((n_args + 1) * sizeof(mpf_float_t), false);
    for (size_t i = 0; i < n_args; i++) {
        v[i] = arg_float(args[i]);
    }
    mpf_float_t r = hypot_of(n_args, v);
    mpf_gc_free(v);
    if (isinf(r)) {
        for (size_t i = 0; i < n_args; i++) {
            if (!isfinite(arg_float(args[i]))) {
                return mpf_obj_new_float(r);
            }
        }
        mpf_raise_math_range_error();
    }
    return mpf_obj_new_float(r);
}

// dist(p, q): Euclidean distance of two points of the same dimension.
static mpf_obj_t math_dist(mpf_obj_t p, mpf_obj_t q) {
    size_t np, nq;
    mpf_obj_t *ip, *iq;
    if (!(mpf_obj_is_type(p, &mpf_type_tuple) || mpf_obj_is_type(p, &mpf_type_list)) ||
        !(mpf_obj_is_type(q, &mpf_type_tuple) || mpf_obj_is_type(q, &mpf_type_list))) {
        p = mpf_tuple_from_iter(p);
        q = mpf_tuple_from_iter(q);
    }
    mpf_obj_get_array(p, &np, &ip);
    mpf_obj_get_array(q, &nq, &iq);
    if (np != nq) {
        mpf_raise_msg(&mpf_type_ValueError, "both points must have the same number of dimensions");
    }
    mpf_float_t *v = mpf_gc_alloc((np + 1) * sizeof(mpf_float_t), false);
    for (size_t i = 0; i < np; i++) {
        v[i] = arg_float(ip[i]) - arg_float(iq[i]);
    }
    mpf_float_t r = hypot_of(np, v);
    mpf_gc_free(v);
    return mpf_obj_new_float(r);
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
static mpf_obj_t math_isclose(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args != 2) {
        mpf_raise_fmt(&mpf_type_TypeError, "isclose() takes exactly 2 positional arguments (%u given)", (unsigned)n_args);
    }
    mpf_float_t a = arg_float(args[0]), b = arg_float(args[1]);
    mpf_obj_t rt = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_rel_tol);
    mpf_obj_t at = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_abs_tol);
    mpf_float_t rel = rt != MPF_OBJ_NULL ? arg_float(rt) : (mpf_float_t)1e-9;
    mpf_float_t abs_ = at != MPF_OBJ_NULL ? arg_float(at) : 0;
    if (rel < 0 || abs_ < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "tolerances must be non-negative");
    }
    if (a == b) {
        return MPF_OBJ_TRUE;
    }
    if (isinf(a) || isinf(b)) {
        return MPF_OBJ_FALSE;
    }
    mpf_float_t diff = F(fabs)(b - a);
    return mpf_obj_bool((diff <= F(fabs)(rel * b)) || (diff <= F(fabs)(rel * a)) || (diff <= abs_));
}

// fsum(iterable): the correctly rounded sum, kept as a list of non-overlapping
// partial sums (Shewchuk's exact addition), then rounded half-even at the end.
static mpf_obj_t math_fsum(mpf_obj_t iterable) {
    size_t n = 0, alloc = 16;
    mpf_float_t *partials = mpf_gc_alloc(alloc * sizeof(mpf_float_t), false);
    mpf_float_t special = 0;   // sum of the non-finite inputs
    bool has_special = false;
    mpf_obj_t it = mpf_getiter(iterable), item;
    while ((item = mpf_iternext(it)) != MPF_OBJ_STOP) {
        mpf_float_t x = arg_float(item);
        if (!isfinite(x)) {
            special += x;
            has_special = true;
            continue;
        }
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            mpf_float_t y = partials[j];
            if (F(fabs)(x) < F(fabs)(y)) {
                mpf_float_t t = x;
                x = y;
                y = t;
            }
            mpf_float_t hi = x + y;
            mpf_float_t lo = y - (hi - x);
            if (lo != 0) {
                partials[i++] = lo;
            }
            x = hi;
        }
        if (!isfinite(x)) {
            mpf_raise_msg(&mpf_type_OverflowError, "intermediate overflow in fsum");
        }
        if (i == alloc) {
            alloc *= 2;
            partials = mpf_gc_realloc(partials, alloc * sizeof(mpf_float_t));
        }
        partials[i++] = x;
        n = i;
    }
    if (has_special) {
        if (isnan(special)) {
            mpf_raise_msg(&mpf_type_ValueError, "-inf + inf in fsum");
        }
        return mpf_obj_new_float(special);
    }
    mpf_float_t hi = 0;
    if (n > 0) {
        size_t j = n - 1;
        hi = partials[j];
        mpf_float_t lo = 0;
        while (j > 0) {
            mpf_float_t x = hi;
            mpf_float_t y = partials[--j];
            hi = x + y;
            mpf_float_t yr = hi - x;
            lo = y - yr;
            if (lo != 0) {
                break;
            }
        }
        // half-way case: make the rounding of hi + lo + rest match round-half-even
        if (j > 0 && ((lo < 0 && partials[j - 1] < 0) || (lo > 0 && partials[j - 1] > 0))) {
            mpf_float_t y = lo * 2;
            mpf_float_t x = hi + y;
            if (y == x - hi) {
                hi = x;
            }
        }
    }
    return mpf_obj_new_float(hi);
}

// prod(iterable, *, start=1)
static mpf_obj_t math_prod(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args != 1) {
        mpf_raise_fmt(&mpf_type_TypeError, "prod() takes exactly 1 positional argument (%u given)", (unsigned)n_args);
    }
    mpf_obj_t start = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_start);
    mpf_obj_t acc = start != MPF_OBJ_NULL ? start : mpf_obj_new_small_int(1);
    mpf_obj_t it = mpf_getiter(args[0]), item;
    while ((item = mpf_iternext(it)) != MPF_OBJ_STOP) {
        acc = mpf_binary_op(MPF_BINARY_OP_MULTIPLY, acc, item);
    }
    return acc;
}

// ---------------------------------------------------------------- integer functions
// An int argument (bool counts); TypeError naming the type otherwise, like CPython.
static mpf_obj_t int_arg(mpf_obj_t o) {
    if (!mpf_obj_is_int(o)) {
        mpf_raise_fmt(&mpf_type_TypeError, "'%T' object cannot be interpreted as an integer", o);
    }
    if (o == MPF_OBJ_TRUE || o == MPF_OBJ_FALSE) {
        return mpf_obj_new_small_int(o == MPF_OBJ_TRUE);
    }
    return o;
}

static int int_sign(mpf_obj_t o) {
    return mpf_int_sign(o);
}

static mpf_obj_t iop(int op, mpf_obj_t a, mpf_obj_t b) {
    return mpf_binary_op(op, a, b);
}

static mpf_obj_t int_abs(mpf_obj_t a) {
    return int_sign(a) < 0 ? mpf_unary_op(MPF_UNARY_OP_NEGATIVE, a) : a;
}

static mpf_obj_t gcd2(mpf_obj_t a, mpf_obj_t b) {
    a = int_abs(a);
    b = int_abs(b);
    while (int_sign(b) != 0) {
        mpf_obj_t r = iop(MPF_BINARY_OP_MODULO, a, b);
        a = b;
        b = r;
    }
    return a;
}

static mpf_obj_t math_gcd(size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t g = mpf_obj_new_small_int(0);
    for (size_t i = 0; i < n_args; i++) {
        g = gcd2(g, int_arg(args[i]));
    }
    return g;
}

static mpf_obj_t math_lcm(size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t l = mpf_obj_new_small_int(1);
    for (size_t i = 0; i < n_args; i++) {
        mpf_obj_t a = int_abs(int_arg(args[i]));
        if (int_sign(a) == 0 || int_sign(l) == 0) {
            l = mpf_obj_new_small_int(0);
            continue;
        }
        l = iop(MPF_BINARY_OP_MULTIPLY, iop(MPF_BINARY_OP_FLOOR_DIVIDE, l, gcd2(l, a)), a);
    }
    return l;
}

// The product lo * (lo+1) * ... * hi (1 when hi < lo), as an int of any size.
static mpf_obj_t range_product(mpf_obj_t lo, mpf_obj_t hi) {
    mpf_obj_t acc = mpf_obj_new_small_int(1);
    mpf_obj_t one = mpf_obj_new_small_int(1);
    while (mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_LESS_EQUAL, lo, hi))) {
        acc = iop(MPF_BINARY_OP_MULTIPLY, acc, lo);
        lo = iop(MPF_BINARY_OP_ADD, lo, one);
    }
    return acc;
}

static mpf_obj_t math_factorial(mpf_obj_t n) {
    n = int_arg(n);
    if (int_sign(n) < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "factorial() not defined for negative values");
    }
    return range_product(mpf_obj_new_small_int(2), n);
}

// perm(n, k=None): n! / (n-k)!
static mpf_obj_t math_perm(size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t n = int_arg(args[0]);
    if (n_args == 1 || args[1] == MPF_OBJ_NONE) {
        return math_factorial(n);
    }
    mpf_obj_t k = int_arg(args[1]);
    if (int_sign(n) < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "n must be a non-negative integer");
    }
    if (int_sign(k) < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "k must be a non-negative integer");
    }
    if (mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_MORE, k, n))) {
        return mpf_obj_new_small_int(0);
    }
    mpf_obj_t lo = iop(MPF_BINARY_OP_ADD, iop(MPF_BINARY_OP_SUBTRACT, n, k), mpf_obj_new_small_int(1));
    return range_product(lo, n);
}

// comb(n, k): the running product r = r * (n - i) / (i + 1) stays an integer.
static mpf_obj_t math_comb(mpf_obj_t n, mpf_obj_t k) {
    n = int_arg(n);
    k = int_arg(k);
    if (int_sign(n) < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "n must be a non-negative integer");
    }
    if (int_sign(k) < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "k must be a non-negative integer");
    }
    if (mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_MORE, k, n))) {
        return mpf_obj_new_small_int(0);
    }
    mpf_obj_t nk = iop(MPF_BINARY_OP_SUBTRACT, n, k);
    if (mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_LESS, nk, k))) {
        k = nk;
    }
    mpf_obj_t r = mpf_obj_new_small_int(1);
    mpf_obj_t i = mpf_obj_new_small_int(0);
    mpf_obj_t one = mpf_obj_new_small_int(1);
    while (mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_LESS, i, k))) {
        r = iop(MPF_BINARY_OP_MULTIPLY, r, iop(MPF_BINARY_OP_SUBTRACT, n, i));
        i = iop(MPF_BINARY_OP_ADD, i, one);
        r = iop(MPF_BINARY_OP_FLOOR_DIVIDE, r, i);
    }
    return r;
}

// isqrt(n): Newton's iteration x' = (x + n // x) // 2 from a power of two above the
// root, which decreases monotonically to floor(sqrt(n)).
static mpf_obj_t math_isqrt(mpf_obj_t n) {
    n = int_arg(n);
    if (int_sign(n) < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "isqrt() argument must be nonnegative");
    }
    if (int_sign(n) == 0) {
        return n;
    }
    // bits of n by repeated shifting (cheap next to the divisions below)
    size_t bits = 0;
    mpf_obj_t t = n;
    mpf_obj_t eight = mpf_obj_new_small_int(8);
    while (int_sign(t) != 0) {
        t = iop(MPF_BINARY_OP_RSHIFT, t, eight);
        bits += 8;
    }
    mpf_obj_t x = iop(MPF_BINARY_OP_LSHIFT, mpf_obj_new_small_int(1), mpf_obj_new_small_int((mpf_int_t)(bits / 2 + 1)));
    mpf_obj_t one = mpf_obj_new_small_int(1);
    for (;;) {
        mpf_obj_t y = iop(MPF_BINARY_OP_RSHIFT, iop(MPF_BINARY_OP_ADD, x, iop(MPF_BINARY_OP_FLOOR_DIVIDE, n, x)), one);
        if (!mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_LESS, y, x))) {
            return x;
        }
        x = y;
    }
}

// ---------------------------------------------------------------- constants
static const mpf_float_obj_t math_pi_obj = {{&mpf_type_float}, (mpf_float_t)3.141592653589793};
static const mpf_float_obj_t math_e_obj = {{&mpf_type_float}, (mpf_float_t)2.718281828459045};
static const mpf_float_obj_t math_tau_obj = {{&mpf_type_float}, (mpf_float_t)6.283185307179586};
static const mpf_float_obj_t math_inf_obj = {{&mpf_type_float}, (mpf_float_t)INFINITY};
static const mpf_float_obj_t math_nan_obj = {{&mpf_type_float}, (mpf_float_t)NAN};

static const mpf_rom_map_elem_t math_members_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_pi), MPF_ROM_PTR(&math_pi_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_e), MPF_ROM_PTR(&math_e_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_tau), MPF_ROM_PTR(&math_tau_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_inf), MPF_ROM_PTR(&math_inf_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_nan), MPF_ROM_PTR(&math_nan_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_sqrt), MPF_ROM_PTR(&math_sqrt_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_exp), MPF_ROM_PTR(&math_exp_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_expm1), MPF_ROM_PTR(&math_expm1_obj)},
    MPF_ROM_FUN_VAR(MPF_QSTR_log, 1, 2, math_log),
    {MPF_ROM_QSTR(MPF_QSTR_log2), MPF_ROM_PTR(&math_log2_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_log10), MPF_ROM_PTR(&math_log10_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_log1p), MPF_ROM_PTR(&math_log1p_obj)},
    MPF_ROM_FUN_2(MPF_QSTR_pow, math_pow),
    {MPF_ROM_QSTR(MPF_QSTR_cos), MPF_ROM_PTR(&math_cos_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_sin), MPF_ROM_PTR(&math_sin_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_tan), MPF_ROM_PTR(&math_tan_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_acos), MPF_ROM_PTR(&math_acos_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_asin), MPF_ROM_PTR(&math_asin_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_atan), MPF_ROM_PTR(&math_atan_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_atan2), MPF_ROM_PTR(&math_atan2_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_cosh), MPF_ROM_PTR(&math_cosh_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_sinh), MPF_ROM_PTR(&math_sinh_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_tanh), MPF_ROM_PTR(&math_tanh_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_acosh), MPF_ROM_PTR(&math_acosh_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_asinh), MPF_ROM_PTR(&math_asinh_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_atanh), MPF_ROM_PTR(&math_atanh_obj)},
#if CONFIG_MODULE_MATH_SPECIAL
    {MPF_ROM_QSTR(MPF_QSTR_erf), MPF_ROM_PTR(&math_erf_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_erfc), MPF_ROM_PTR(&math_erfc_obj)},
    MPF_ROM_FUN_1(MPF_QSTR_gamma, math_gamma),
    {MPF_ROM_QSTR(MPF_QSTR_lgamma), MPF_ROM_PTR(&math_lgamma_obj)},
#endif
    {MPF_ROM_QSTR(MPF_QSTR_fabs), MPF_ROM_PTR(&math_fabs_obj)},
    MPF_ROM_FUN_2(MPF_QSTR_fmod, math_fmod),
    {MPF_ROM_QSTR(MPF_QSTR_remainder), MPF_ROM_PTR(&math_remainder_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_copysign), MPF_ROM_PTR(&math_copysign_obj)},
    MPF_ROM_FUN_2(MPF_QSTR_ldexp, math_ldexp),
    MPF_ROM_FUN_1(MPF_QSTR_frexp, math_frexp),
    MPF_ROM_FUN_1(MPF_QSTR_modf, math_modf),
    MPF_ROM_FUN_1(MPF_QSTR_ceil, math_ceil),
    MPF_ROM_FUN_1(MPF_QSTR_floor, math_floor),
    MPF_ROM_FUN_1(MPF_QSTR_trunc, math_trunc),
    MPF_ROM_FUN_1(MPF_QSTR_isfinite, math_isfinite),
    MPF_ROM_FUN_1(MPF_QSTR_isinf, math_isinf),
    MPF_ROM_FUN_1(MPF_QSTR_isnan, math_isnan),
    MPF_ROM_FUN_KW(MPF_QSTR_isclose, 0, math_isclose),
    MPF_ROM_FUN_1(MPF_QSTR_degrees, math_degrees),
    MPF_ROM_FUN_1(MPF_QSTR_radians, math_radians),
    MPF_ROM_FUN_VAR(MPF_QSTR_hypot, 0, 255, math_hypot),
    MPF_ROM_FUN_2(MPF_QSTR_dist, math_dist),
    MPF_ROM_FUN_1(MPF_QSTR_fsum, math_fsum),
    MPF_ROM_FUN_KW(MPF_QSTR_prod, 0, math_prod),
    MPF_ROM_FUN_VAR(MPF_QSTR_gcd, 0, 255, math_gcd),
    MPF_ROM_FUN_VAR(MPF_QSTR_lcm, 0, 255, math_lcm),
    MPF_ROM_FUN_1(MPF_QSTR_factorial, math_factorial),
    MPF_ROM_FUN_VAR(MPF_QSTR_perm, 1, 2, math_perm),
    MPF_ROM_FUN_2(MPF_QSTR_comb, math_comb),
    MPF_ROM_FUN_1(MPF_QSTR_isqrt, math_isqrt),
};
MPF_ROM_MAP(math_members, math_members_table);

const mpf_builtin_module_t mpf_module_math = {MPF_QSTR_math, &math_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_math, mpf_module_math);

#endif // CONFIG_FLOAT
