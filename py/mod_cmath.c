// mod_cmath.c -- the cmath module (CONFIG_MODULE_CMATH): CPython's complex functions
// over the core's complex type, in the configured float precision.
//
// The formulas are the usual accurate ones (Kahan's for the inverse functions, square
// roots that neither overflow nor lose the small part, log near |z| = 1 through log1p)
// in the forms CPython evaluates, so finite arguments give CPython's digits. Errors as
// CPython: a pole (log(0), atanh(1), atan(1j)) or NaN from finite arguments is
// ValueError("math domain error"); an infinite result from finite arguments is
// OverflowError("math range error"). Non-finite arguments are not looked up in
// CPython's special-value tables: they go through the same formulas without errors.
#include <float.h>
#include <math.h>

#include "mpf.h"

#if CONFIG_FLOAT_SINGLE
#define F(fn) fn##f
#define CM_MAX FLT_MAX
#define CM_MIN FLT_MIN
#define CM_MANT_DIG FLT_MANT_DIG
#else
#define F(fn) fn
#define CM_MAX DBL_MAX
#define CM_MIN DBL_MIN
#define CM_MANT_DIG DBL_MANT_DIG
#endif

#define CM_PI ((mpf_float_t)3.141592653589793238463)
#define CM_E ((mpf_float_t)2.718281828459045235360)
#define CM_LN2 ((mpf_float_t)0.6931471805599453094172)
#define CM_LN10 ((mpf_float_t)2.302585092994045684018)
// Beyond these magnitudes the plain formulas would overflow in an intermediate step,
// so the functions switch to scaled forms (a quarter of the largest float leaves room
// for the few additions done after scaling).
#define CM_LARGE (CM_MAX / 4)
#define CM_SQRT_LARGE F(sqrt)(CM_LARGE)
#define CM_LOG_LARGE F(log)(CM_LARGE)
#define CM_SQRT_MIN F(sqrt)(CM_MIN)
// Subnormal arguments are scaled up by an even power of two (exactly, halved by sqrt).
#define CM_SCALE_UP (2 * (CM_MANT_DIG / 2) + 1)
#define CM_SCALE_DOWN (-(CM_SCALE_UP + 1) / 2)

typedef struct {
    mpf_float_t re, im;
} cnum_t;

// How a function's infinite result from finite arguments is reported.
enum { INF_RANGE, INF_POLE };


static bool c_isfinite(cnum_t z) {
    return isfinite(z.re) && isfinite(z.im);
}

// The complex value of argument [o]: complex, float, int, or a class with __complex__,
// __float__ or __index__ (through complex()).
static cnum_t arg_complex(mpf_obj_t o) {
    cnum_t z;
    if (mpf_complex_get_maybe(o, &z.re, &z.im)) {
        return z;
    }
    const mpf_type_t *t = mpf_obj_type(o);
    if ((t->flags & MPF_TYPE_FLAG_HEAP) &&
        (mpf_type_lookup(t, MPF_QSTR___complex__) != MPF_OBJ_NULL || mpf_type_lookup(t, MPF_QSTR___float__) != MPF_OBJ_NULL ||
         mpf_type_lookup(t, MPF_QSTR___index__) != MPF_OBJ_NULL)) {
        mpf_obj_t c = mpf_type_get_make_new(&mpf_type_complex)(&mpf_type_complex, 1, 0, &o);
        mpf_complex_get_maybe(c, &z.re, &z.im);
        return z;
    }
    mpf_raise_fmt(&mpf_type_TypeError, "must be real number, not %T", o);
}

// The result object of f(z) = r, raising as the module header says. An infinite part
// decides first: exp(1000) is inf + (inf * 0)j, an overflow rather than a NaN.
static mpf_obj_t result(cnum_t z, cnum_t r, int inf_kind) {
    if (c_isfinite(z)) {
        if (isinf(r.re) || isinf(r.im)) {
            if (inf_kind == INF_POLE) {
                mpf_raise_math_domain_error();
            }
            mpf_raise_math_range_error();
        }
        if (isnan(r.re) || isnan(r.im)) {
            mpf_raise_math_domain_error();
        }
    }
    return mpf_obj_new_complex(r.re, r.im);
}

