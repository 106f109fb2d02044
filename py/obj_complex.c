// obj_complex.c -- the complex type (CONFIG_BUILTIN_COMPLEX): two floats of the
// configured precision, with CPython 3.11's arithmetic (mixed operands are widened to
// complex first; Smith's division; small integer powers by repeated squaring), its
// repr, string syntax, hash and comparisons.
//
// int and float return NotImplemented (NULL) for a complex operand, so `2 * z` and
// `1.5 < z` reach this file through the reflected operator.
#include <math.h>

#include "mpf.h"

#if CONFIG_FLOAT_SINGLE
#define F(fn) fn##f
#else
#define F(fn) fn
#endif

// CPython switches from repeated squaring to exp/log above this integer exponent.
#define POWI_MAX 100

mpf_obj_t mpf_obj_new_complex(mpf_float_t real, mpf_float_t imag) {
    mpf_complex_obj_t *c = mpf_new(mpf_complex_obj_t);
    c->base.type = &mpf_type_complex;
    c->real = real;
    c->imag = imag;
    return mpf_obj_from_ptr(c);
}

static inline const mpf_complex_obj_t *cval(mpf_obj_t o) {
    return (const mpf_complex_obj_t *)mpf_obj_ptr(o);
}

bool mpf_complex_get_maybe(mpf_obj_t o, mpf_float_t *real, mpf_float_t *imag) {
    if (mpf_obj_is_type(o, &mpf_type_complex)) {
        *real = cval(o)->real;
        *imag = cval(o)->imag;
    } else if (mpf_obj_is_type(o, &mpf_type_float)) {
        *real = ((const mpf_float_obj_t *)mpf_obj_ptr(o))->value;
        *imag = 0;
    } else if (mpf_obj_is_int(o)) {
        *real = mpf_int_to_float(o);
        *imag = 0;
    } else {
        return false;
    }
    return true;
}

// ---------------------------------------------------------------- repr
// One part as CPython's repr(complex) writes it into [out]: the float's shortest repr
// without the ".0" of integral values, "nan" unsigned, and with [sign] a '+' before
// anything non-negative. Returns the length.
static size_t part_repr(char *out, mpf_float_t v, bool sign) {
    char *o = out;
    if (sign && (isnan(v) || !signbit(v))) {
        *o++ = '+';
    }
    size_t n;
    if (isnan(v)) {
        memcpy(o, "nan", 4);
        n = 3;
    } else {
        n = mpf_float_repr_buf(o, v);
    }
    if (n >= 2 && o[n - 2] == '.' && o[n - 1] == '0') {
        n -= 2;
        o[n] = 0;
    }
    return (size_t)(o - out) + n;
}

static void complex_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const mpf_complex_obj_t *c = cval(self);
    char buf[2 * MPF_FLOAT_REPR_MAX + 8];
    size_t n = 0;
    // A +0.0 real part is left out: 2j, -0j; -0.0 is not: (-0+2j).
    bool bare = c->real == 0 && !signbit(c->real);
    if (!bare) {
        buf[n++] = '(';
        n += part_repr(buf + n, c->real, false);
    }
    n += part_repr(buf + n, c->imag, !bare);
    buf[n++] = 'j';
    if (!bare) {
        buf[n++] = ')';
    }
    mpf_print_strn(p, buf, n);
}

// ---------------------------------------------------------------- parsing
static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Whether [s, e) starts with [word], ignoring case.
static bool starts_with_nocase(const char *s, const char *e, const char *word) {
    for (; *word; word++, s++) {
        if (s == e || (*s | 0x20) != *word) {
            return false;
        }
    }
    return true;
}

