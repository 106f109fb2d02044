// mod_json.c -- the json module: dumps(), loads(), dump(), load(), JSONDecodeError.
//
// The encoder writes into one growable buffer (a vstr) in a single recursive walk;
// its options are CPython's: skipkeys, ensure_ascii, allow_nan, indent, separators,
// default, sort_keys (check_circular and cls are accepted; circular references are
// always detected). The decoder is a recursive-descent parser over the UTF-8 bytes of
// the document with CPython's error messages and positions (in characters).
#include <math.h>

#include "mpf_int.h"

// ================================================================ encoder
typedef struct enc {
    mpf_vstr_t out;
    bool skipkeys, ensure_ascii, allow_nan, sort_keys;
    bool has_indent;
    mpf_obj_t indent;       // str to repeat per level (when has_indent)
    const char *item_sep;   // ", " or ","
    size_t item_sep_len;
    const char *key_sep;    // ": "
    size_t key_sep_len;
    mpf_obj_t default_fn;   // callable or NULL
} enc_t;

// The containers being encoded, innermost first: a chain on the C stack.
typedef struct enc_parent {
    const struct enc_parent *up;
    mpf_obj_t obj;
} enc_parent_t;

static void enc_str(enc_t *e, const char *s, size_t n) {
    mpf_vstr_add_strn(&e->out, s, n);
}

static inline void enc_cstr(enc_t *e, const char *s) {
    enc_str(e, s, strlen(s));
}

static void enc_hex4(enc_t *e, uint32_t u) {
    static const char hex[] = "0123456789abcdef";
    char b[6] = {'\\', 'u', hex[(u >> 12) & 15], hex[(u >> 8) & 15], hex[(u >> 4) & 15], hex[u & 15]};
    enc_str(e, b, 6);
}

// Decode one UTF-8 sequence at s[*i] (advancing *i); malformed bytes decode as themselves.
static uint32_t utf8_next(const uint8_t *s, size_t len, size_t *i) {
    uint8_t c = s[(*i)++];
    if (c < 0x80) {
        return c;
    }
    int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    uint32_t u = c & (0x3f >> extra);
    for (int k = 0; k < extra && *i < len && (s[*i] & 0xc0) == 0x80; k++) {
        u = (u << 6) | (s[(*i)++] & 0x3f);
    }
    return u;
}

// A JSON string literal for the UTF-8 text [s].
static void enc_quoted(enc_t *e, const uint8_t *s, size_t len) {
    mpf_vstr_add_char(&e->out, '"');
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        uint32_t u = utf8_next(s, len, &i);
        switch (u) {
            case '"':
                enc_str(e, "\\\"", 2);
                continue;
            case '\\':
                enc_str(e, "\\\\", 2);
                continue;
            case '\n':
                enc_str(e, "\\n", 2);
                continue;
            case '\r':
                enc_str(e, "\\r", 2);
                continue;
            case '\t':
                enc_str(e, "\\t", 2);
                continue;
            case '\b':
                enc_str(e, "\\b", 2);
                continue;
            case '\f':
                enc_str(e, "\\f", 2);
                continue;
            default:
                break;
        }
        if (u < 0x20 || (u == 0x7f && e->ensure_ascii)) {
            enc_hex4(e, u);
        } else if (u < 0x80 || !e->ensure_ascii) {
            enc_str(e, (const char *)s + start, i - start);
        } else if (u < 0x10000) {
            enc_hex4(e, u);
        } else {
            u -= 0x10000;
            enc_hex4(e, 0xd800 | (u >> 10));
            enc_hex4(e, 0xdc00 | (u & 0x3ff));
        }
    }
    mpf_vstr_add_char(&e->out, '"');
}

static void enc_newline(enc_t *e, size_t level) {
    mpf_vstr_add_char(&e->out, '\n');
    size_t n;
    const char *ind = mpf_obj_str_data(e->indent, &n);
    for (size_t i = 0; i < level; i++) {
        enc_str(e, ind, n);
    }
}

#if CONFIG_FLOAT
static void enc_float(enc_t *e, mpf_obj_t o) {
    mpf_float_t f = mpf_obj_get_float(o);
    if (f != f || f - f != 0) {
        if (!e->allow_nan) {
            mpf_raise_fmt(&mpf_type_ValueError, "Out of range float values are not JSON compliant");
        }
        enc_cstr(e, f != f ? "NaN" : f > 0 ? "Infinity" : "-Infinity");
        return;
    }
    mpf_print_t p;
    mpf_vstr_print(&e->out, &p);
    mpf_obj_print(&p, o, MPF_PRINT_REPR);
}
#endif

// The native tuple/list/dict of [o], unwrapping instances of subclasses of them.
static mpf_obj_t native_of(mpf_obj_t o) {
    mpf_obj_t so = mpf_obj_native_part(o);
    return so != MPF_OBJ_NULL ? so : o;
}