// ---------------------------------------------------------------- the functions on C values
// -i * f(i * z): how sin, tan, asin and atan follow from their hyperbolic twins.
static cnum_t via_i(cnum_t (*f)(cnum_t), cnum_t z) {
    cnum_t iz = {-z.im, z.re};
    cnum_t s = f(iz);
    cnum_t r = {s.im, -s.re};
    return r;
}

static cnum_t c_sqrt(cnum_t z) {
    cnum_t r;
    if (isinf(z.im)) {
        r.re = (mpf_float_t)INFINITY;
        r.im = z.im;
        return r;
    }
    if (isinf(z.re)) {
        // sqrt(inf + yj) = inf + 0j, sqrt(-inf + yj) = 0 + inf j (nan stays nan)
        mpf_float_t y = isnan(z.im) ? z.im : F(copysign)(0, z.im);
        r.re = z.re > 0 ? z.re : F(fabs)(y);
        r.im = z.re > 0 ? y : F(copysign)((mpf_float_t)INFINITY, z.im);
        if (isnan(z.im) && z.re < 0) {
            r.re = z.im;
        }
        return r;
    }
    if (z.re == 0 && z.im == 0) {
        r.re = 0;
        r.im = z.im;
        return r;
    }
    mpf_float_t ax = F(fabs)(z.re), ay = F(fabs)(z.im), s;
    if (ax < CM_MIN && ay < CM_MIN) {
        ax = F(ldexp)(ax, CM_SCALE_UP);
        s = F(ldexp)(F(sqrt)(ax + F(hypot)(ax, F(ldexp)(ay, CM_SCALE_UP))), CM_SCALE_DOWN);
    } else {
        // the eighths keep hypot and the sum below the overflow threshold
        ax /= 8;
        s = 2 * F(sqrt)(ax + F(hypot)(ax, ay / 8));
    }
    mpf_float_t d = ay / (2 * s);
    if (z.re >= 0) {
        r.re = s;
        r.im = F(copysign)(d, z.im);
    } else {
        r.re = d;
        r.im = F(copysign)(s, z.im);
    }
    return r;
}

static cnum_t c_exp(cnum_t z) {
    cnum_t r;
    if (z.re > CM_LOG_LARGE) {
        // e**x overflows before the product with cos/sin could bring it back
        mpf_float_t l = F(exp)(z.re - 1);
        r.re = l * F(cos)(z.im) * CM_E;
        r.im = l * F(sin)(z.im) * CM_E;
    } else {
        mpf_float_t l = F(exp)(z.re);
        r.re = l * F(cos)(z.im);
        r.im = l * F(sin)(z.im);
    }
    return r;
}

static cnum_t c_log(cnum_t z) {
    cnum_t r;
    mpf_float_t ax = F(fabs)(z.re), ay = F(fabs)(z.im);
    if (ax > CM_LARGE || ay > CM_LARGE) {
        r.re = F(log)(F(hypot)(ax / 2, ay / 2)) + CM_LN2;
    } else if (ax < CM_MIN && ay < CM_MIN) {
        if (ax > 0 || ay > 0) {
            r.re = F(log)(F(hypot)(F(ldexp)(ax, CM_MANT_DIG), F(ldexp)(ay, CM_MANT_DIG))) - CM_MANT_DIG * CM_LN2;
        } else {
            r.re = -(mpf_float_t)INFINITY;  // log(0): a pole
        }
    } else {
        mpf_float_t h = F(hypot)(ax, ay);
        if (h >= (mpf_float_t)0.71 && h <= (mpf_float_t)1.73) {
            // near |z| = 1, log(h) would lose the digits that log1p keeps
            mpf_float_t am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            r.re = F(log1p)((am - 1) * (am + 1) + an * an) / 2;
        } else {
            r.re = F(log)(h);
        }
    }
    r.im = F(atan2)(z.im, z.re);
    return r;
}