// Length of the float literal (sign, digits, '_', '.', exponent; or inf, infinity, nan)
// at the start of [s, e); 0 if there is none. mpf_float_parse checks it in detail.
static size_t scan_float(const char *s, const char *e) {
    const char *p = s;
    if (p < e && (*p == '+' || *p == '-')) {
        p++;
    }
    if (starts_with_nocase(p, e, "infinity")) {
        return (size_t)(p + 8 - s);
    }
    if (starts_with_nocase(p, e, "inf") || starts_with_nocase(p, e, "nan")) {
        return (size_t)(p + 3 - s);
    }
    const char *digits = p;
    while (p < e && (is_digit(*p) || *p == '_' || *p == '.')) {
        p++;
    }
    if (p == digits || (p == digits + 1 && *digits == '.')) {
        return 0;
    }
    // an exponent only when digits follow, so "1e" leaves "e" to fail later
    if (p < e && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < e && (*q == '+' || *q == '-')) {
            q++;
        }
        if (q < e && is_digit(*q)) {
            while (q < e && (is_digit(*q) || *q == '_')) {
                q++;
            }
            p = q;
        }
    }
    return (size_t)(p - s);
}

// The float value of the literal [s, s + n); false if malformed.
static bool parse_part(const char *s, size_t n, mpf_float_t *out) {
    bool ok;
    mpf_obj_t f = mpf_float_parse(s, n, &ok);
    if (ok) {
        *out = ((const mpf_float_obj_t *)mpf_obj_ptr(f))->value;
    }
    return ok;
}

static bool is_j(char c) {
    return c == 'j' || c == 'J';
}

mpf_obj_t mpf_complex_parse(const char *s, size_t len, bool *ok) {
    const char *e = s + len;
    *ok = false;
    while (s < e && is_space(*s)) {
        s++;
    }
    while (e > s && is_space(e[-1])) {
        e--;
    }
    // one pair of parentheses, with spaces inside allowed
    if (s < e && *s == '(') {
        if (e[-1] != ')' || e - s < 2) {
            return MPF_OBJ_NULL;
        }
        s++;
        e--;
        while (s < e && is_space(*s)) {
            s++;
        }
        while (e > s && is_space(e[-1])) {
            e--;
        }
    }
    if (s == e) {
        return MPF_OBJ_NULL;
    }
    mpf_float_t re = 0, im = 0;
    size_t n = scan_float(s, e);
    if (n == 0) {
        // "j", "+j", "-j"
        size_t sign = (*s == '+' || *s == '-');
        if (s + sign + 1 != e || !is_j(s[sign])) {
            return MPF_OBJ_NULL;
        }
        im = *s == '-' ? -1 : 1;
    } else {
        mpf_float_t x;
        if (!parse_part(s, n, &x)) {
            return MPF_OBJ_NULL;
        }
        const char *p = s + n;
        if (p == e) {
            re = x;  // "1.5"
        } else if (is_j(*p) && p + 1 == e) {
            im = x;  // "1.5j"
        } else if (*p == '+' || *p == '-') {
            re = x;
            size_t m = scan_float(p, e);
            if (m == 0) {
                // "1+j", "1-j"
                if (p + 2 != e || !is_j(p[1])) {
                    return MPF_OBJ_NULL;
                }
                im = *p == '-' ? -1 : 1;
            } else {
                if (p + m + 1 != e || !is_j(p[m]) || !parse_part(p, m, &im)) {
                    return MPF_OBJ_NULL;
                }
            }
        } else {
            return MPF_OBJ_NULL;
        }
    }
    *ok = true;
    return mpf_obj_new_complex(re, im);
}

// ---------------------------------------------------------------- construction
// The float value of number [o] (int, float, or a class with __float__ / __index__);
// false if [o] is not a number.
static bool number_as_float(mpf_obj_t o, mpf_float_t *out) {
    mpf_float_t im;
    if (mpf_complex_get_maybe(o, out, &im)) {
        return true;
    }
    const mpf_type_t *t = mpf_obj_type(o);
    if (!(t->flags & MPF_TYPE_FLAG_HEAP)) {
        return false;
    }
    if (mpf_type_lookup(t, MPF_QSTR___float__) == MPF_OBJ_NULL && mpf_type_lookup(t, MPF_QSTR___index__) == MPF_OBJ_NULL &&
        mpf_obj_native_number(o) == MPF_OBJ_NULL) {  // (nor of a class derived from float or int)
        return false;
    }
    *out = mpf_obj_get_float(mpf_type_get_make_new(&mpf_type_float)(&mpf_type_float, 1, 0, &o));
    return true;
}