static void enc_value(enc_t *e, mpf_obj_t o, const enc_parent_t *up, size_t level);

static void check_circular(const enc_parent_t *up, mpf_obj_t o) {
    for (; up != NULL; up = up->up) {
        if (up->obj == o) {
            mpf_raise_msg(&mpf_type_ValueError, "Circular reference detected");
        }
    }
}

static void enc_array(enc_t *e, const mpf_obj_t *items, size_t n, const enc_parent_t *me, size_t level) {
    if (n == 0) {
        enc_str(e, "[]", 2);
        return;
    }
    mpf_vstr_add_char(&e->out, '[');
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            enc_str(e, e->item_sep, e->item_sep_len);
        }
        if (e->has_indent) {
            enc_newline(e, level + 1);
        }
        enc_value(e, items[i], me, level + 1);
    }
    if (e->has_indent) {
        enc_newline(e, level);
    }
    mpf_vstr_add_char(&e->out, ']');
}

// A dict key as JSON text; false if the key is to be skipped (skipkeys).
static bool enc_key(enc_t *e, mpf_obj_t k) {
    if (MPF_IS_STR_HOT(k)) {
        size_t n;
        const char *s = mpf_obj_str_data(k, &n);
        enc_quoted(e, (const uint8_t *)s, n);
        return true;
    }
    mpf_vstr_t tmp;
    mpf_vstr_init(&tmp, 16);
    mpf_print_t p;
    mpf_vstr_print(&tmp, &p);
    if (k == MPF_OBJ_TRUE || k == MPF_OBJ_FALSE || k == MPF_OBJ_NONE) {
        mpf_print_str(&p, k == MPF_OBJ_TRUE ? "true" : k == MPF_OBJ_FALSE ? "false" : "null");
    } else if (mpf_obj_is_int(k)) {
        mpf_obj_print(&p, k, MPF_PRINT_STR);
#if CONFIG_FLOAT
    } else if (mpf_obj_is_type(k, &mpf_type_float)) {
        mpf_float_t f = mpf_obj_get_float(k);
        if (f != f || f - f != 0) {
            if (!e->allow_nan) {
                mpf_raise_fmt(&mpf_type_ValueError, "Out of range float values are not JSON compliant");
            }
            mpf_print_str(&p, f != f ? "NaN" : f > 0 ? "Infinity" : "-Infinity");
        } else {
            mpf_obj_print(&p, k, MPF_PRINT_REPR);
        }
#endif
    } else if (e->skipkeys) {
        return false;
    } else {
        mpf_raise_fmt(&mpf_type_TypeError, "keys must be str, int, float, bool or None, not %T", k);
    }
    enc_quoted(e, (const uint8_t *)tmp.buf, tmp.len);
    return true;
}

static void enc_dict(enc_t *e, mpf_obj_t d, const enc_parent_t *me, size_t level) {
    mpf_map_t *m = mpf_dict_map(d);
    if (m->count == 0) {
        enc_str(e, "{}", 2);
        return;
    }
    // keys in insertion order, or sorted
    mpf_obj_t keys = mpf_obj_new_list(0, NULL);
    for (size_t i = 0; i < m->used; i++) {
        if (m->elems[i].key != MPF_OBJ_NULL) {
            mpf_list_append(keys, m->elems[i].key);
        }
    }
    if (e->sort_keys) {
        mpf_list_sort(keys, MPF_OBJ_NULL, false);
    }
    const mpf_list_t *kl = mpf_obj_ptr(keys);
    mpf_vstr_add_char(&e->out, '{');
    bool first = true;
    for (size_t i = 0; i < kl->len; i++) {
        mpf_obj_t k = kl->items[i];
        mpf_map_elem_t *el = mpf_map_lookup(m, k, MPF_MAP_LOOKUP);
        if (el == NULL) {
            continue;
        }
        size_t mark = e->out.len;
        if (!first) {
            enc_str(e, e->item_sep, e->item_sep_len);
        }
        if (e->has_indent) {
            enc_newline(e, level + 1);
        }
        if (!enc_key(e, k)) {
            e->out.len = mark;
            continue;
        }
        first = false;
        enc_str(e, e->key_sep, e->key_sep_len);
        enc_value(e, el->value, me, level + 1);
    }
    if (first) {
        e->out.len--;  // every key skipped: "{}"
        enc_str(e, "{}", 2);
        return;
    }
    if (e->has_indent) {
        enc_newline(e, level);
    }
    mpf_vstr_add_char(&e->out, '}');
}