// sinh(x + yi) = cos y sinh x + i sin y cosh x, and cosh with sinh and cosh swapped:
// [f] is the function of x in the real part, [g] the one in the imaginary part. Past
// CM_LOG_LARGE, x - 1 keeps the intermediates finite and e puts it back.
static cnum_t c_sinh_cosh(cnum_t z, mpf_float_t (*f)(mpf_float_t), mpf_float_t (*g)(mpf_float_t)) {
    cnum_t r;
    if (F(fabs)(z.re) > CM_LOG_LARGE) {
        mpf_float_t x1 = z.re - F(copysign)(1, z.re);
        r.re = F(cos)(z.im) * f(x1) * CM_E;
        r.im = F(sin)(z.im) * g(x1) * CM_E;
    } else {
        r.re = F(cos)(z.im) * f(z.re);
        r.im = F(sin)(z.im) * g(z.re);
    }
    return r;
}

static cnum_t c_sinh(cnum_t z) {
    return c_sinh_cosh(z, F(sinh), F(cosh));
}

static cnum_t c_cosh(cnum_t z) {
    return c_sinh_cosh(z, F(cosh), F(sinh));
}

static cnum_t c_tanh(cnum_t z) {
    cnum_t r;
    if (F(fabs)(z.re) > CM_LOG_LARGE) {
        r.re = F(copysign)(1, z.re);
        r.im = 4 * F(sin)(z.im) * F(cos)(z.im) * F(exp)(-2 * F(fabs)(z.re));
    } else {
        // tanh(x + yi) from tanh x and tan y, without cancellation
        mpf_float_t tx = F(tanh)(z.re), ty = F(tan)(z.im), cx = 1 / F(cosh)(z.re);
        mpf_float_t txty = tx * ty;
        mpf_float_t denom = 1 + txty * txty;
        r.re = tx * (1 + ty * ty) / denom;
        r.im = ((ty / denom) * cx) * cx;
    }
    return r;
}

static cnum_t c_sin(cnum_t z) {
    return via_i(c_sinh, z);
}

static cnum_t c_cos(cnum_t z) {
    cnum_t iz = {-z.im, z.re};
    return c_cosh(iz);
}

static cnum_t c_tan(cnum_t z) {
    return via_i(c_tanh, z);
}

// log|z| + log 2 for huge |z| (without overflowing |z|).
static mpf_float_t log_abs_large(cnum_t z) {
    return F(log)(F(hypot)(z.re / 2, z.im / 2)) + 2 * CM_LN2;
}

static cnum_t c_asinh(cnum_t z) {
    cnum_t r;
    if (F(fabs)(z.re) > CM_LARGE || F(fabs)(z.im) > CM_LARGE) {
        if (z.im >= 0) {
            r.re = F(copysign)(log_abs_large(z), z.re);
        } else {
            r.re = -F(copysign)(log_abs_large(z), -z.re);
        }
        r.im = F(atan2)(z.im, F(fabs)(z.re));
    } else {
        cnum_t a = {1 + z.im, -z.re}, b = {1 - z.im, z.re};
        cnum_t s1 = c_sqrt(a), s2 = c_sqrt(b);
        r.re = F(asinh)(s1.re * s2.im - s2.re * s1.im);
        r.im = F(atan2)(z.im, s1.re * s2.re - s1.im * s2.im);
    }
    return r;
}

static cnum_t c_asin(cnum_t z) {
    return via_i(c_asinh, z);
}

static cnum_t c_acos(cnum_t z) {
    cnum_t r;
    if (F(fabs)(z.re) > CM_LARGE || F(fabs)(z.im) > CM_LARGE) {
        r.re = F(atan2)(F(fabs)(z.im), z.re);
        if (z.re < 0) {
            r.im = -F(copysign)(log_abs_large(z), z.im);
        } else {
            r.im = F(copysign)(log_abs_large(z), -z.im);
        }
    } else {
        cnum_t a = {1 - z.re, -z.im}, b = {1 + z.re, z.im};
        cnum_t s1 = c_sqrt(a), s2 = c_sqrt(b);
        r.re = 2 * F(atan2)(s1.re, s2.re);
        r.im = F(asinh)(s2.re * s1.im - s2.im * s1.re);
    }
    return r;
}