// What a class's __complex__ returns for [o], or NULL if it has none.
static mpf_obj_t dunder_complex(mpf_obj_t o) {
    const mpf_type_t *t = mpf_obj_type(o);
    if (!(t->flags & MPF_TYPE_FLAG_HEAP)) {
        return MPF_OBJ_NULL;
    }
    mpf_obj_t m = mpf_type_lookup(t, MPF_QSTR___complex__);
    if (m == MPF_OBJ_NULL) {
        return MPF_OBJ_NULL;
    }
    mpf_obj_t r = mpf_call1(m, o);
    if (!mpf_obj_is_type(r, &mpf_type_complex)) {
        mpf_raise_fmt(&mpf_type_TypeError, "__complex__ returned non-complex (type %T)", r);
    }
    return r;
}

// complex(real=0, imag=0): each part may itself be complex (real - imag.imag, imag.real
// + real.imag, as CPython), or real a string in complex() syntax.
static mpf_obj_t complex_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    if (n_args + n_kw > 2) {
        mpf_raise_fmt(&mpf_type_TypeError, "complex() takes at most 2 arguments (%u given)", (unsigned)(n_args + n_kw));
    }
    mpf_obj_t r = n_args > 0 ? args[0] : MPF_OBJ_NULL;
    mpf_obj_t i = n_args > 1 ? args[1] : MPF_OBJ_NULL;
    for (size_t k = 0; k < n_kw; k++) {
        mpf_obj_t name = args[n_args + 2 * k], value = args[n_args + 2 * k + 1];
        mpf_obj_t *slot = name == MPF_OBJ_QSTR(MPF_QSTR_real) ? &r : name == MPF_OBJ_QSTR(MPF_QSTR_imag) ? &i : NULL;
        if (slot == NULL) {
            mpf_raise_fmt(&mpf_type_TypeError, "'%O' is an invalid keyword argument for complex()", name);
        }
        if (*slot != MPF_OBJ_NULL) {
            mpf_raise_fmt(&mpf_type_TypeError, "argument for complex() given by name ('%O') and position (%u)", name, slot == &r ? 1u : 2u);
        }
        *slot = value;
    }
    if (r == MPF_OBJ_NULL) {
        r = MPF_OBJ_SMALL_INT(0);
    }
    // of a class derived from str, or from complex without a __complex__ of its own: that value
    mpf_obj_t rs = mpf_obj_native_part(r);
    if (rs != MPF_OBJ_NULL && (MPF_IS_STR(rs) || (mpf_obj_is_type(rs, &mpf_type_complex) &&
                                                  mpf_type_lookup(mpf_obj_type(r), MPF_QSTR___complex__) == MPF_OBJ_NULL))) {
        r = rs;
    }
    if (MPF_IS_STR(r)) {
        if (i != MPF_OBJ_NULL) {
            mpf_raise_msg(&mpf_type_TypeError, "complex() can't take second arg if first is a string");
        }
        size_t len;
        const char *s = mpf_obj_str_data(r, &len);
        // CPython checks the underscores of the whole text first, with its own message
        for (size_t k = 0; k < len; k++) {
            if (s[k] == '_' && (k == 0 || k + 1 == len || !is_digit(s[k - 1]) || !is_digit(s[k + 1]))) {
                mpf_raise_fmt(&mpf_type_ValueError, "could not convert string to complex: %R", r);
            }
        }
        bool ok;
        mpf_obj_t z = mpf_complex_parse(s, len, &ok);
        if (!ok) {
            mpf_raise_msg(&mpf_type_ValueError, "complex() arg is a malformed string");
        }
        return z;
    }
    if (i != MPF_OBJ_NULL && MPF_IS_STR(i)) {
        mpf_raise_msg(&mpf_type_TypeError, "complex() second arg can't be a string");
    }
    if (i == MPF_OBJ_NULL && mpf_obj_is_type(r, &mpf_type_complex)) {
        return r;
    }
    mpf_obj_t rc = dunder_complex(r);
    if (rc != MPF_OBJ_NULL) {
        r = rc;
    }
    mpf_float_t r_re, r_im = 0, i_re = 0, i_im = 0;
    bool r_cplx = mpf_obj_is_type(r, &mpf_type_complex);
    if (r_cplx) {
        r_re = cval(r)->real;
        r_im = cval(r)->imag;
    } else if (!number_as_float(r, &r_re)) {
        mpf_raise_fmt(&mpf_type_TypeError, "complex() first argument must be a string or a number, not '%T'", r);
    }
    bool i_cplx = i != MPF_OBJ_NULL && mpf_obj_is_type(i, &mpf_type_complex);
    if (i == MPF_OBJ_NULL) {
        i_re = r_im;
    } else if (i_cplx) {
        i_re = cval(i)->real;
        i_im = cval(i)->imag;
    } else if (!number_as_float(i, &i_re)) {
        mpf_raise_fmt(&mpf_type_TypeError, "complex() second argument must be a number, not '%T'", i);
    }
    // only the parts that exist are combined, so signed zeros survive complex(-0.0, 1)
    if (i_cplx) {
        r_re -= i_im;
    }
    if (r_cplx && i != MPF_OBJ_NULL) {
        i_re += r_im;
    }
    return mpf_obj_new_complex(r_re, i_re);
}