static void enc_value(enc_t *e, mpf_obj_t o, const enc_parent_t *up, size_t level) {
    mpf_stack_check();
    if (o == MPF_OBJ_NONE) {
        enc_str(e, "null", 4);
        return;
    } else if (o == MPF_OBJ_TRUE) {
        enc_str(e, "true", 4);
        return;
    } else if (o == MPF_OBJ_FALSE) {
        enc_str(e, "false", 5);
        return;
    }
    // of a class derived from str, int or float: that value
    mpf_obj_t sub = mpf_obj_native_part(o);
    if (sub != MPF_OBJ_NULL && (MPF_IS_STR(sub) || mpf_obj_native_number(o) != MPF_OBJ_NULL)) {
        o = sub;
    }
    if (MPF_IS_STR_HOT(o)) {
        size_t n;
        const char *s = mpf_obj_str_data(o, &n);
        enc_quoted(e, (const uint8_t *)s, n);
        return;
    } else if (mpf_obj_is_int(o)) {
        mpf_print_t p;
        mpf_vstr_print(&e->out, &p);
        mpf_obj_print(&p, native_of(o), MPF_PRINT_STR);
        return;
    }
#if CONFIG_FLOAT
    if (mpf_obj_is_type(o, &mpf_type_float)) {
        enc_float(e, o);
        return;
    }
#endif
    const mpf_type_t *t = mpf_obj_type(o);
    enc_parent_t me = {up, o};
    if (mpf_type_is_subclass(t, &mpf_type_list) || mpf_type_is_subclass(t, &mpf_type_tuple)) {
        check_circular(up, o);
        size_t n;
        mpf_obj_t *items;
        mpf_obj_get_array(native_of(o), &n, &items);
        enc_array(e, items, n, &me, level);
        return;
    }
    mpf_obj_t members = mpf_type_instance_dict_copy(o, NULL);
    if (members != MPF_OBJ_NULL) {
        o = members;   // an instance's __dict__ (a view of its members): a dict of them
        t = &mpf_type_dict;
        me.obj = o;
    }
    if (mpf_type_is_subclass(t, &mpf_type_dict)) {
        check_circular(up, o);
        enc_dict(e, o, &me, level);
        return;
    }
    if (t == &mpf_type_bytes && e->default_fn == MPF_OBJ_NULL) {
        // MicroPython's extension: bytes encode as the string of their bytes (CPython
        // raises TypeError; with default= given, default decides, as there)
        size_t n;
        const char *s = mpf_obj_str_data(o, &n);
        enc_quoted(e, (const uint8_t *)s, n);
        return;
    }
    if (e->default_fn != MPF_OBJ_NULL) {
        check_circular(up, o);
        enc_value(e, mpf_call1(e->default_fn, o), &me, level);
        return;
    }
    mpf_raise_fmt(&mpf_type_TypeError, "Object of type %T is not JSON serializable", o);
}

// dumps(obj, *, skipkeys, ensure_ascii, check_circular, allow_nan, cls, indent,
// separators, default, sort_keys)
static mpf_obj_t json_dumps_impl(mpf_obj_t obj, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    // (CPython's JSONEncoder's keywords: one it does not take is its TypeError, not ignored)
    static const mpf_qstr_t kws[] = {MPF_QSTR_skipkeys, MPF_QSTR_ensure_ascii, MPF_QSTR_check_circular, MPF_QSTR_allow_nan,
        MPF_QSTR_cls, MPF_QSTR_indent, MPF_QSTR_separators, MPF_QSTR_default, MPF_QSTR_sort_keys};
    mpf_obj_t a[9];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTRE_JSONEncoder_2e_5f_5finit_5f_5f, n_args) | MPF_ARG_PY_STYLE, 0, 9, kws, a);
    enc_t e;
    mpf_vstr_init(&e.out, 64);
    e.skipkeys = a[0] != MPF_OBJ_NULL && mpf_obj_is_true(a[0]);
    e.ensure_ascii = a[1] == MPF_OBJ_NULL || mpf_obj_is_true(a[1]);
    e.allow_nan = a[3] == MPF_OBJ_NULL || mpf_obj_is_true(a[3]);
    e.sort_keys = a[8] != MPF_OBJ_NULL && mpf_obj_is_true(a[8]);
    e.default_fn = a[7] != MPF_OBJ_NONE ? a[7] : MPF_OBJ_NULL;
    mpf_obj_t v = a[5];
    e.has_indent = v != MPF_OBJ_NULL && v != MPF_OBJ_NONE;
    e.item_sep = e.has_indent ? "," : ", ";
    e.item_sep_len = e.has_indent ? 1 : 2;
    e.key_sep = ": ";
    e.key_sep_len = 2;
    if (e.has_indent) {
        if (MPF_IS_STR_HOT(v)) {
            e.indent = v;
        } else {
            mpf_int_t n = mpf_obj_get_int(v);
            mpf_vstr_t sp;
            mpf_vstr_init(&sp, n > 0 ? (size_t)n : 1);
            for (mpf_int_t i = 0; i < n; i++) {
                mpf_vstr_add_char(&sp, ' ');
            }
            e.indent = mpf_vstr_to_str(&sp);
        }
    }
    v = a[6];
    if (v != MPF_OBJ_NULL && v != MPF_OBJ_NONE) {
        size_t n;
        mpf_obj_t *items;
        mpf_obj_t t = mpf_tuple_from_iter(v);
        mpf_obj_get_array(t, &n, &items);
        if (n != 2) {
            // (CPython unpacks the pair: the VM's texts)
            if (n < 2) {
                mpf_raise_fmt(&mpf_type_ValueError, "not enough values to unpack (expected %u, got %u)", 2u, (unsigned)n);
            }
            mpf_raise_fmt(&mpf_type_ValueError, "too many values to unpack (expected %u)", 2u);
        }
        for (size_t i = 2; i-- > 0;) {
            if (!MPF_IS_STR_HOT(items[i])) {
                // (CPython's C encoder takes the key separator as argument 5, the item one as 6)
                mpf_raise_fmt(&mpf_type_TypeError, "make_encoder() argument %u must be str, not %T", (unsigned)(6 - i), items[i]);
            }
        }
        e.item_sep = mpf_obj_str_data(items[0], &e.item_sep_len);
        e.key_sep = mpf_obj_str_data(items[1], &e.key_sep_len);
    }
    enc_value(&e, obj, NULL, 0);
    return mpf_vstr_to_str(&e.out);
}