static cnum_t c_acosh(cnum_t z) {
    cnum_t r;
    if (F(fabs)(z.re) > CM_LARGE || F(fabs)(z.im) > CM_LARGE) {
        r.re = log_abs_large(z);
        r.im = F(atan2)(z.im, z.re);
    } else {
        cnum_t a = {z.re - 1, z.im}, b = {z.re + 1, z.im};
        cnum_t s1 = c_sqrt(a), s2 = c_sqrt(b);
        r.re = F(asinh)(s1.re * s2.re + s1.im * s2.im);
        r.im = 2 * F(atan2)(s1.im, s2.re);
    }
    return r;
}

static cnum_t c_atanh(cnum_t z) {
    cnum_t r;
    if (z.re < 0) {
        // odd function: computing on the right half keeps the branch cut's signs
        cnum_t nz = {-z.re, -z.im};
        r = c_atanh(nz);
        r.re = -r.re;
        r.im = -r.im;
        return r;
    }
    mpf_float_t ay = F(fabs)(z.im);
    if (z.re > CM_SQRT_LARGE || ay > CM_SQRT_LARGE) {
        mpf_float_t h = F(hypot)(z.re / 2, z.im / 2);
        r.re = z.re / 4 / h / h;
        r.im = -F(copysign)(CM_PI / 2, -z.im);
    } else if (z.re == 1 && ay < CM_SQRT_MIN) {
        if (ay == 0) {
            r.re = (mpf_float_t)INFINITY;  // atanh(1): a pole
            r.im = z.im;
        } else {
            r.re = -F(log)(F(sqrt)(ay) / F(sqrt)(F(hypot)(ay, 2)));
            r.im = F(copysign)(F(atan2)(2, -ay) / 2, z.im);
        }
    } else {
        mpf_float_t one_minus = 1 - z.re;
        r.re = F(log1p)(4 * z.re / (one_minus * one_minus + ay * ay)) / 4;
        r.im = -F(atan2)(-2 * z.im, one_minus * (1 + z.re) - ay * ay) / 2;
    }
    return r;
}

static cnum_t c_atan(cnum_t z) {
    return via_i(c_atanh, z);
}

