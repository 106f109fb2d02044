// format.c -- the format-spec mini-language (format(), str.format, f-strings) and
// printf-style %-formatting of str.
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "mpf_int.h"

typedef struct spec {
    char fill[5];       // UTF-8 of the fill character
    size_t fill_len;
    char align;         // '<' '>' '=' '^' or 0
    bool zero_align;    // align is the '=' the '0' flag implies (not written in the spec)
    char sign;          // '+' '-' ' ' or 0
    bool alt;           // '#'
    bool zero;          // '0'
    int width;          // -1 none
    char group;         // ',' '_' or 0
    int prec;           // -1 none
    char type;          // 0 none
} spec_t;

// The decimal number at s[*i..] (a width or precision), advancing *i; ValueError if it
// does not fit an int, as CPython refuses such format strings.
static int parse_count(const char *s, size_t len, size_t *i) {
    int v = 0;
    while (*i < len && s[*i] >= '0' && s[*i] <= '9') {
        if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, s[*i] - '0', &v)) {
            mpf_raise_msg(&mpf_type_ValueError, "Too many decimal digits in format string");
        }
        (*i)++;
    }
    return v;
}

// A '*' width or precision argument [o]: an int that fits a C int.
static int star_count(mpf_obj_t o) {
#if CONFIG_ERROR_MSG_EXACT
    if (!mpf_obj_is_int(o)) {
        mpf_raise_msg(&mpf_type_TypeError, "* wants int");  // (not an __index__ object either)
    }
#endif
    int v = mpf_obj_get_c_int(o);
    return v == INT_MIN ? -INT_MAX : v;   // (its negation must fit too)
}

static void parse_spec(const char *s, size_t len, spec_t *sp) {
    memset(sp, 0, sizeof(*sp));
    sp->width = -1;
    sp->prec = -1;
    sp->fill[0] = ' ';
    sp->fill_len = 1;
    size_t i = 0;
    // fill and align: a (possibly multi-byte) char followed by an align char
    size_t clen = 1;
    if (len > 0) {
        unsigned char c0 = (unsigned char)s[0];
        clen = c0 >= 0xF0 ? 4 : c0 >= 0xE0 ? 3 : c0 >= 0xC0 ? 2 : 1;
    }
    bool fill_set = false;
    if (len > clen && (s[clen] == '<' || s[clen] == '>' || s[clen] == '=' || s[clen] == '^')) {
        fill_set = true;
        memcpy(sp->fill, s, clen);
        sp->fill_len = clen;
        sp->align = s[clen];
        i = clen + 1;
    } else if (len > 0 && (s[0] == '<' || s[0] == '>' || s[0] == '=' || s[0] == '^')) {
        sp->align = s[0];
        i = 1;
    }
    if (i < len && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) {
        sp->sign = s[i++];
    }
    if (i < len && s[i] == 'z') {
        i++;
    }
    if (i < len && s[i] == '#') {
        sp->alt = true;
        i++;
    }
    if (i < len && s[i] == '0') {
        sp->zero = true;
        i++;
    }
    if (i < len && s[i] >= '0' && s[i] <= '9') {
        sp->width = parse_count(s, len, &i);
    }
    if (i < len && (s[i] == ',' || s[i] == '_')) {
        sp->group = s[i++];
    }
    if (i < len && s[i] == '.') {
        i++;
        if (i >= len || !(s[i] >= '0' && s[i] <= '9')) {
            mpf_raise_msg(&mpf_type_ValueError, "Format specifier missing precision");
        }
        sp->prec = parse_count(s, len, &i);
    }
    if (i < len) {
        sp->type = s[i++];
    }
    if (i < len) {
        mpf_raise_msg(&mpf_type_ValueError, "Invalid format specifier");
    }
    if (sp->zero && !fill_set) {
        // '0' fills with zeros whatever the alignment ("{:<06}" is '500000'), and
        // implies '=' when none is given
        sp->fill[0] = '0';
        sp->fill_len = 1;
        if (sp->align == 0) {
            sp->align = '=';
            sp->zero_align = true;
        }
    }
}

// Emit [body] (digits etc., no sign) with [sign_prefix] padded per [sp] into [v].
static void pad_out(mpf_vstr_t *v, const spec_t *sp, const char *prefix, size_t plen, const char *body, size_t blen, char def_align) {
    char align = sp->align ? sp->align : def_align;
    size_t chars = mpf_utf8_charlen((const uint8_t *)prefix, plen) + mpf_utf8_charlen((const uint8_t *)body, blen);
    size_t pad = sp->width > 0 && (size_t)sp->width > chars ? (size_t)sp->width - chars : 0;
    size_t left = 0, right = 0;
    switch (align) {
        case '<':
            right = pad;
            break;
        case '^':
            left = pad / 2;
            right = pad - left;
            break;
        default:
            left = pad;
            break;
    }
    if (align == '=') {
        mpf_vstr_add_strn(v, prefix, plen);
        for (size_t i = 0; i < left; i++) {
            mpf_vstr_add_strn(v, sp->fill, sp->fill_len);
        }
        mpf_vstr_add_strn(v, body, blen);
        return;
    }
    for (size_t i = 0; i < left; i++) {
        mpf_vstr_add_strn(v, sp->fill, sp->fill_len);
    }
    mpf_vstr_add_strn(v, prefix, plen);
    mpf_vstr_add_strn(v, body, blen);
    for (size_t i = 0; i < right; i++) {
        mpf_vstr_add_strn(v, sp->fill, sp->fill_len);
    }
}