// The one positional argument of dumps(obj, ...) and loads(s, ...) ([fname]), which no
// keyword [pname] may give again.
static void one_positional(size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_qstr_t fname, mpf_qstr_t pname) {
    if (n_args != 1) {
        mpf_raise_fmt(&mpf_type_TypeError, "%q() takes 1 positional argument but %u were given", fname, (unsigned)n_args);
    }
    if (mpf_arg_kw(n_args, n_kw, args, pname) != MPF_OBJ_NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, "%q() got multiple values for argument '%q'", fname, pname);
    }
}

static mpf_obj_t json_dumps(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    one_positional(n_args, n_kw, args, MPF_QSTR_dumps, MPF_QSTR_obj);
    return json_dumps_impl(args[0], n_args, n_kw, args);
}

// dump(obj, fp, **kw): fp.write(dumps(obj, **kw))
static mpf_obj_t json_dump(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args != 2) {
        mpf_raise_fmt(&mpf_type_TypeError, "dump() takes 2 positional arguments but %u were given", (unsigned)n_args);
    }
    mpf_obj_t s = json_dumps_impl(args[0], n_args, n_kw, args);
    mpf_obj_t dest[3];
    mpf_load_method(args[1], MPF_QSTR_write, dest);
    dest[2] = s;
    mpf_call_method_n(1, 0, dest);
    return MPF_OBJ_NONE;
}

// ================================================================ decoder
typedef struct dec {
    const uint8_t *s;
    size_t len;
    size_t i;
    mpf_obj_t doc;
    bool strict;            // control characters in strings refused
    mpf_obj_t hook[5];      // loads()'s hooks (callable or NULL), in its keywords' order:
} dec_t;
enum { H_OBJECT, H_FLOAT, H_INT, H_CONSTANT, H_PAIRS };

// [hook] called with the text of the value that ends at d->i (from [start]).
static mpf_obj_t dec_hook(const dec_t *d, mpf_obj_t hook, size_t start) {
    return mpf_call1(hook, mpf_obj_new_str((const char *)d->s + start, d->i - start));
}

// The JSONDecodeError class made on import (ValueError if json is not in sys.modules).
static const mpf_type_t *decode_error_type(void) {
    mpf_obj_t mod = mpf_dict_get(mpf_state.modules, mpf_obj_new_qstr(MPF_QSTR_json));
    if (mod != MPF_OBJ_NULL && mpf_obj_is_type(mod, &mpf_type_module)) {
        mpf_obj_t e = mpf_dict_get(((const mpf_module_t *)mpf_obj_ptr(mod))->globals, mpf_obj_new_qstr(MPF_QSTR_JSONDecodeError));
        if (e != MPF_OBJ_NULL && mpf_obj_is_type(e, &mpf_type_type)) {
            return mpf_obj_ptr(e);
        }
    }
    return &mpf_type_ValueError;
}