// ---------------------------------------------------------------- Python wrappers
// One-argument functions: a wrapper and its function object each.
#define CMATH_FUN1(name, kind) \
    static mpf_obj_t cmath_##name(mpf_obj_t arg) { \
        cnum_t z = arg_complex(arg); \
        return result(z, c_##name(z), kind); \
    } \
    MPF_FUN_1(cmath_##name##_obj, MPF_QSTR_##name, cmath_##name);

CMATH_FUN1(sqrt, INF_RANGE)
CMATH_FUN1(exp, INF_RANGE)
CMATH_FUN1(sin, INF_RANGE)
CMATH_FUN1(cos, INF_RANGE)
CMATH_FUN1(tan, INF_RANGE)
CMATH_FUN1(sinh, INF_RANGE)
CMATH_FUN1(cosh, INF_RANGE)
CMATH_FUN1(tanh, INF_RANGE)
CMATH_FUN1(asin, INF_RANGE)
CMATH_FUN1(acos, INF_RANGE)
CMATH_FUN1(asinh, INF_RANGE)
CMATH_FUN1(acosh, INF_RANGE)
CMATH_FUN1(atan, INF_POLE)
CMATH_FUN1(atanh, INF_POLE)

// log(z[, base]): log z / log base by complex division, as CPython.
static mpf_obj_t cmath_log(size_t n_args, const mpf_obj_t *args) {
    cnum_t z = arg_complex(args[0]);
    cnum_t r = c_log(z);
    bool bad = c_isfinite(z) && isinf(r.re);
    if (n_args == 2) {
        cnum_t b = arg_complex(args[1]);
        cnum_t lb = c_log(b);
        bad = bad || (c_isfinite(b) && isinf(lb.re));
        bool zero_div;
        mpf_complex_div(r.re, r.im, lb.re, lb.im, &r.re, &r.im, &zero_div);
        bad = bad || zero_div;
    }
    if (bad) {
        mpf_raise_math_domain_error();
    }
    return mpf_obj_new_complex(r.re, r.im);
}

static mpf_obj_t cmath_log10(mpf_obj_t arg) {
    cnum_t z = arg_complex(arg);
    cnum_t r = c_log(z);
    r.re /= CM_LN10;
    r.im /= CM_LN10;
    return result(z, r, INF_POLE);
}

static mpf_obj_t cmath_phase(mpf_obj_t arg) {
    cnum_t z = arg_complex(arg);
    return mpf_obj_new_float(F(atan2)(z.im, z.re));
}

// (abs(z), phase(z)).
static mpf_obj_t cmath_polar(mpf_obj_t arg) {
    cnum_t z = arg_complex(arg);
    mpf_float_t r = F(hypot)(z.re, z.im);
    if (isinf(r) && c_isfinite(z)) {
        mpf_raise_math_range_error();
    }
    mpf_obj_t items[2] = {mpf_obj_new_float(r), mpf_obj_new_float(F(atan2)(z.im, z.re))};
    return mpf_obj_new_tuple(2, items);
}

static mpf_obj_t cmath_rect(mpf_obj_t ro, mpf_obj_t phio) {
    mpf_float_t r = mpf_obj_get_float(ro), phi = mpf_obj_get_float(phio);
    if (isfinite(r) && isinf(phi)) {
        mpf_raise_math_domain_error();  // the direction of an infinite angle is undefined
    }
    cnum_t z;
    if (phi == 0) {
        // keeps r exact and the sign of a zero angle, also for an infinite r
        z.re = r;
        z.im = r * phi;
    } else {
        z.re = r * F(cos)(phi);
        z.im = r * F(sin)(phi);
    }
    return mpf_obj_new_complex(z.re, z.im);
}

static mpf_obj_t cmath_isfinite(mpf_obj_t arg) {
    return mpf_obj_bool(c_isfinite(arg_complex(arg)));
}

static mpf_obj_t cmath_isinf(mpf_obj_t arg) {
    cnum_t z = arg_complex(arg);
    return mpf_obj_bool(isinf(z.re) || isinf(z.im));
}

static mpf_obj_t cmath_isnan(mpf_obj_t arg) {
    cnum_t z = arg_complex(arg);
    return mpf_obj_bool(isnan(z.re) || isnan(z.im));
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0): |a - b| within either tolerance.
static mpf_obj_t cmath_isclose(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args < 2) {
        mpf_raise_fmt(&mpf_type_TypeError, "isclose() missing required argument '%s' (pos %u)", n_args == 0 ? "a" : "b", (unsigned)n_args + 1);
    }
    if (n_args > 2) {
        mpf_raise_fmt(&mpf_type_TypeError, "isclose() takes exactly 2 positional arguments (%u given)", (unsigned)n_args);
    }
    mpf_float_t rel_tol = (mpf_float_t)1e-9, abs_tol = 0;
    for (size_t k = 0; k < n_kw; k++) {
        mpf_obj_t name = args[n_args + 2 * k], value = args[n_args + 2 * k + 1];
        if (name == MPF_OBJ_QSTR(MPF_QSTR_rel_tol)) {
            rel_tol = mpf_obj_get_float(value);
        } else if (name == MPF_OBJ_QSTR(MPF_QSTR_abs_tol)) {
            abs_tol = mpf_obj_get_float(value);
        } else {
            mpf_raise_fmt(&mpf_type_TypeError, "isclose() got an unexpected keyword argument '%O'", name);
        }
    }
    cnum_t a = arg_complex(args[0]), b = arg_complex(args[1]);
    if (rel_tol < 0 || abs_tol < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "tolerances must be non-negative");
    }
    if (a.re == b.re && a.im == b.im) {
        return MPF_OBJ_TRUE;  // also equal infinities
    }
    if (isinf(a.re) || isinf(a.im) || isinf(b.re) || isinf(b.im)) {
        return MPF_OBJ_FALSE;
    }
    mpf_float_t diff = F(hypot)(a.re - b.re, a.im - b.im);
    return mpf_obj_bool(diff <= rel_tol * F(hypot)(b.re, b.im) || diff <= rel_tol * F(hypot)(a.re, a.im) ||
                        diff <= abs_tol);
}