// ---------------------------------------------------------------- arithmetic
typedef struct {
    mpf_float_t re, im;
} cnum_t;

static cnum_t cmul(cnum_t a, cnum_t b) {
    cnum_t r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
    return r;
}

void mpf_complex_div(mpf_float_t ar, mpf_float_t ai, mpf_float_t br, mpf_float_t bi, mpf_float_t *rr, mpf_float_t *ri, bool *zero_div) {
    mpf_float_t abr = F(fabs)(br), abi = F(fabs)(bi);
    *zero_div = false;
    // Scale by the larger part of b so that b.re**2 + b.im**2 is never formed.
    if (abr >= abi) {
        if (abr == 0) {
            *zero_div = true;
            *rr = *ri = 0;
            return;
        }
        mpf_float_t ratio = bi / br;
        mpf_float_t denom = br + bi * ratio;
        *rr = (ar + ai * ratio) / denom;
        *ri = (ai - ar * ratio) / denom;
    } else if (abi >= abr) {
        mpf_float_t ratio = br / bi;
        mpf_float_t denom = br * ratio + bi;
        *rr = (ar * ratio + ai) / denom;
        *ri = (ai * ratio - ar) / denom;
    } else {
        // b has a NaN part
        *rr = *ri = (mpf_float_t)NAN;
    }
}

static cnum_t cdiv(cnum_t a, cnum_t b, bool *zero_div) {
    cnum_t r;
    mpf_complex_div(a.re, a.im, b.re, b.im, &r.re, &r.im, zero_div);
    return r;
}

// a ** b through polar form; *bad when a is 0 and b is negative or not real, or the
// angle is infinite.
static cnum_t cpow_polar(cnum_t a, cnum_t b, bool *bad) {
    cnum_t r = {1, 0};
    if (b.re == 0 && b.im == 0) {
        return r;
    }
    if (a.re == 0 && a.im == 0) {
        *bad = b.im != 0 || b.re < 0;
        r.re = 0;
        return r;
    }
    mpf_float_t vabs = F(hypot)(a.re, a.im);
    mpf_float_t len = F(pow)(vabs, b.re);
    mpf_float_t at = F(atan2)(a.im, a.re);
    mpf_float_t phase = at * b.re;
    if (b.im != 0) {
        len /= F(exp)(at * b.im);
        phase += b.im * F(log)(vabs);
    }
    // CPython reports cos(inf)'s EDOM from its libm like a zero base
    *bad = isinf(phase);
    r.re = len * F(cos)(phase);
    r.im = len * F(sin)(phase);
    return r;
}