// Raise JSONDecodeError("[msg]: line L column C (char P)") for byte offset [at].
MPF_NORETURN static void dec_error(const dec_t *d, const char *msg, size_t at) {
    size_t pos = mpf_utf8_charlen(d->s, at);
    size_t line = 1, line_start = 0;
    for (size_t k = 0; k < at; k++) {
        if (d->s[k] == '\n') {
            line++;
            line_start = k + 1;
        }
    }
    size_t col = mpf_utf8_charlen(d->s + line_start, at - line_start) + 1;
    mpf_vstr_t vs;
    mpf_vstr_init(&vs, 64);
    mpf_print_t p;
    mpf_vstr_print(&vs, &p);
    mpf_printf(&p, "%s: line %u column %u (char %u)", msg, (unsigned)line, (unsigned)col, (unsigned)pos);
    mpf_obj_t text = mpf_vstr_to_str(&vs);
    mpf_obj_t exc = mpf_exc_new(decode_error_type(), 1, &text);
    mpf_exc_t *x = mpf_exc_native(exc);
    if (x != NULL) {
        mpf_map_t *m = &x->inst.members;
        mpf_map_lookup(m, mpf_obj_new_qstr(MPF_QSTR_msg), MPF_MAP_LOOKUP_ADD)->value = mpf_obj_new_str(msg, strlen(msg));
        mpf_map_lookup(m, mpf_obj_new_qstr(MPF_QSTR_doc), MPF_MAP_LOOKUP_ADD)->value = d->doc;
        mpf_map_lookup(m, mpf_obj_new_qstr(MPF_QSTR_pos), MPF_MAP_LOOKUP_ADD)->value = mpf_obj_new_small_int((mpf_int_t)pos);
        mpf_map_lookup(m, mpf_obj_new_qstr(MPF_QSTR_lineno), MPF_MAP_LOOKUP_ADD)->value = mpf_obj_new_small_int((mpf_int_t)line);
        mpf_map_lookup(m, mpf_obj_new_qstr(MPF_QSTR_colno), MPF_MAP_LOOKUP_ADD)->value = mpf_obj_new_small_int((mpf_int_t)col);
    }
    mpf_raise(exc);
}

static void dec_ws(dec_t *d) {
    while (d->i < d->len && (d->s[d->i] == ' ' || d->s[d->i] == '\t' || d->s[d->i] == '\n' || d->s[d->i] == '\r')) {
        d->i++;
    }
}

static bool dec_word(dec_t *d, const char *w) {
    size_t n = strlen(w);
    if (d->len - d->i >= n && memcmp(d->s + d->i, w, n) == 0) {
        d->i += n;
        return true;
    }
    return false;
}

// The constant [w] (NaN, Infinity, -Infinity; its [start]) if it is at d->i: parse_constant's
// value of it, or [v]; NULL (nothing read) if it is not there or neither is there to give.
static mpf_obj_t dec_constant(dec_t *d, const char *w, size_t start, mpf_obj_t v) {
    mpf_obj_t hook = d->hook[H_CONSTANT];
    if ((v == MPF_OBJ_NULL && hook == MPF_OBJ_NULL) || !dec_word(d, w)) {
        return MPF_OBJ_NULL;
    }
    return hook != MPF_OBJ_NULL ? dec_hook(d, hook, start) : v;
}

// Four hex digits at s[i]; -1 if they are not.
static int32_t dec_hex4(const dec_t *d, size_t i) {
    if (d->len - i < 4) {
        return -1;
    }
    int32_t v = 0;
    for (size_t k = 0; k < 4; k++) {
        uint8_t c = d->s[i + k];
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (digit < 0) {
            return -1;
        }
        v = v * 16 + digit;
    }
    return v;
}

static void add_utf8(mpf_vstr_t *v, uint32_t u) {
    if (u < 0x80) {
        mpf_vstr_add_char(v, (char)u);
    } else if (u < 0x800) {
        mpf_vstr_add_char(v, (char)(0xc0 | (u >> 6)));
        mpf_vstr_add_char(v, (char)(0x80 | (u & 0x3f)));
    } else if (u < 0x10000) {
        mpf_vstr_add_char(v, (char)(0xe0 | (u >> 12)));
        mpf_vstr_add_char(v, (char)(0x80 | ((u >> 6) & 0x3f)));
        mpf_vstr_add_char(v, (char)(0x80 | (u & 0x3f)));
    } else {
        mpf_vstr_add_char(v, (char)(0xf0 | (u >> 18)));
        mpf_vstr_add_char(v, (char)(0x80 | ((u >> 12) & 0x3f)));
        mpf_vstr_add_char(v, (char)(0x80 | ((u >> 6) & 0x3f)));
        mpf_vstr_add_char(v, (char)(0x80 | (u & 0x3f)));
    }
}

// Make the decoded string [len] bytes at [data]: a key reuses an interned string when
// one exists (no allocation; the same keys recur in every object of a document, and
// frozen code that reads them has them interned), a value is a new str.
static mpf_obj_t dec_make_str(const char *data, size_t len, bool key) {
    return key ? mpf_obj_new_str_qstr_maybe(data, len) : mpf_obj_new_str(data, len);
}