// ---------------------------------------------------------------- the module
static const mpf_float_obj_t cmath_pi_obj = {{&mpf_type_float}, CM_PI};
static const mpf_float_obj_t cmath_e_obj = {{&mpf_type_float}, CM_E};
static const mpf_float_obj_t cmath_tau_obj = {{&mpf_type_float}, 2 * CM_PI};
static const mpf_float_obj_t cmath_inf_obj = {{&mpf_type_float}, (mpf_float_t)INFINITY};
static const mpf_float_obj_t cmath_nan_obj = {{&mpf_type_float}, (mpf_float_t)NAN};
static const mpf_complex_obj_t cmath_infj_obj = {{&mpf_type_complex}, 0, (mpf_float_t)INFINITY};
static const mpf_complex_obj_t cmath_nanj_obj = {{&mpf_type_complex}, 0, (mpf_float_t)NAN};

static const mpf_rom_map_elem_t cmath_members_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_pi), MPF_ROM_PTR(&cmath_pi_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_e), MPF_ROM_PTR(&cmath_e_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_tau), MPF_ROM_PTR(&cmath_tau_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_inf), MPF_ROM_PTR(&cmath_inf_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_nan), MPF_ROM_PTR(&cmath_nan_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_infj), MPF_ROM_PTR(&cmath_infj_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_nanj), MPF_ROM_PTR(&cmath_nanj_obj)},
    MPF_ROM_FUN_1(MPF_QSTR_phase, cmath_phase),
    MPF_ROM_FUN_1(MPF_QSTR_polar, cmath_polar),
    MPF_ROM_FUN_2(MPF_QSTR_rect, cmath_rect),
    {MPF_ROM_QSTR(MPF_QSTR_exp), MPF_ROM_PTR(&cmath_exp_obj)},
    MPF_ROM_FUN_VAR(MPF_QSTR_log, 1, 2, cmath_log),
    MPF_ROM_FUN_1(MPF_QSTR_log10, cmath_log10),
    {MPF_ROM_QSTR(MPF_QSTR_sqrt), MPF_ROM_PTR(&cmath_sqrt_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_sin), MPF_ROM_PTR(&cmath_sin_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_cos), MPF_ROM_PTR(&cmath_cos_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_tan), MPF_ROM_PTR(&cmath_tan_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_asin), MPF_ROM_PTR(&cmath_asin_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_acos), MPF_ROM_PTR(&cmath_acos_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_atan), MPF_ROM_PTR(&cmath_atan_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_sinh), MPF_ROM_PTR(&cmath_sinh_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_cosh), MPF_ROM_PTR(&cmath_cosh_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_tanh), MPF_ROM_PTR(&cmath_tanh_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_asinh), MPF_ROM_PTR(&cmath_asinh_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_acosh), MPF_ROM_PTR(&cmath_acosh_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_atanh), MPF_ROM_PTR(&cmath_atanh_obj)},
    MPF_ROM_FUN_1(MPF_QSTR_isfinite, cmath_isfinite),
    MPF_ROM_FUN_1(MPF_QSTR_isinf, cmath_isinf),
    MPF_ROM_FUN_1(MPF_QSTR_isnan, cmath_isnan),
    MPF_ROM_FUN_KW(MPF_QSTR_isclose, 0, cmath_isclose),
};
MPF_ROM_MAP(cmath_members, cmath_members_table);

const mpf_builtin_module_t mpf_module_cmath = {MPF_QSTR_cmath, &cmath_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_cmath, mpf_module_cmath);