// Insert [sep] every 3 (or [every]) digits into the integer part of [s].
static mpf_vstr_t group_digits(const char *s, size_t len, char sep, int every) {
    size_t int_len = 0;
    while (int_len < len && s[int_len] >= '0' && s[int_len] <= '9') {
        int_len++;
    }
    if (int_len == 0) {
        // hex digits
        while (int_len < len && ((s[int_len] >= '0' && s[int_len] <= '9') || ((s[int_len] | 0x20) >= 'a' && (s[int_len] | 0x20) <= 'f'))) {
            int_len++;
        }
    }
    mpf_vstr_t v;
    mpf_vstr_init(&v, len + len / 3 + 2);
    for (size_t i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % (size_t)every == 0) {
            mpf_vstr_add_char(&v, sep);
        }
        mpf_vstr_add_char(&v, s[i]);
    }
    mpf_vstr_add_strn(&v, s + int_len, len - int_len);
    return v;
}

static void sign_prefix(char *prefix, size_t *plen, bool neg, char sign) {
    *plen = 0;
    if (neg) {
        prefix[(*plen)++] = '-';
    } else if (sign == '+') {
        prefix[(*plen)++] = '+';
    } else if (sign == ' ') {
        prefix[(*plen)++] = ' ';
    }
}

static void format_int(mpf_vstr_t *out, mpf_obj_t o, const spec_t *sp) {
    int base = 10;
    bool upper = false;
    const char *pre = "";
    switch (sp->type) {
        case 'b':
            base = 2;
            pre = "0b";
            break;
        case 'o':
            base = 8;
            pre = "0o";
            break;
        case 'x':
            base = 16;
            pre = "0x";
            break;
        case 'X':
            base = 16;
            pre = "0X";
            upper = true;
            break;
        case 'c': {
            mpf_int_t c = mpf_obj_get_int(o);
            if (c < 0 || c > 0x10FFFF) {
                mpf_raise_msg(&mpf_type_OverflowError, "%c arg not in range(0x110000)");
            }
            char buf[4];
            size_t n = 0;
            if (c < 0x80) {
                buf[n++] = (char)c;
            } else if (c < 0x800) {
                buf[n++] = (char)(0xC0 | (c >> 6));
                buf[n++] = (char)(0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                buf[n++] = (char)(0xE0 | (c >> 12));
                buf[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
                buf[n++] = (char)(0x80 | (c & 0x3F));
            } else {
                buf[n++] = (char)(0xF0 | (c >> 18));
                buf[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
                buf[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
                buf[n++] = (char)(0x80 | (c & 0x3F));
            }
            pad_out(out, sp, "", 0, buf, n, '>');  // an int: right-aligned by default
            return;
        }
        default:
            break;
    }
    bool neg = mpf_int_sign(o) < 0;
    if (neg) {
        o = mpf_unary_op(MPF_UNARY_OP_NEGATIVE, o);
    }
    mpf_vstr_t digits;
    mpf_vstr_init(&digits, 24);
    mpf_print_t p;
    mpf_vstr_print(&digits, &p);
    mpf_int_print(&p, o, base, upper);
    char prefix[8];
    size_t plen;
    sign_prefix(prefix, &plen, neg, sp->sign);
    if (sp->alt && *pre) {
        prefix[plen++] = pre[0];
        prefix[plen++] = pre[1];
    }
    if (sp->group) {
        mpf_vstr_t g = group_digits(digits.buf, digits.len, sp->group, base == 10 ? 3 : 4);
        if (sp->align == '=' && sp->fill[0] == '0' && sp->width > 0) {
            // zero padding also gets separators: pad digits first
            size_t want = (size_t)sp->width > plen ? (size_t)sp->width - plen : 0;
            while (g.len < want) {
                mpf_vstr_t d2;
                mpf_vstr_init(&d2, digits.len + 2);
                mpf_vstr_add_char(&d2, '0');
                mpf_vstr_add_strn(&d2, digits.buf, digits.len);
                digits = d2;
                g = group_digits(digits.buf, digits.len, sp->group, base == 10 ? 3 : 4);
            }
        }
        pad_out(out, sp, prefix, plen, g.buf, g.len, '>');
        return;
    }
    pad_out(out, sp, prefix, plen, digits.buf, digits.len, '>');
}

#if CONFIG_FLOAT
static void format_float(mpf_vstr_t *out, mpf_float_t f, const spec_t *sp) {
    char type = sp->type;
    int prec = sp->prec;
    bool neg = signbit(f) && !(f != f);
    mpf_float_t a = neg ? -f : f;
    mpf_obj_t body;
    bool percent = false;
    if (type == 0 && prec < 0) {
        body = mpf_float_repr_obj(a);
    } else {
        if (type == '%') {
            percent = true;  // (mpf_float_format multiplies by 100)
        } else if (type == 'n') {
            type = 'g';
        }
        if (type && !strchr("eEfFgG%", type)) {
            mpf_raise_fmt(&mpf_type_ValueError, "Unknown format code '%c' for object of type 'float'", sp->type);
        }
        body = mpf_float_format(a, type, prec < 0 ? 6 : prec, sp->alt);
    }
    size_t bl;
    const char *bs = mpf_obj_str_data(body, &bl);
    mpf_vstr_t b;
    mpf_vstr_init(&b, bl + 4);
    if (sp->group) {
        b = group_digits(bs, bl, sp->group, 3);
    } else {
        mpf_vstr_add_strn(&b, bs, bl);
    }
    if (percent) {
        mpf_vstr_add_char(&b, '%');
    }
    char prefix[4];
    size_t plen;
    sign_prefix(prefix, &plen, neg, sp->sign);
    pad_out(out, sp, prefix, plen, b.buf, b.len, '>');
}
#endif

#if CONFIG_BUILTIN_COMPLEX
// format(complex, spec) as CPython: with a presentation type (eEfFgGn) both parts in it,
// the imaginary one always signed, then 'j'; without one, as str() (a precision applies
// to both parts as 'g'), with the real part and parentheses only when it is not +0.
static void format_complex(mpf_vstr_t *out, mpf_obj_t z, const spec_t *sp) {
    if (sp->zero) {  // tested first: a '0' flag also sets '=' alignment
        mpf_raise_msg(&mpf_type_ValueError, "Zero padding is not allowed in complex format specifier");
    }
    if (sp->align == '=') {
        mpf_raise_msg(&mpf_type_ValueError, "'=' alignment flag is not allowed in complex format specifier");
    }
    if (sp->type && !strchr("eEfFgGn", sp->type)) {
        mpf_raise_fmt(&mpf_type_ValueError, "Unknown format code '%c' for object of type 'complex'", sp->type);
    }
    mpf_vstr_t body;
    mpf_vstr_init(&body, 32);
    if (sp->type == 0 && sp->prec < 0) {
        size_t len;
        const char *str = mpf_obj_str_data(mpf_obj_str(z), &len);
        mpf_vstr_add_strn(&body, str, len);
    } else {
        const mpf_complex_obj_t *c = mpf_obj_ptr(z);
        spec_t part = *sp;  // each part unpadded; the whole is padded below
        part.width = -1;
        part.align = 0;
        part.type = sp->type ? sp->type : 'g';
        bool show_real = sp->type != 0 || c->real != 0 || signbit(c->real);
        if (show_real) {
            if (sp->type == 0) {
                mpf_vstr_add_char(&body, '(');
            }
            format_float(&body, c->real, &part);
            part.sign = '+';
        }
        format_float(&body, c->imag, &part);
        mpf_vstr_add_char(&body, 'j');
        if (show_real && sp->type == 0) {
            mpf_vstr_add_char(&body, ')');
        }
    }
    pad_out(out, sp, "", 0, body.buf, body.len, '>');
}
#endif

// An int, float, complex or str (what a class derived from one of them holds and formats).
static bool is_native_number_or_str(mpf_obj_t o) {
#if CONFIG_FLOAT
    if (mpf_obj_is_type(o, &mpf_type_float)) {
        return true;
    }
#endif
#if CONFIG_BUILTIN_COMPLEX
    if (mpf_obj_is_type(o, &mpf_type_complex)) {
        return true;
    }
#endif
    return mpf_obj_is_int(o) || MPF_IS_STR(o);
}

// format(o, spec) into [out].
static void format_into(mpf_vstr_t *out, mpf_obj_t o, const char *s, size_t len) {
    const mpf_type_t *t = mpf_obj_type(o);
    if (t->flags & MPF_TYPE_FLAG_HEAP) {
        mpf_obj_t m = mpf_type_lookup(t, MPF_QSTR___format__);
        if (m != MPF_OBJ_NULL && !mpf_obj_is_type(m, &mpf_type_fun_builtin)) {
            mpf_obj_t r = mpf_call2(m, o, mpf_obj_new_str(s, len));
            if (!MPF_IS_STR(r)) {
                mpf_raise_fmt(&mpf_type_TypeError, "__format__ must return a str, not %T", r);
            }
            size_t rl;
            const char *rs = mpf_obj_str_data(r, &rl);
            mpf_vstr_add_strn(out, rs, rl);
            return;
        }
        // an instance of a class derived from a number type or str: that value's format
        // (an empty spec: str() of the instance, below)
        mpf_obj_t sub = len > 0 ? mpf_obj_native_part(o) : MPF_OBJ_NULL;
        if (sub != MPF_OBJ_NULL && is_native_number_or_str(sub)) {
            o = sub;
            t = mpf_obj_type(o);
        }
    }
    spec_t sp;
    parse_spec(s, len, &sp);
    bool is_bool = o == MPF_OBJ_TRUE || o == MPF_OBJ_FALSE;
    if (mpf_obj_is_int(o) && !(is_bool && len == 0)) {
#if CONFIG_FLOAT
        if (sp.type && strchr("eEfFgG%", sp.type)) {
            format_float(out, mpf_int_to_float(o), &sp);
            return;
        }
#endif
        if (sp.type && !strchr("bcdoxXn", sp.type)) {
            mpf_raise_fmt(&mpf_type_ValueError, "Unknown format code '%c' for object of type 'int'", sp.type);
        }
        if (sp.prec >= 0) {
            mpf_raise_msg(&mpf_type_ValueError, "Precision not allowed in integer format specifier");
        }
        if (sp.type == 'c' && sp.sign) {
            mpf_raise_msg(&mpf_type_ValueError, "Sign not allowed with integer format specifier 'c'");
        }
        format_int(out, o, &sp);
        return;
    }
#if CONFIG_FLOAT
    if (mpf_obj_is_type(o, &mpf_type_float)) {
        format_float(out, ((const mpf_float_obj_t *)mpf_obj_ptr(o))->value, &sp);
        return;
    }
#endif
#if CONFIG_BUILTIN_COMPLEX
    if (mpf_obj_is_type(o, &mpf_type_complex) && len > 0) {
        format_complex(out, o, &sp);
        return;
    }
#endif
    if (MPF_IS_STR_HOT(o) || len == 0 || (t->flags & MPF_TYPE_FLAG_HEAP) || is_bool) {
        if (!MPF_IS_STR_HOT(o) && len > 0 && !is_bool) {
            mpf_raise_fmt(&mpf_type_TypeError, "unsupported format string passed to %T.__format__", o);
        }
        if (sp.type && sp.type != 's') {
            mpf_raise_fmt(&mpf_type_ValueError, "Unknown format code '%c' for object of type '%T'", sp.type, o);
        }
        if (sp.sign) {
            mpf_raise_msg(&mpf_type_ValueError, sp.sign == ' ' ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier");
        }
        if (sp.align == '=') {
            if (!sp.zero_align) {
                mpf_raise_msg(&mpf_type_ValueError, "'=' alignment not allowed in string format specifier");
            }
            sp.align = '<';  // "{:06s}": '0' fills, on the right as for any str
        }
        mpf_obj_t so = mpf_obj_str(o);
        size_t sl;
        const char *ss = mpf_obj_str_data(so, &sl);
        if (sp.prec >= 0) {
            // truncate to prec code points
            size_t i = 0, n = 0;
            while (i < sl && n < (size_t)sp.prec) {
                i++;
                while (i < sl && (ss[i] & 0xC0) == 0x80) {
                    i++;
                }
                n++;
            }
            sl = i;
        }
        pad_out(out, &sp, "", 0, ss, sl, '<');
        return;
    }
    mpf_raise_fmt(&mpf_type_TypeError, "unsupported format string passed to %T.__format__", o);
}

mpf_obj_t mpf_format_obj(mpf_obj_t o, mpf_obj_t spec) {
    size_t len;
    const char *s = mpf_obj_str_data(spec, &len);
    mpf_vstr_t v;
    mpf_vstr_init(&v, 16);
    format_into(&v, o, s, len);
    return mpf_vstr_to_str(&v);
}

// ---------------------------------------------------------------- str.format
static mpf_obj_t lookup_field(const char *name, size_t nlen, size_t *auto_idx, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    // first part: index or identifier
    size_t i = 0;
    while (i < nlen && name[i] != '.' && name[i] != '[') {
        i++;
    }
    mpf_obj_t v;
    if (i == 0) {
        if (*auto_idx == SIZE_MAX) {
            mpf_raise_msg(&mpf_type_ValueError, "cannot switch from manual field specification to automatic field numbering");
        }
        size_t k = (*auto_idx)++;
        if (k + 1 >= n_args) {
            mpf_raise_fmt(&mpf_type_IndexError, "Replacement index %u out of range for positional args tuple", (unsigned)k);
        }
        v = args[k + 1];
    } else if (name[0] >= '0' && name[0] <= '9') {
        size_t k = 0;
        for (size_t j = 0; j < i; j++) {
            k = k * 10 + (size_t)(name[j] - '0');
        }
        if (*auto_idx != 0 && *auto_idx != SIZE_MAX) {
            mpf_raise_msg(&mpf_type_ValueError, "cannot switch from automatic field numbering to manual field specification");
        }
        *auto_idx = SIZE_MAX;
        if (k + 1 >= n_args) {
            mpf_raise_fmt(&mpf_type_IndexError, "Replacement index %u out of range for positional args tuple", (unsigned)k);
        }
        v = args[k + 1];
    } else {
        mpf_obj_t key = mpf_obj_new_qstr(mpf_qstr_from_strn(name, i));
        v = mpf_arg_kw(n_args, n_kw, args, mpf_obj_qstr_value(key));
        if (v == MPF_OBJ_NULL) {
            mpf_raise_key_error(mpf_obj_new_str(name, i));
        }
    }
    while (i < nlen) {
        if (name[i] == '.') {
            size_t j = ++i;
            while (i < nlen && name[i] != '.' && name[i] != '[') {
                i++;
            }
            v = mpf_load_attr(v, mpf_qstr_from_strn(name + j, i - j));
        } else {
            size_t j = ++i;
            while (i < nlen && name[i] != ']') {
                i++;
            }
            mpf_obj_t key;
            bool digits = i > j;
            for (size_t k = j; k < i; k++) {
                digits = digits && name[k] >= '0' && name[k] <= '9';
            }
            if (digits) {
                mpf_int_t n = 0;
                for (size_t k = j; k < i; k++) {
                    n = n * 10 + (name[k] - '0');
                }
                key = mpf_obj_new_small_int(n);
            } else {
                key = mpf_obj_new_str(name + j, i - j);
            }
            v = mpf_subscr(v, key, MPF_OBJ_SENTINEL);
            i++;
        }
    }
    return v;
}

static void format_str_into(mpf_vstr_t *out, const char *s, size_t len, size_t *auto_idx, size_t n_args, size_t n_kw, const mpf_obj_t *args, int depth) {
    if (depth > 2) {
        mpf_raise_msg(&mpf_type_ValueError, "Max string recursion exceeded");
    }
    size_t i = 0;
    while (i < len) {
        char c = s[i];
        if (c == '}') {
            if (i + 1 < len && s[i + 1] == '}') {
                mpf_vstr_add_char(out, '}');
                i += 2;
                continue;
            }
            mpf_raise_msg(&mpf_type_ValueError, "Single '}' encountered in format string");
        }
        if (c != '{') {
            mpf_vstr_add_char(out, c);
            i++;
            continue;
        }
        if (i + 1 < len && s[i + 1] == '{') {
            mpf_vstr_add_char(out, '{');
            i += 2;
            continue;
        }
        // a replacement field, scanned as CPython does (its errors depend on where the
        // scan stops): the name (brackets quote any character), then '!' and one
        // conversion character, then ':' and a spec whose braces must balance.
        if (i + 1 >= len) {
            mpf_raise_msg(&mpf_type_ValueError, "Single '{' encountered in format string");
        }
        size_t j = i + 1;
        while (j < len && s[j] != '!' && s[j] != ':' && s[j] != '}') {
            if (s[j] == '[') {
                while (j < len && s[j] != ']') {
                    j++;
                }
                if (j >= len) {
                    break;
                }
            } else if (s[j] == '{') {
                mpf_raise_msg(&mpf_type_ValueError, "unexpected '{' in field name");
            }
            j++;
        }
        if (j >= len) {
            mpf_raise_msg(&mpf_type_ValueError, "expected '}' before end of string");
        }
        const char *f = s + i + 1;
        size_t name_end = j - i - 1;
        size_t conv_at = 0;  // index in s of the conversion character, 0 = none
        size_t conv_len = 0;
        if (s[j] == '!') {
            if (j + 1 >= len) {
                mpf_raise_msg(&mpf_type_ValueError, "end of string while looking for conversion specifier");
            }
            conv_at = j + 1;
            // one character: all its UTF-8 bytes
            unsigned char lead = (unsigned char)s[conv_at];
            conv_len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            if (conv_at + conv_len > len) {
                conv_len = len - conv_at;
            }
            j = conv_at + conv_len;
            if (j >= len) {
                mpf_raise_msg(&mpf_type_ValueError, "unmatched '{' in format spec");
            }
            if (s[j] != ':' && s[j] != '}') {
                mpf_raise_msg(&mpf_type_ValueError, "expected ':' after conversion specifier");
            }
        }
        if (s[j] == ':') {
            size_t depth_braces = 1;
            j++;
            while (j < len) {
                if (s[j] == '{') {
                    depth_braces++;
                } else if (s[j] == '}' && --depth_braces == 0) {
                    break;
                }
                j++;
            }
            if (j >= len) {
                mpf_raise_msg(&mpf_type_ValueError, "unmatched '{' in format spec");
            }
        }
        size_t fl = j - i - 1;
        mpf_obj_t v = lookup_field(f, name_end, auto_idx, n_args, n_kw, args);
        size_t k = name_end;
        if (conv_at != 0) {
            char conv = s[conv_at];
            if (conv == 'r') {
                v = mpf_obj_repr(v);
            } else if (conv == 'a') {
                v = mpf_str_ascii(v);
            } else if (conv == 's') {
                v = mpf_obj_str(v);
            } else {
                // shown as CPython does: printable ASCII as itself, else \x and the code point
                if (conv > ' ' && conv < 0x7f) {
                    mpf_raise_fmt(&mpf_type_ValueError, "Unknown conversion specifier %c", conv);
                }
                const unsigned char *u = (const unsigned char *)s + conv_at;
                unsigned cp = conv_len == 1 ? u[0] : u[0] & (0x7Fu >> conv_len);
                for (size_t b = 1; b < conv_len; b++) {
                    cp = (cp << 6) | (u[b] & 0x3Fu);
                }
                mpf_raise_fmt(&mpf_type_ValueError, "Unknown conversion specifier \\x%x", cp);
            }
            k += 1 + conv_len;
        }
        const char *spec = "";
        size_t spec_len = 0;
        mpf_vstr_t nested;
        if (k < fl && f[k] == ':') {
            spec = f + k + 1;
            spec_len = fl - k - 1;
            if (memchr(spec, '{', spec_len) != NULL) {
                mpf_vstr_init(&nested, spec_len + 8);
                format_str_into(&nested, spec, spec_len, auto_idx, n_args, n_kw, args, depth + 1);
                spec = nested.buf;
                spec_len = nested.len;
            }
        }
        format_into(out, v, spec, spec_len);
        i = j + 1;
    }
}

// str.format(self, *args, **kwargs): args[0] is the format string.
mpf_obj_t mpf_str_format_fn(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    size_t len;
    const char *s = mpf_obj_str_data(args[0], &len);
    mpf_vstr_t v;
    mpf_vstr_init(&v, len + 16);
    size_t auto_idx = 0;
    format_str_into(&v, s, len, &auto_idx, n_args, n_kw, args, 0);
    return mpf_vstr_to_str(&v);
}

// ---------------------------------------------------------------- % formatting
// The int a %d/%i/%u (or, [need_index], %o/%x/%X) conversion formats for [val]: ints
// as they are, floats truncated (%d only), else __int__/__index__ of a class as
// CPython's PyNumber_Long / _PyNumber_Index do. Raises TypeError otherwise.
static mpf_obj_t percent_int_arg(mpf_obj_t val, char conv, bool need_index) {
    if (mpf_obj_is_int(val)) {
        return val;
    }
#if CONFIG_FLOAT
    if (!need_index && mpf_obj_is_type(val, &mpf_type_float)) {
        return mpf_int_from_float(((const mpf_float_obj_t *)mpf_obj_ptr(val))->value);
    }
#endif
    const mpf_type_t *t = mpf_obj_type(val);
    if (t->flags & MPF_TYPE_FLAG_HEAP) {
        // an instance of a class derived from int (float): its int (truncated float), whatever
        // its __int__
        mpf_obj_t sub = mpf_obj_native_number(val);
        if (sub != MPF_OBJ_NULL && (!need_index || mpf_obj_is_int(sub))) {
            return percent_int_arg(sub, conv, need_index);
        }
        mpf_obj_t m = need_index ? MPF_OBJ_NULL : mpf_type_lookup(t, MPF_QSTR___int__);
        if (m == MPF_OBJ_NULL) {
            m = mpf_type_lookup(t, MPF_QSTR___index__);
        }
        if (m != MPF_OBJ_NULL) {
            mpf_obj_t r = mpf_call1(m, val);
            if (!mpf_obj_is_int(r)) {
                mpf_raise_fmt(&mpf_type_TypeError, "__%s__ returned non-int (type %T)", need_index ? "index" : "int", r);
            }
            return r;
        }
    }
    mpf_raise_fmt(&mpf_type_TypeError, need_index ? "%%%c format: an integer is required, not %T" : "%%%c format: a real number is required, not %T", conv, val);
}

// The bytes a bytes-format %s / %b inserts for [val]: a buffer's contents or what
// __bytes__ returns. [*len] gets the length.
static const char *percent_bytes_arg(mpf_obj_t val, size_t *len) {
    if (mpf_obj_is_type(val, &mpf_type_bytes)) {
        return mpf_obj_str_data(val, len);
    }
    mpf_buffer_t b;
    if (!MPF_IS_STR(val) && mpf_obj_get_buffer(val, &b, false)) {
        *len = b.len;
        return b.buf;
    }
    mpf_obj_t own = mpf_bytes_dunder(val);
    if (own != MPF_OBJ_NULL) {
        return mpf_obj_str_data(own, len);
    }
    mpf_raise_fmt(&mpf_type_TypeError, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%T'", val);
}

// Whether [o] is bytes (or of a bytes subclass) or a bytearray.
static bool is_bytes_or_bytearray(mpf_obj_t o) {
    const mpf_type_t *t = mpf_obj_type(o);
    if (t->flags & MPF_TYPE_FLAG_HEAP) {
        t = mpf_type_native_base(t);
    }
#if CONFIG_BUILTIN_BYTEARRAY
    return t == &mpf_type_bytes || t == &mpf_type_bytearray;
#else
    return t == &mpf_type_bytes;
#endif
}

// printf-style [fmt] % [arg] for a str or bytes [fmt]; the result has fmt's type.
mpf_obj_t mpf_str_modulo(mpf_obj_t fmt, mpf_obj_t arg) {
    size_t len;
    const char *s = mpf_obj_str_data(fmt, &len);
    bool is_bytes = !MPF_IS_STR(fmt);
    size_t n_items = 1;
    mpf_obj_t *items = &arg;
    mpf_obj_t dict = MPF_OBJ_NULL;
    mpf_obj_t targ = arg;
    if ((mpf_obj_type(arg)->flags & (MPF_TYPE_FLAG_HEAP | MPF_TYPE_FLAG_METATYPE)) == MPF_TYPE_FLAG_HEAP && !mpf_obj_is_exception(arg) &&
        mpf_obj_is_type(((const mpf_instance_t *)mpf_obj_ptr(arg))->subobj, &mpf_type_tuple)) {
        targ = ((const mpf_instance_t *)mpf_obj_ptr(arg))->subobj;  // a tuple subclass (namedtuple)
    }
    if (mpf_obj_is_type(targ, &mpf_type_tuple) ||
        (!(mpf_obj_type(targ)->flags & MPF_TYPE_FLAG_HEAP) && mpf_type_parent(mpf_obj_type(targ)) == &mpf_type_tuple)) {
        mpf_obj_get_array(targ, &n_items, &items);  // a tuple, or a native tuple subtype (os.uname())
    } else if (!MPF_IS_STR(arg) && !(is_bytes && is_bytes_or_bytearray(arg)) &&
               ((mpf_obj_type(arg)->flags & MPF_TYPE_FLAG_HEAP) ? mpf_type_lookup(mpf_obj_type(arg), MPF_QSTR___getitem__) != MPF_OBJ_NULL
                                                                                  : mpf_type_get_subscr(mpf_type_slots(mpf_obj_type(arg))) != NULL)) {
        // a mapping, as CPython takes it: what can be subscripted, but a str or a tuple (a
        // dict, an instance's or a class's __dict__ view, a class with __getitem__), and to
        // format bytes not bytes or a bytearray either
        dict = arg;
    }
    size_t ai = 0;
    mpf_vstr_t v;
    mpf_vstr_init(&v, len + 16);
    bool used_dict = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '%') {
            mpf_vstr_add_char(&v, s[i]);
            continue;
        }
        if (++i >= len) {
            mpf_raise_msg(&mpf_type_ValueError, "incomplete format");
        }
        mpf_obj_t val = MPF_OBJ_NULL;
        if (s[i] == '(') {
            size_t j = ++i;
            int nest = 1;
            while (i < len && nest > 0) {
                if (s[i] == '(') {
                    nest++;
                } else if (s[i] == ')') {
                    nest--;
                }
                if (nest > 0) {
                    i++;
                }
            }
            if (dict == MPF_OBJ_NULL) {
                mpf_raise_msg(&mpf_type_TypeError, "format requires a mapping");
            }
            mpf_obj_t key = mpf_obj_new_str_of_type(is_bytes ? &mpf_type_bytes : &mpf_type_str, s + j, i - j);
            val = mpf_subscr(dict, key, MPF_OBJ_SENTINEL);
            used_dict = true;
            ai = n_items;  // as CPython: no positional spec may follow a keyed one
            i++;
        }
        spec_t sp;
        memset(&sp, 0, sizeof(sp));
        sp.fill[0] = ' ';
        sp.fill_len = 1;
        sp.width = -1;
        sp.prec = -1;
        bool left = false;
        for (; i < len; i++) {
            if (s[i] == '-') {
                left = true;
            } else if (s[i] == '+') {
                sp.sign = '+';
            } else if (s[i] == ' ') {
                if (sp.sign != '+') {
                    sp.sign = ' ';
                }
            } else if (s[i] == '#') {
                sp.alt = true;
            } else if (s[i] == '0') {
                sp.zero = true;
            } else {
                break;
            }
        }
        if (i < len && s[i] == '*') {
            if (ai >= n_items) {
                mpf_raise_msg(&mpf_type_TypeError, "not enough arguments for format string");
            }
            sp.width = star_count(items[ai++]);
            if (sp.width < 0) {
                left = true;
                sp.width = -sp.width;
            }
            i++;
        } else {
            if (i < len && s[i] >= '0' && s[i] <= '9') {
                sp.width = parse_count(s, len, &i);
            }
        }
        if (i < len && s[i] == '.') {
            i++;
            sp.prec = 0;
            if (i < len && s[i] == '*') {
                if (ai >= n_items) {
                    mpf_raise_msg(&mpf_type_TypeError, "not enough arguments for format string");
                }
                sp.prec = star_count(items[ai++]);
                i++;
            } else {
                sp.prec = parse_count(s, len, &i);
            }
        }
        while (i < len && (s[i] == 'l' || s[i] == 'h' || s[i] == 'L')) {
            i++;
        }
        if (i >= len) {
            mpf_raise_msg(&mpf_type_ValueError, "incomplete format");
        }
        char conv = s[i];
        if (conv == '%') {
            mpf_vstr_add_char(&v, '%');
            continue;
        }
        if (val == MPF_OBJ_NULL) {
            // a mapping argument is the one positional item (once, and not after a key)
            if (ai >= n_items) {
                mpf_raise_msg(&mpf_type_TypeError, "not enough arguments for format string");
            }
            val = items[ai++];
        }
        sp.align = left ? '<' : (sp.zero && strchr("diouxXeEfFgG", conv) ? '=' : '>');
        if (sp.zero && !left && strchr("diouxXeEfFgG", conv)) {
            sp.fill[0] = '0';
        }
        if (is_bytes && conv == 'b') {
            conv = 's';  // %b is the bytes spelling of %s
        }
        switch (conv) {
            case 'd':
            case 'i':
            case 'u': {
                val = percent_int_arg(val, conv, false);
                sp.type = 'd';
                if (sp.prec >= 0) {
                    // precision = minimum digits
                    bool neg = mpf_int_sign(val) < 0;
                    mpf_vstr_t d;
                    mpf_vstr_init(&d, 16);
                    mpf_print_t p;
                    mpf_vstr_print(&d, &p);
                    mpf_int_print(&p, neg ? mpf_unary_op(MPF_UNARY_OP_NEGATIVE, val) : val, 10, false);
                    mpf_vstr_t z;
                    mpf_vstr_init(&z, d.len + (size_t)sp.prec);
                    for (size_t k = d.len; k < (size_t)sp.prec; k++) {
                        mpf_vstr_add_char(&z, '0');
                    }
                    mpf_vstr_add_strn(&z, d.buf, d.len);
                    char prefix[2];
                    size_t plen;
                    sign_prefix(prefix, &plen, neg, sp.sign);
                    pad_out(&v, &sp, prefix, plen, z.buf, z.len, '>');
                    break;
                }
                format_int(&v, val, &sp);
                break;
            }
            case 'o':
            case 'x':
            case 'X':
                val = percent_int_arg(val, conv, true);
                sp.type = conv;
                if (sp.prec >= 0) {
                    bool neg = mpf_int_sign(val) < 0;
                    mpf_vstr_t d;
                    mpf_vstr_init(&d, 16);
                    mpf_print_t p;
                    mpf_vstr_print(&d, &p);
                    mpf_int_print(&p, neg ? mpf_unary_op(MPF_UNARY_OP_NEGATIVE, val) : val, conv == 'o' ? 8 : 16, conv == 'X');
                    mpf_vstr_t z;
                    mpf_vstr_init(&z, d.len + (size_t)sp.prec);
                    for (size_t k = d.len; k < (size_t)sp.prec; k++) {
                        mpf_vstr_add_char(&z, '0');
                    }
                    mpf_vstr_add_strn(&z, d.buf, d.len);
                    char prefix[4];
                    size_t plen;
                    sign_prefix(prefix, &plen, neg, sp.sign);
                    if (sp.alt) {
                        prefix[plen++] = '0';
                        prefix[plen++] = conv == 'o' ? 'o' : conv;
                    }
                    pad_out(&v, &sp, prefix, plen, z.buf, z.len, '>');
                    break;
                }
                format_int(&v, val, &sp);
                break;
            case 'c': {
                if (is_bytes) {
                    // one raw byte: an int in range(256) or a bytes-like object of length 1
                    size_t cl = 0;
                    char byte = 0;
                    mpf_int_t iv;
                    mpf_buffer_t cb;
                    if (mpf_obj_is_int(val) && mpf_obj_get_int_maybe(val, &iv) && iv >= 0 && iv < 256) {
                        byte = (char)iv;
                        cl = 1;
                    } else if (!MPF_IS_STR(val) && !mpf_obj_is_int(val) && mpf_obj_get_buffer(val, &cb, false) && cb.len == 1) {
                        byte = *(const char *)cb.buf;
                        cl = 1;
                    }
                    if (cl == 0) {
                        mpf_raise_msg(mpf_obj_is_int(val) ? &mpf_type_OverflowError : &mpf_type_TypeError,
                            mpf_obj_is_int(val) ? "%c arg not in range(256)" : "%c requires an integer in range(256) or a single byte");
                    }
                    pad_out(&v, &sp, "", 0, &byte, 1, '>');
                    break;
                }
                if (MPF_IS_STR_HOT(val)) {
                    size_t cl;
                    const char *cs = mpf_obj_str_data(val, &cl);
                    if (mpf_utf8_charlen((const uint8_t *)cs, cl) != 1) {
                        mpf_raise_msg(&mpf_type_TypeError, "%c requires int or char");
                    }
                    pad_out(&v, &sp, "", 0, cs, cl, '>');
                } else {
                    mpf_int_t iv;
                    if (!mpf_obj_is_int(val) && !mpf_obj_get_int_maybe(val, &iv)) {
                        mpf_raise_msg(&mpf_type_TypeError, "%c requires int or char");
                    }
                    sp.type = 'c';
                    if (sp.align == 0) {
                        sp.align = '>';
                    }
                    format_int(&v, val, &sp);
                }
                break;
            }
#if CONFIG_FLOAT
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G': {
                mpf_float_t f = mpf_obj_get_float(val);  // float, int, or __float__
                sp.type = conv;
                if (sp.prec < 0) {
                    sp.prec = 6;
                }
                format_float(&v, f, &sp);
                break;
            }
#endif
            case 's':
            case 'r':
            case 'a': {
                size_t sl;
                const char *ss;
                if (is_bytes && conv == 's') {
                    ss = percent_bytes_arg(val, &sl);
                } else {
                    mpf_obj_t so = conv == 's' ? mpf_obj_str(val) : conv == 'a' ? mpf_str_ascii(val) : mpf_obj_repr(val);
                    ss = mpf_obj_str_data(so, &sl);
                }
                if (sp.prec >= 0 && (size_t)sp.prec < sl) {
                    sl = (size_t)sp.prec;
                }
                sp.fill[0] = ' ';
                pad_out(&v, &sp, "", 0, ss, sl, '>');
                break;
            }
            default:
                mpf_raise_fmt(&mpf_type_ValueError, "unsupported format character '%c' (0x%x) at index %u", conv, (unsigned)(unsigned char)conv, (unsigned)i);
        }
    }
    if (ai < n_items && !used_dict && dict == MPF_OBJ_NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, "not all arguments converted during %s formatting", is_bytes ? "bytes" : "string");
    }
    return is_bytes ? mpf_vstr_to_bytes(&v) : mpf_vstr_to_str(&v);
}