// A string; d->i is just past the opening quote. [key]: an object's key.
static mpf_obj_t dec_string(dec_t *d, bool key) {
    size_t start = d->i - 1;
    // fast path: no escapes, made straight from the document
    size_t j = d->i;
    while (j < d->len && d->s[j] != '"' && d->s[j] != '\\' && d->s[j] >= 0x20) {
        j++;
    }
    if (j < d->len && d->s[j] == '"') {
        mpf_obj_t r = dec_make_str((const char *)d->s + d->i, j - d->i, key);
        d->i = j + 1;
        return r;
    }
    mpf_vstr_t v;
    mpf_vstr_init(&v, 16);
    for (;;) {
        size_t run = d->i;
        while (d->i < d->len && d->s[d->i] != '"' && d->s[d->i] != '\\' && d->s[d->i] >= 0x20) {
            d->i++;
        }
        mpf_vstr_add_strn(&v, (const char *)d->s + run, d->i - run);
        if (d->i >= d->len) {
            dec_error(d, "Unterminated string starting at", start);
        }
        uint8_t c = d->s[d->i];
        if (c == '"') {
            d->i++;
            return dec_make_str(v.buf, v.len, key);
        }
        if (c < 0x20) {
            if (d->strict) {
                dec_error(d, "Invalid control character at", d->i);
            }
            mpf_vstr_add_char(&v, c);   // (strict=False: taken as it is)
            d->i++;
            continue;
        }
        // backslash escape
        if (d->i + 1 >= d->len) {
            dec_error(d, "Unterminated string starting at", start);
        }
        uint8_t esc = d->s[d->i + 1];
        char out = 0;
        switch (esc) {
            case '"': out = '"'; break;
            case '\\': out = '\\'; break;
            case '/': out = '/'; break;
            case 'b': out = '\b'; break;
            case 'f': out = '\f'; break;
            case 'n': out = '\n'; break;
            case 'r': out = '\r'; break;
            case 't': out = '\t'; break;
            case 'u': {
                int32_t u = dec_hex4(d, d->i + 2);
                if (u < 0) {
                    dec_error(d, "Invalid \\uXXXX escape", d->i + 1);
                }
                d->i += 6;
                if (u >= 0xd800 && u <= 0xdbff && d->len - d->i >= 6 && d->s[d->i] == '\\' && d->s[d->i + 1] == 'u') {
                    int32_t lo = dec_hex4(d, d->i + 2);
                    if (lo >= 0xdc00 && lo <= 0xdfff) {
                        u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                        d->i += 6;
                    }
                }
                add_utf8(&v, (uint32_t)u);
                continue;
            }
            default:
                dec_error(d, "Invalid \\escape", d->i);
        }
        mpf_vstr_add_char(&v, out);
        d->i += 2;
    }
}

// A number; d->i is at its first character ('-' or a digit).
static mpf_obj_t dec_number(dec_t *d) {
    size_t start = d->i;
    if (d->s[d->i] == '-') {
        d->i++;
    }
    if (d->i >= d->len || !(d->s[d->i] >= '0' && d->s[d->i] <= '9')) {
#if CONFIG_FLOAT
        mpf_obj_t inf = dec_constant(d, "Infinity", start, mpf_obj_new_float(-(mpf_float_t)INFINITY));
#else
        mpf_obj_t inf = dec_constant(d, "Infinity", start, MPF_OBJ_NULL);
#endif
        if (inf == MPF_OBJ_NULL) {
            dec_error(d, "Expecting value", start);
        }
        return inf;
    }
    if (d->s[d->i] == '0') {
        d->i++;
    } else {
        while (d->i < d->len && d->s[d->i] >= '0' && d->s[d->i] <= '9') {
            d->i++;
        }
    }
    bool is_float = false;
    if (d->i + 1 < d->len && d->s[d->i] == '.' && d->s[d->i + 1] >= '0' && d->s[d->i + 1] <= '9') {
        is_float = true;
        d->i += 2;
        while (d->i < d->len && d->s[d->i] >= '0' && d->s[d->i] <= '9') {
            d->i++;
        }
    }
    if (d->i < d->len && (d->s[d->i] == 'e' || d->s[d->i] == 'E')) {
        size_t j = d->i + 1;
        if (j < d->len && (d->s[j] == '+' || d->s[j] == '-')) {
            j++;
        }
        if (j < d->len && d->s[j] >= '0' && d->s[j] <= '9') {
            is_float = true;
            while (j < d->len && d->s[j] >= '0' && d->s[j] <= '9') {
                j++;
            }
            d->i = j;
        }
    }
    mpf_obj_t hook = is_float ? d->hook[H_FLOAT] : d->hook[H_INT];
    if (hook != MPF_OBJ_NULL) {
        return dec_hook(d, hook, start);
    }
    bool ok = false;
    mpf_obj_t r;
    if (is_float) {
#if CONFIG_FLOAT
        r = mpf_float_parse((const char *)d->s + start, d->i - start, &ok);
#else
        r = MPF_OBJ_NULL;
        mpf_raise_msg(&mpf_type_ValueError, "floats not supported in this build");
#endif
    } else {
        r = mpf_int_parse((const char *)d->s + start, d->i - start, 10, &ok);
    }
    if (!ok) {
        dec_error(d, "Expecting value", start);
    }
    return r;
}