// a ** n for 0 <= n <= POWI_MAX by squaring (the result starts at 1+0j and is
// multiplied in, as CPython does, so signed zeros and infinities come out alike).
static cnum_t cpow_uint(cnum_t a, unsigned n) {
    cnum_t r = {1, 0};
    while (n > 0) {
        if (n & 1) {
            r = cmul(r, a);
        }
        n >>= 1;
        a = cmul(a, a);
    }
    return r;
}

static mpf_obj_t complex_power(cnum_t a, cnum_t b) {
    bool bad = false;
    cnum_t r;
    if (b.im == 0 && F(fabs)(b.re) <= POWI_MAX && b.re == F(floor)(b.re)) {
        int n = (int)b.re;
        if (n >= 0) {
            r = cpow_uint(a, (unsigned)n);
        } else {
            cnum_t one = {1, 0};
            r = cdiv(one, cpow_uint(a, (unsigned)-n), &bad);
        }
    } else {
        r = cpow_polar(a, b, &bad);
    }
    if (bad) {
        mpf_raise_msg(&mpf_type_ZeroDivisionError, "0.0 to a negative or complex power");
    }
    if (isinf(r.re) || isinf(r.im)) {
        mpf_raise_msg(&mpf_type_OverflowError, "complex exponentiation");
    }
    return mpf_obj_new_complex(r.re, r.im);
}

static mpf_obj_t complex_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    bool reversed = op >= MPF_BINARY_OP_REVERSE_OR;
    if (reversed) {
        op -= MPF_BINARY_OP_NORMAL_TO_REVERSE;
    } else if (op >= MPF_BINARY_OP_INPLACE_OR && op <= MPF_BINARY_OP_INPLACE_POWER) {
        op += MPF_BINARY_OP_INPLACE_TO_NORMAL;
    }
    bool is_eq = op == MPF_BINARY_OP_EQUAL || op == MPF_BINARY_OP_NOT_EQUAL;
    if (!is_eq && op != MPF_BINARY_OP_ADD && op != MPF_BINARY_OP_SUBTRACT && op != MPF_BINARY_OP_MULTIPLY &&
        op != MPF_BINARY_OP_TRUE_DIVIDE && op != MPF_BINARY_OP_POWER) {
        return MPF_OBJ_NULL;  // ordering, //, % and the rest: TypeError from the runtime
    }
    cnum_t a = {cval(lhs)->real, cval(lhs)->imag}, b;
    if (!mpf_complex_get_maybe(rhs, &b.re, &b.im)) {
        return MPF_OBJ_NULL;
    }
    if (reversed) {
        cnum_t t = a;
        a = b;
        b = t;
    }
    bool zero_div = false;
    cnum_t r;
    switch (op) {
        case MPF_BINARY_OP_EQUAL:
            return mpf_obj_bool(a.re == b.re && a.im == b.im);
        case MPF_BINARY_OP_NOT_EQUAL:
            return mpf_obj_bool(a.re != b.re || a.im != b.im);
        case MPF_BINARY_OP_ADD:
            return mpf_obj_new_complex(a.re + b.re, a.im + b.im);
        case MPF_BINARY_OP_SUBTRACT:
            return mpf_obj_new_complex(a.re - b.re, a.im - b.im);
        case MPF_BINARY_OP_MULTIPLY:
            r = cmul(a, b);
            return mpf_obj_new_complex(r.re, r.im);
        case MPF_BINARY_OP_TRUE_DIVIDE:
            r = cdiv(a, b, &zero_div);
            if (zero_div) {
                mpf_raise_msg(&mpf_type_ZeroDivisionError, "complex division by zero");
            }
            return mpf_obj_new_complex(r.re, r.im);
        default:
            return complex_power(a, b);
    }
}