static mpf_obj_t dec_value(dec_t *d);

// An object's members: a dict, or with object_pairs_hook the list of its (key, value) pairs.
static mpf_obj_t dec_object(dec_t *d) {
    bool pairs = d->hook[H_PAIRS] != MPF_OBJ_NULL;
    mpf_obj_t obj = pairs ? mpf_obj_new_list(0, NULL) : mpf_obj_new_dict(0);
    dec_ws(d);
    if (d->i < d->len && d->s[d->i] == '}') {
        d->i++;
        return obj;
    }
    for (;;) {
        dec_ws(d);
        if (d->i >= d->len || d->s[d->i] != '"') {
            dec_error(d, "Expecting property name enclosed in double quotes", d->i);
        }
        d->i++;
        mpf_obj_t key = dec_string(d, true);
        dec_ws(d);
        if (d->i >= d->len || d->s[d->i] != ':') {
            dec_error(d, "Expecting ':' delimiter", d->i);
        }
        d->i++;
        dec_ws(d);
        mpf_obj_t val = dec_value(d);
        if (pairs) {
            mpf_obj_t kv[2] = {key, val};
            mpf_list_append(obj, mpf_obj_new_tuple(2, kv));
        } else {
            mpf_dict_store(obj, key, val);
        }
        dec_ws(d);
        if (d->i < d->len && d->s[d->i] == ',') {
            d->i++;
            continue;
        }
        if (d->i < d->len && d->s[d->i] == '}') {
            d->i++;
            break;
        }
        dec_error(d, "Expecting ',' delimiter", d->i);
    }
    return obj;
}

static mpf_obj_t dec_array(dec_t *d) {
    mpf_obj_t list = mpf_obj_new_list(0, NULL);
    dec_ws(d);
    if (d->i < d->len && d->s[d->i] == ']') {
        d->i++;
        return list;
    }
    for (;;) {
        dec_ws(d);
        mpf_list_append(list, dec_value(d));
        dec_ws(d);
        if (d->i < d->len && d->s[d->i] == ',') {
            d->i++;
            continue;
        }
        if (d->i < d->len && d->s[d->i] == ']') {
            d->i++;
            return list;
        }
        dec_error(d, "Expecting ',' delimiter", d->i);
    }
}

// One value at d->i (whitespace before it already skipped).
static mpf_obj_t dec_value(dec_t *d) {
    mpf_stack_check();
    if (d->i >= d->len) {
        dec_error(d, "Expecting value", d->i);
    }
    uint8_t c = d->s[d->i];
    switch (c) {
        case '{': {
            d->i++;
            mpf_obj_t o = dec_object(d);
            // (object_pairs_hook first, as CPython's)
            mpf_obj_t hook = d->hook[H_PAIRS] != MPF_OBJ_NULL ? d->hook[H_PAIRS] : d->hook[H_OBJECT];
            return hook != MPF_OBJ_NULL ? mpf_call1(hook, o) : o;
        }
        case '[':
            d->i++;
            return dec_array(d);
        case '"':
            d->i++;
            return dec_string(d, false);
        case 'n':
            if (dec_word(d, "null")) {
                return MPF_OBJ_NONE;
            }
            break;
        case 't':
            if (dec_word(d, "true")) {
                return MPF_OBJ_TRUE;
            }
            break;
        case 'f':
            if (dec_word(d, "false")) {
                return MPF_OBJ_FALSE;
            }
            break;
        case 'N':
        case 'I': {
#if CONFIG_FLOAT
            mpf_obj_t v = mpf_obj_new_float(c == 'N' ? (mpf_float_t)NAN : (mpf_float_t)INFINITY);
#else
            mpf_obj_t v = MPF_OBJ_NULL;
#endif
            v = dec_constant(d, c == 'N' ? "NaN" : "Infinity", d->i, v);
            if (v != MPF_OBJ_NULL) {
                return v;
            }
            break;
        }
        default:
            if (c == '-' || (c >= '0' && c <= '9')) {
                return dec_number(d);
            }
            break;
    }
    dec_error(d, "Expecting value", d->i);
}

// loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
// parse_constant=None, object_pairs_hook=None, strict=True): CPython's keywords, each honoured
// (a cls other than None is refused: this json module has no JSONDecoder to derive from)
static mpf_obj_t json_loads(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_s, MPF_QSTR_cls, MPF_QSTR_object_hook, MPF_QSTR_parse_float,
        MPF_QSTR_parse_int, MPF_QSTR_parse_constant, MPF_QSTR_object_pairs_hook, MPF_QSTR_strict};
    mpf_obj_t a[8];
#if CONFIG_ERROR_MSG_EXACT
    // CPython's loads() hands its keywords on to JSONDecoder(), whose words an unknown one
    // gets (loads(s, x=1); the other faults, checked first there, are rarer)
    for (size_t k = 0; n_args == 1 && k < n_kw; k++) {
        mpf_obj_t key = args[1 + 2 * k];
        size_t i = 0;
        while (i < 8 && key != mpf_obj_new_qstr(kws[i])) {
            i++;
        }
        if (i == 8) {
            mpf_raise_fmt(&mpf_type_TypeError, "JSONDecoder.__init__() got an unexpected keyword argument %R", key);
        }
    }
#endif
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_loads, 0) | MPF_ARG_PY_STYLE, 1, 8, kws, a);
    mpf_arg_required(MPF_QSTR_loads, kws, a, 1);
    if (a[1] != MPF_OBJ_NULL && a[1] != MPF_OBJ_NONE) {
        mpf_raise_msg(&mpf_type_NotImplementedError, "json.loads(): cls is not supported");
    }
    mpf_obj_t doc = a[0];
    dec_t d;
    if (MPF_IS_STR(doc)) {
        d.s = (const uint8_t *)mpf_obj_str_data(doc, &d.len);
    } else {
        mpf_buffer_t b;
        if (!mpf_obj_get_buffer(doc, &b, false)) {
            mpf_raise_fmt(&mpf_type_TypeError, "the JSON object must be str, bytes or bytearray, not %T", doc);
        }
        doc = mpf_obj_new_str((const char *)b.buf, b.len);
        d.s = (const uint8_t *)mpf_obj_str_data(doc, &d.len);
    }
    d.i = 0;
    d.doc = doc;
    d.strict = a[7] == MPF_OBJ_NULL || mpf_obj_is_true(a[7]);
    for (size_t i = 0; i < 5; i++) {
        d.hook[i] = a[2 + i] != MPF_OBJ_NONE ? a[2 + i] : MPF_OBJ_NULL;
    }
    dec_ws(&d);
    mpf_obj_t v = dec_value(&d);
    dec_ws(&d);
    if (d.i != d.len) {
        dec_error(&d, "Extra data", d.i);
    }
    return v;
}

// load(fp, **kw): loads(fp.read(), **kw)
static mpf_obj_t json_load(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t dest[2];
    mpf_load_method(args[0], MPF_QSTR_read, dest);
    mpf_obj_t text = mpf_call_method_n(0, 0, dest);
    mpf_obj_t *a = mpf_gc_alloc((1 + 2 * n_kw) * sizeof(mpf_obj_t), false);
    a[0] = text;
    memcpy(a + 1, args + n_args, 2 * n_kw * sizeof(mpf_obj_t));
    return json_loads(1, n_kw, a);
}

static const mpf_rom_map_elem_t json_members_table[] = {
    MPF_ROM_FUN_KW(MPF_QSTR_dumps, 1, json_dumps),
    MPF_ROM_FUN_KW(MPF_QSTR_dump, 2, json_dump),
    MPF_ROM_FUN_KW(MPF_QSTR_loads, 1, json_loads),
    MPF_ROM_FUN_KW(MPF_QSTR_load, 1, json_load),
};
MPF_ROM_MAP(json_members, json_members_table);

// json.JSONDecodeError: a subclass of ValueError made once per import.
static void json_init(mpf_obj_t mod) {
    mpf_obj_t g = ((mpf_module_t *)mpf_obj_ptr(mod))->globals;
    mpf_obj_t base = mpf_obj_from_ptr(&mpf_type_ValueError);
    mpf_obj_t dict = mpf_obj_new_dict(1);
    mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR___module__), mpf_obj_new_qstr(MPF_QSTR_json));
    mpf_obj_t cls = mpf_make_class(MPF_QSTR_JSONDecodeError, mpf_obj_new_tuple(1, &base), dict);
    mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR_JSONDecodeError), cls);
}

const mpf_builtin_module_t mpf_module_json = {MPF_QSTR_json, &json_members, json_init};
MPF_REGISTER_MODULE(MPF_QSTR_json, mpf_module_json);