// ---------------------------------------------------------------- unary, hash, attributes
// abs(z) as CPython: inf if a part is infinite, else nan if one is nan; OverflowError
// when finite parts overflow.
static mpf_float_t complex_abs(mpf_float_t re, mpf_float_t im) {
    if (!isfinite(re) || !isfinite(im)) {
        return isinf(re) || isinf(im) ? (mpf_float_t)INFINITY : (mpf_float_t)NAN;
    }
    mpf_float_t r = F(hypot)(re, im);
    if (isinf(r)) {
        mpf_raise_msg(&mpf_type_OverflowError, "absolute value too large");
    }
    return r;
}

// hash(z) = hash(real) + 1000003 * hash(imag) as CPython, so a complex with a zero
// imaginary part hashes as the equal float or int. Folded into the small-int range.
static mpf_int_t complex_hash(mpf_float_t re, mpf_float_t im) {
    mpf_float_obj_t part = {{&mpf_type_float}, re};
    mpf_int_t hr = mpf_obj_hash(mpf_obj_from_ptr(&part));
    if (im == 0) {
        return hr;
    }
    part.value = im;
    mpf_uint_t h = (mpf_uint_t)hr + (mpf_uint_t)1000003 * (mpf_uint_t)mpf_obj_hash(mpf_obj_from_ptr(&part));
    mpf_int_t v = (mpf_int_t)h;
    if (!mpf_small_int_fits(v)) {
        v = (mpf_int_t)((h ^ (h >> (MPF_SMALL_INT_BITS - 1))) & (mpf_uint_t)MPF_SMALL_INT_MAX);
    }
    return v == -1 ? -2 : v;
}

static mpf_obj_t complex_unary_op(int op, mpf_obj_t self) {
    const mpf_complex_obj_t *c = cval(self);
    switch (op) {
        case MPF_UNARY_OP_BOOL:
            return mpf_obj_bool(c->real != 0 || c->imag != 0);
        case MPF_UNARY_OP_POSITIVE:
            return self;
        case MPF_UNARY_OP_NEGATIVE:
            return mpf_obj_new_complex(-c->real, -c->imag);
        case MPF_UNARY_OP_ABS:
            return mpf_obj_new_float(complex_abs(c->real, c->imag));
        case MPF_UNARY_OP_HASH:
            return mpf_obj_new_small_int(complex_hash(c->real, c->imag));
        default:
            return MPF_OBJ_NULL;
    }
}

static mpf_obj_t complex_conjugate(mpf_obj_t self) {
    return mpf_obj_new_complex(cval(self)->real, -cval(self)->imag);
}

static const mpf_rom_map_elem_t complex_locals_table[] = {
    MPF_ROM_FUN_1(MPF_QSTR_conjugate, complex_conjugate),
};
MPF_ROM_MAP(complex_locals, complex_locals_table);

static void complex_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] != MPF_OBJ_NULL) {
        return;  // real and imag are read-only; the runtime reports the store
    }
    if (attr == MPF_QSTR_real) {
        dest[0] = mpf_obj_new_float(cval(self)->real);
    } else if (attr == MPF_QSTR_imag) {
        dest[0] = mpf_obj_new_float(cval(self)->imag);
    }
}

const mpf_type_t mpf_type_complex = MPF_TYPE(MPF_QSTR_complex, MPF_TYPE_FLAG_SUBCLASSABLE,
    (print, complex_print),
    (make_new, complex_make_new),
    (unary_op, complex_unary_op),
    (binary_op, complex_binary_op),
    (attr, complex_attr),
    (locals, &complex_locals));
