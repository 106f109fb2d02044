// obj_str.c -- str (UTF-8, code-point indexing with CONFIG_STR_UNICODE) and the
// methods str shares with bytes. A str is either a qstr (tagged value) or an mpf_str_t.
#include "mpf_int.h"
#include "typetest.h"

// ---------------------------------------------------------------- construction
// A new str or bytes of type [t] holding [n] items of [unit] bytes (the allocator checks
// the product), zeroed and NUL-terminated; *data: where its bytes go.
static mpf_obj_t str_alloc(const mpf_type_t *t, size_t unit, size_t n, uint8_t **data) {
    mpf_str_t *s = mpf_gc_alloc_var(sizeof(mpf_str_t) + 1, unit, n, false);
    uint8_t *d = (uint8_t *)(s + 1);
    s->base.type = t;
    s->len = unit * n;
    s->data = d;
    s->hash = 0;
    d[s->len] = 0;
    *data = d;
    return mpf_obj_from_ptr(s);
}

mpf_obj_t mpf_obj_new_str_of_type(const mpf_type_t *t, const char *data, size_t len) {
#if CONFIG_BUILTIN_BYTEARRAY
    if (t == &mpf_type_bytearray) {
        return mpf_obj_new_bytearray((const uint8_t *)data, len);
    }
#endif
    uint8_t *d;
    mpf_obj_t o = str_alloc(t, 1, len, &d);
    if (len > 0) {
        memcpy(d, data, len);
    }
    return o;
}

mpf_obj_t mpf_obj_new_str(const char *data, size_t len) {
    return mpf_obj_new_str_of_type(&mpf_type_str, data, len);
}

mpf_obj_t mpf_obj_new_str_qstr_maybe(const char *data, size_t len) {
#if CONFIG_VM_FAST_PATHS
    // One ASCII character (s[i], iteration, chr()): interned the first time, then found
    // through a table indexed by the character: no search of the pools, no allocation.
    if (len == 1 && (uint8_t)data[0] < 0x80) {
        uint16_t *slot = &mpf_state.one_char_qstr[(uint8_t)data[0]];
        if (*slot == 0) {
            mpf_qstr_t id = mpf_qstr_from_strn(data, 1);
            if (id > UINT16_MAX) {
                return mpf_obj_new_qstr(id);  // (too many qstrs for the table: not kept)
            }
            *slot = (uint16_t)id;
        }
        return mpf_obj_new_qstr(*slot);
    }
#endif
    mpf_qstr_t q = mpf_qstr_find(data, len);
    if (q != 0) {
        return mpf_obj_new_qstr(q);
    }
    return mpf_obj_new_str(data, len);
}

const char *mpf_str_cstr(mpf_obj_t o) {
    size_t len;
    const char *s = mpf_obj_str_data(o, &len);
    if (mpf_obj_is_qstr(o)) {
        uint8_t *d;
        str_alloc(&mpf_type_str, 1, len, &d);  // zeroed, NUL-terminated
        memcpy(d, s, len);
        s = (const char *)d;
    }
    return s;
}

mpf_obj_t mpf_obj_new_bytes(const uint8_t *data, size_t len) {
    return mpf_obj_new_str_of_type(&mpf_type_bytes, (const char *)data, len);
}

size_t mpf_utf8_charlen(const uint8_t *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += (s[i] & 0xC0) != 0x80;
    }
    return n;
}

uint32_t mpf_utf8_decode(const uint8_t *s, size_t *n) {
    uint32_t c = s[0];
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len > 1) {
        c &= 0x7Fu >> len;  // the lead byte's payload: 5, 4 or 3 bits
        for (size_t k = 1; k < len; k++) {
            c = (c << 6) | (s[k] & 0x3F);
        }
    }
    *n = len;
    return c;
}

int mpf_bytes_compare(const void *a, size_t la, const void *b, size_t lb) {
    size_t n = la < lb ? la : lb;
    int c = n ? memcmp(a, b, n) : 0;  // an empty buffer's pointer may be NULL
    if (c != 0) {
        return c;
    }
    return la < lb ? -1 : la > lb;
}

static bool is_str_type(const mpf_type_t *t) {
    return t == &mpf_type_str;
}

// ---------------------------------------------------------------- printing
// Code point [c] escaped as CPython writes it in a repr: \xhh, \uhhhh or \Uhhhhhhhh,
// NUL-terminated in [buf] (11 bytes).
// [c] as [digits] lower-case hex digits at [d] (hex_escape, bytes.hex).
static void hex_digits(char *d, uint32_t c, int digits) {
    while (digits-- > 0) {
        *d++ = "0123456789abcdef"[(c >> (4 * digits)) & 0xF];
    }
}

static void hex_escape(char buf[11], uint32_t c) {
    int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
    buf[0] = '\\';
    buf[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    hex_digits(buf + 2, c, digits);
    buf[2 + digits] = 0;
}

// ascii() (builtins.c) and its conversion in formatting (format.c)
#if CONFIG_BUILTIN_EXTRAS || CONFIG_STR_FORMAT
#define HAS_ASCII 1
#else
#define HAS_ASCII 0
#endif

#if CONFIG_STR_UNICODE_CASE
// A code point from U+E000 on that is not printable (repr escapes it, isprintable() is
// False), of those CPython's are: private use (U+E000..U+F8FF, planes 15 and 16),
// noncharacters (U+FDD0..U+FDEF and the last two of each plane) and planes 4..13, where
// nothing is assigned (others unassigned or of format there count as printable here).
static bool high_unprintable(uint32_t c) {
    return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE ||
           (c >= 0x40000 && c < 0xE0000) || c >= 0xF0000;
}
#endif

// [s] printed with the escapes of a repr ([q]: its quote; [is_bytes]: of bytes), or with
// [q] 0, of ascii(): each non-ASCII character as \x, \u or \U and nothing else.
static void print_escaped(const mpf_print_t *p, const uint8_t *s, size_t len, char q, bool is_bytes) {
    const uint8_t *run = s;  // the bytes not printed yet, which need no escape
    for (size_t i = 0; i < len; i++) {
        uint8_t c = s[i];
        char buf[11];
#if CONFIG_STR_UNICODE_CASE
        uint32_t cp;
#endif
        size_t more = 0;  // bytes of a UTF-8 sequence after [c] that the escape stands for
        // the 4 characters escaped by name, then their names
        static const char names[] = "\n\r\t\\" "nrt\\";
        const char *named = memchr(names, c, 4);
        if (HAS_ASCII && q == 0) {
            if (c < 0x80) {
                continue;
            }
            hex_escape(buf, mpf_utf8_decode(s + i, &more));
            more--;
        } else if (c == (uint8_t)q || named != NULL) {
            buf[0] = '\\';
            buf[1] = named != NULL ? named[4] : (char)c;
            buf[2] = 0;
        } else if (c < 0x20 || c == 0x7F || (is_bytes && c >= 0x80)) {
            hex_escape(buf, c);
        } else if (!is_bytes && c == 0xC2 && i + 1 < len && (s[i + 1] <= 0xA0 || s[i + 1] == 0xAD)) {
            // U+0080..U+00A0 and U+00AD are not printable
            hex_escape(buf, s[i + 1]);
            more = 1;
        } else if (!is_bytes && c == 0xED && i + 2 < len && s[i + 1] >= 0xA0) {
            // a surrogate (U+D800..U+DFFF, from chr()): not printable, shown as \udxxx
            hex_escape(buf, 0xD000 | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F));
            more = 2;
#if CONFIG_STR_UNICODE_CASE
        } else if (!is_bytes && c >= 0xEE && high_unprintable(cp = mpf_utf8_decode(s + i, &more))) {
            // (0xEE and above only lead sequences from U+E000 in a str)
            hex_escape(buf, cp);
            more--;
#endif
        } else {
            continue;
        }
        mpf_print_strn(p, (const char *)run, (size_t)(s + i - run));
        mpf_print_str(p, buf);
        i += more;
        run = s + i + 1;
    }
    mpf_print_strn(p, (const char *)run, (size_t)(s + len - run));
}

void mpf_str_print_quoted(const mpf_print_t *p, const uint8_t *s, size_t len, bool is_bytes) {
    // (len 0: [s] may be NULL, which memchr must not get)
    bool has_single = len != 0 && memchr(s, '\'', len) != NULL, has_double = len != 0 && memchr(s, '"', len) != NULL;
    char q = (has_single && !has_double) ? '"' : '\'';
    if (is_bytes) {
        mpf_print_str(p, "b");
    }
    mpf_print_strn(p, &q, 1);
    print_escaped(p, s, len, q, is_bytes);
    mpf_print_strn(p, &q, 1);
}

#if HAS_ASCII
mpf_obj_t mpf_str_ascii(mpf_obj_t o) {
    size_t len;
    const uint8_t *s = (const uint8_t *)mpf_obj_str_data(mpf_obj_repr(o), &len);
    mpf_vstr_t v;
    mpf_vstr_init(&v, len + 16);
    mpf_print_t p;
    mpf_vstr_print(&v, &p);
    print_escaped(&p, s, len, 0, false);
    return mpf_vstr_to_str(&v);
}
#endif

static void str_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    size_t len;
    const char *s = mpf_obj_str_data(self, &len);
    bool is_bytes = mpf_obj_type(self) == &mpf_type_bytes;
    if (kind == MPF_PRINT_STR && !is_bytes) {
        mpf_print_strn(p, s, len);
    } else {
        mpf_str_print_quoted(p, (const uint8_t *)s, len, is_bytes);
    }
}

// ---------------------------------------------------------------- indexing helpers
// Byte offset of code point [ci] in [s] (str); bytes index directly.
static size_t char_to_byte(const uint8_t *s, size_t len, size_t ci, bool is_bytes) {
#if CONFIG_STR_UNICODE
    if (is_bytes) {
        return ci;
    }
    size_t i = 0;
    while (ci > 0 && i < len) {
        i++;
        while (i < len && (s[i] & 0xC0) == 0x80) {
            i++;
        }
        ci--;
    }
    return i;
#else
    (void)s;
    (void)len;
    (void)is_bytes;
    return ci;
#endif
}

static size_t str_charlen(const uint8_t *s, size_t len, bool is_bytes) {
#if CONFIG_STR_UNICODE
    return is_bytes ? len : mpf_utf8_charlen(s, len);
#else
    (void)s;
    (void)is_bytes;
    return len;
#endif
}

static mpf_obj_t str_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    if (value != MPF_OBJ_SENTINEL) {
        return MPF_OBJ_NULL;
    }
    const mpf_type_t *t = mpf_obj_type(self);
    bool is_bytes = !is_str_type(t);
    size_t len;
    const uint8_t *s = (const uint8_t *)mpf_obj_str_data(self, &len);
#if CONFIG_STR_UNICODE
    if (!is_bytes && mpf_obj_is_small_int(index)) {
        // s[i] with 0 <= i and characters 0..i all ASCII: character i is byte i (no
        // count of the whole string's characters, no walk to the byte)
        mpf_int_t i = mpf_obj_small_int_value(index);
        if (i >= 0 && (mpf_uint_t)i < len) {
            size_t k = 0;
            while (k <= (size_t)i && s[k] < 0x80) {
                k++;
            }
            if (k > (size_t)i) {
                return mpf_obj_new_str_qstr_maybe((const char *)s + i, 1);
            }
        }
    }
#endif
    size_t clen = str_charlen(s, len, is_bytes);
    if (mpf_obj_is_type(index, &mpf_type_slice)) {
        mpf_int_t start, stop, step;
        mpf_slice_indices(index, &clen, &start, &stop, &step);
#if !CONFIG_STR_UNICODE
        // one byte an item: the bytes picked, whatever the step
        uint8_t *d;
        mpf_obj_t r = str_alloc(t, 1, mpf_seq_slice_count(start, stop, step), &d);
        for (mpf_int_t i = start; step > 0 ? i < stop : i > stop; i += step) {
            *d++ = s[i];
        }
        return r;
#else
        if (step == 1) {
            if (stop < start) {
                stop = start;
            }
            size_t b0 = char_to_byte(s, len, (size_t)start, is_bytes);
            size_t b1 = b0 + char_to_byte(s + b0, len - b0, (size_t)(stop - start), is_bytes);
            return mpf_obj_new_str_of_type(t, (const char *)s + b0, b1 - b0);
        }
        mpf_vstr_t v;
        mpf_vstr_init(&v, 16);
        for (mpf_int_t i = start; step > 0 ? i < stop : i > stop; i += step) {
            size_t b0 = char_to_byte(s, len, (size_t)i, is_bytes);
            size_t b1 = b0 + char_to_byte(s + b0, len - b0, 1, is_bytes);
            mpf_vstr_add_strn(&v, (const char *)s + b0, b1 - b0);
        }
        return mpf_obj_new_str_of_type(t, v.buf, v.len);
#endif
    }
    size_t i = mpf_get_index(is_bytes ? t : &mpf_type_str, &clen, index, MPF_INDEX_LOAD);
    if (is_bytes) {
        return mpf_obj_new_small_int(s[i]);
    }
    size_t b0 = char_to_byte(s, len, i, false);
    size_t b1 = b0 + char_to_byte(s + b0, len - b0, 1, false);
    return mpf_obj_new_str_qstr_maybe((const char *)s + b0, b1 - b0);
}

// Where [needle] (length [nl]) first occurs in s[b0:b1], or last with [right]; SIZE_MAX
// if nowhere (also when b0 > b1). An empty needle is found at b0 (b1 with [right]).
static size_t str_search(const char *s, size_t b0, size_t b1, const char *needle, size_t nl, bool right) {
    if (b0 > b1 || b1 - b0 < nl) {
        return SIZE_MAX;
    }
    if (nl == 0) {
        return right ? b1 : b0;  // no memcmp: an empty needle's pointer may be NULL
    }
    for (size_t k = 0; k <= b1 - b0 - nl; k++) {
        size_t i = right ? b1 - nl - k : b0 + k;
        if (s[i] == needle[0] && memcmp(s + i, needle, nl) == 0) {  // no call where the first byte differs
            return i;
        }
    }
    return SIZE_MAX;
}

// ---------------------------------------------------------------- operators
// The byte `v in b` looks for when [v] is not bytes-like: an int (a bool, an object with
// __index__) in 0..255; ValueError for any other int (a big one too), TypeError for the rest.
int mpf_bytes_sought_byte(mpf_obj_t v) {
    mpf_int_t c = -1;  // a big int: beyond any byte (and maybe any index: no OverflowError)
    if (!(mpf_obj_is_type(v, &mpf_type_int) && !mpf_obj_is_small_int(v)) && !mpf_obj_get_index_maybe(v, &c)) {
        mpf_raise_fmt(&mpf_type_TypeError, "a bytes-like object is required, not '%T'", v);
    }
    if (c < 0 || c > 255) {
        mpf_raise_msg(&mpf_type_ValueError, "byte must be in range(0, 256)");
    }
    return (int)c;
}

static mpf_obj_t str_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    const mpf_type_t *t = mpf_obj_type(lhs), *rt = mpf_obj_type(rhs);
    bool is_bytes = t == &mpf_type_bytes;
    size_t la, lb;
    const char *a = mpf_obj_str_data(lhs, &la);
#if CONFIG_VM_FAST_PATHS
    // (str and bytes are immutable: s += t is s + t, which mpf_binary_op tries next anyway;
    // here without the call that answers NotImplemented first)
    if (op >= MPF_BINARY_OP_INPLACE_OR && op <= MPF_BINARY_OP_INPLACE_POWER) {
        op += MPF_BINARY_OP_INPLACE_TO_NORMAL;
    }
#endif
    if (op == MPF_BINARY_OP_MULTIPLY || op == MPF_BINARY_OP_REVERSE_MULTIPLY) {
        mpf_int_t n;
        if (!mpf_obj_get_index_maybe(rhs, &n)) {
            return MPF_OBJ_NULL;
        }
        if (n < 0) {
            n = 0;
        }
#if CONFIG_INT_BIG
        if (la != 0 && (size_t)n > (SIZE_MAX / 2) / la) {
            // longer than any sequence can be (CPython: past Py_ssize_t), not just than the heap
            mpf_raise_msg(&mpf_type_OverflowError, "repeated string is too long");
        }
#endif
        uint8_t *d;
        mpf_obj_t r = str_alloc(t, la, (size_t)n, &d);
        for (mpf_int_t i = 0; i < n; i++) {
            memcpy(d + (size_t)i * la, a, la);
        }
        return r;
    }
#if CONFIG_STR_FORMAT
    if (op == MPF_BINARY_OP_MODULO && (t == &mpf_type_str || is_bytes)) {
        return mpf_str_modulo(lhs, rhs);
    }
#endif
    // The other operand's bytes: of the same type, or for bytes any bytes-like object
    // (bytearray, memoryview, array, a bytes subclass) when adding, comparing or testing
    // `in`, by content.
    const char *b;
    mpf_buffer_t rb;
    if (rt == t) {
        b = mpf_obj_str_data(rhs, &lb);
    } else if (is_bytes && (op == MPF_BINARY_OP_ADD || op == MPF_BINARY_OP_IN || op <= MPF_BINARY_OP_NOT_EQUAL) &&
               !MPF_IS_STR_HOT(rhs) && mpf_obj_get_buffer(rhs, &rb, false)) {
        b = rb.buf;
        lb = rb.len;
#if CONFIG_SLOT_WRAPPERS_TYPES
    } else if (op == MPF_BINARY_OP_IN && !is_bytes && mpf_obj_native_part(rhs) != MPF_OBJ_NULL &&
               MPF_IS_STR(mpf_obj_native_part(rhs))) {
        b = mpf_obj_str_data(mpf_obj_native_part(rhs), &lb);  // an instance of a class derived from str
#endif
    } else if (op == MPF_BINARY_OP_IN) {
        // bytes: an int looks for one byte; anything else is an error
        if (!is_bytes) {
            mpf_raise_fmt(&mpf_type_TypeError, "'in <string>' requires string as left operand, not %T", rhs);
        }
        return mpf_obj_bool(memchr(a, mpf_bytes_sought_byte(rhs), la) != NULL);
#if CONFIG_VM_FAST_PATHS
    } else if ((op == MPF_BINARY_OP_EQUAL || op == MPF_BINARY_OP_NOT_EQUAL) && !(rt->flags & MPF_TYPE_FLAG_HEAP)) {
        // (what mpf_binary_op answers after the other builtin type's reflected try)
        return mpf_obj_bool(op == MPF_BINARY_OP_NOT_EQUAL);
#endif
    } else {
        return MPF_OBJ_NULL;  // NotImplemented: a class's reflected method may answer
    }
    switch (op) {
        case MPF_BINARY_OP_ADD: {
            if (la == 0 && t == rt) {
                return rhs;
            }
            if (lb == 0) {
                return lhs;
            }
            uint8_t *d;
            mpf_obj_t r = str_alloc(t, 1, la + lb, &d);  // both exist: the sum cannot wrap
            memcpy(d, a, la);
            memcpy(d + la, b, lb);
            return r;
        }
        case MPF_BINARY_OP_IN:
            // lhs is the container
            return mpf_obj_bool(str_search(a, 0, la, b, lb, false) != SIZE_MAX);
        default:
            if (op > MPF_BINARY_OP_NOT_EQUAL) {
                return MPF_OBJ_NULL;
            }
            // (dict lookups) == and != of different lengths need no look at the bytes
            bool eq = op == MPF_BINARY_OP_EQUAL || op == MPF_BINARY_OP_NOT_EQUAL;
            return mpf_obj_compare_result(op, eq && la != lb ? 1 : mpf_bytes_compare(a, la, b, lb));
    }
}

static mpf_obj_t str_unary_op(int op, mpf_obj_t self) {
    size_t len;
    const char *s = mpf_obj_str_data(self, &len);
    switch (op) {
        case MPF_UNARY_OP_BOOL:
            return mpf_obj_bool(len != 0);
        case MPF_UNARY_OP_LEN:
            return mpf_obj_new_small_int((mpf_int_t)str_charlen((const uint8_t *)s, len, !is_str_type(mpf_obj_type(self))));
        case MPF_UNARY_OP_HASH: {
            mpf_str_t *so = mpf_obj_ptr(self);
            if (so->hash == 0) {
                so->hash = mpf_qstr_compute_hash(so->data, so->len);
            }
            return mpf_obj_new_small_int((mpf_int_t)so->hash);
        }
        default:
            return MPF_OBJ_NULL;
    }
}

// ---------------------------------------------------------------- iteration
typedef struct str_iter {
    mpf_obj_base_t base;
    mpf_obj_t str;
    size_t pos;
} str_iter_t;

static mpf_obj_t str_iter_next(mpf_obj_t self) {
    str_iter_t *it = mpf_obj_ptr(self);
    size_t len;
    const uint8_t *s = (const uint8_t *)mpf_obj_str_data(it->str, &len);
    if (it->pos >= len) {
        return MPF_OBJ_STOP;
    }
    if (!is_str_type(mpf_obj_type(it->str))) {
        return mpf_obj_new_small_int(s[it->pos++]);
    }
    size_t b0 = it->pos;
    size_t b1 = b0 + char_to_byte(s + b0, len - b0, 1, false);
    it->pos = b1;
    return mpf_obj_new_str_qstr_maybe((const char *)s + b0, b1 - b0);
}

static const mpf_type_t str_iter_type = MPF_TYPE(MPF_QSTR_str_iterator, 0,
    (getiter, mpf_iter_self),
    (iternext, str_iter_next));
#if CONFIG_ITER_TYPE_NAMES
static const mpf_type_t bytes_iter_type = MPF_TYPE(MPF_QSTR_bytes_iterator, 0,
    (getiter, mpf_iter_self),
    (iternext, str_iter_next));
#endif

static mpf_obj_t str_getiter(mpf_obj_t self) {
    str_iter_t *it = mpf_new(str_iter_t);
#if CONFIG_ITER_TYPE_NAMES
    it->base.type = is_str_type(mpf_obj_type(self)) ? &str_iter_type : &bytes_iter_type;
#else
    it->base.type = &str_iter_type;
#endif
    it->str = self;
    it->pos = 0;
    return mpf_obj_from_ptr(it);
}

static bool str_get_buffer(mpf_obj_t self, mpf_buffer_t *buf, bool writable) {
    if (writable) {
        return false;
    }
    const mpf_str_t *s = mpf_obj_ptr(self);
    buf->buf = (void *)(uintptr_t)s->data;
    buf->len = s->len;
    buf->writable = false;
    return true;
}

// ---------------------------------------------------------------- UTF-8
// (one copy: each caller's inline one was bigger than a call)
size_t mpf_utf8_encode(uint32_t c, char *buf) {
    if (c < 0x80) {
        buf[0] = (char)c;
        return 1;
    }
    size_t n = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (size_t i = n - 1; i > 0; i--) {
        buf[i] = (char)(0x80 | (c & 0x3F));
        c >>= 6;
    }
    buf[0] = (char)((0xF00u >> n) | c);  // the lead byte: 110xxxxx, 1110xxxx or 11110xxx
    return n;
}

// ---------------------------------------------------------------- UTF-8 decoding
// Offset of the first byte of [s] (len [len]) that does not start a well-formed UTF-8
// sequence (no overlongs, surrogates or code points above U+10FFFF), or [len] if all of
// it is valid. *why names the fault as CPython's codec does, *end is where the faulty
// sequence ends (the bytes CPython's error covers: the lead byte and the continuation bytes
// that were right before the fault).
static size_t utf8_invalid_at(const uint8_t *s, size_t len, const char **why, size_t *end) {
    size_t i = 0;
    while (i < len) {
        uint8_t c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            *why = "invalid start byte";
            *end = i + 1;
            return i;
        }
        for (size_t k = 1; k < n; k++) {
            *end = i + k;
            if (i + k >= len) {
                *why = "unexpected end of data";
                return i;
            }
            uint8_t ck = s[i + k];
            if (k == 1 ? (ck < lo || ck > hi) : (ck & 0xC0) != 0x80) {
                *why = "invalid continuation byte";
                return i;
            }
        }
        i += n;
    }
    return len;
}

#if CONFIG_COMPILER
// (the compiler's check of its source; builds without it keep the function to themselves)
size_t mpf_utf8_invalid_at(const uint8_t *s, size_t len, const char **why) {
    size_t end;
    return utf8_invalid_at(s, len, why, &end);
}
#endif

// UnicodeDecodeError ([encode]: UnicodeEncodeError) of codec [enc] on [object]'s items
// [start, end) for [reason]: with CONFIG_EXC_ATTRS and CONFIG_ERROR_MSG_EXACT CPython's five
// arguments (encoding, object, start, end, reason: the attributes, and the message made
// from them), else the message alone. [object]: a bytes or str, or NULL for the bytes [s]
// (of length [len]).
static MPF_NORETURN void raise_codec_error(bool encode, const char *enc, mpf_obj_t object, const char *s, size_t len, size_t start,
    size_t end, const char *reason) {
    const mpf_type_t *t = encode ? &mpf_type_UnicodeEncodeError : &mpf_type_UnicodeDecodeError;
#if CONFIG_EXC_ATTRS && CONFIG_ERROR_MSG_EXACT
    mpf_obj_t a[5] = {mpf_obj_new_str(enc, strlen(enc)), object != MPF_OBJ_NULL ? object : mpf_obj_new_bytes((const uint8_t *)s, len),
        mpf_obj_new_int((mpf_int_t)start), mpf_obj_new_int((mpf_int_t)end), mpf_obj_new_str(reason, strlen(reason))};
    mpf_raise(mpf_exc_new(t, 5, a));
#else
    (void)object;
    (void)end;
    (void)len;
    if (encode) {
        mpf_raise_fmt(t, "'%s' codec can't encode character in position %u: %s", enc, (unsigned)start, reason);
    }
    mpf_raise_fmt(t, "'%s' codec can't decode byte 0x%x in position %u: %s", enc, (unsigned)(uint8_t)s[start], (unsigned)start, reason);
#endif
}

// A str from the UTF-8 bytes [s] (len [len]); where they are malformed UnicodeDecodeError,
// or with the error handler [errors] 'i'gnore the faulty sequence, 'r'eplace it by U+FFFD
// (with unicode strings).
static mpf_obj_t str_decode_utf8(const char *s, size_t len, char errors) {
    const char *why = NULL;
    size_t end;
    size_t bad = utf8_invalid_at((const uint8_t *)s, len, &why, &end);
    if (bad == len) {
        return mpf_obj_new_str(s, len);
    }
#if CONFIG_STR_CODECS && CONFIG_STR_UNICODE
    if (errors != 's') {
        mpf_vstr_t v;
        mpf_vstr_init(&v, len + 2);
        size_t i = 0;
        for (;;) {
            mpf_vstr_add_strn(&v, s + i, bad - i);
            if (bad == len) {
                return mpf_vstr_to_str(&v);
            }
            if (errors == 'r') {
                mpf_vstr_add_strn(&v, "\xef\xbf\xbd", 3);  // U+FFFD
            }
            i = end;
            bad = i + utf8_invalid_at((const uint8_t *)s + i, len - i, &why, &end);
            end += i;
        }
    }
#else
    (void)errors;  // (without unicode strings malformed UTF-8 always raises)
#endif
    raise_codec_error(false, "utf-8", MPF_OBJ_NULL, s, len, bad, end, why);
}

#if CONFIG_STR_UNICODE
mpf_obj_t mpf_str_from_utf8(const char *s, size_t len) {
    return str_decode_utf8(s, len, 's');
}
#endif

// ---------------------------------------------------------------- constructor
static mpf_obj_t transcode(size_t n_args, size_t n_kw, const mpf_obj_t *args, bool encode, const mpf_type_t *ctor);

static mpf_obj_t str_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_num(n_args, n_kw, 0, 3, true);
    if (n_args == 0 && n_kw == 0) {
        return mpf_obj_new_qstr(MPF_QSTRE_);
    }
    if (n_args >= 2 || n_kw > 0) {
        return transcode(n_args, n_kw, args, false, &mpf_type_str);  // str(b, encoding, errors) is b.decode(encoding, errors)
    }
    return mpf_obj_str(args[0]);
}

// ---------------------------------------------------------------- methods
// The bytes of a str, or of any bytes-like object (bytes, bytearray, memoryview, array);
// TypeError for anything else (an int is never a buffer).
static const char *self_data(mpf_obj_t self, size_t *len) {
    if (MPF_IS_STR_HOT(self) || mpf_obj_is_type(self, &mpf_type_bytes)) {
        return mpf_obj_str_data(self, len);
    }
    mpf_buffer_t b;
    if (!mpf_obj_get_buffer(self, &b, false)) {
        mpf_raise_fmt(&mpf_type_TypeError, "a bytes-like object is required, not '%T'", self);
    }
    *len = b.len;
    return b.buf;
}

static const mpf_type_t *result_type(mpf_obj_t self) {
    return mpf_obj_type(self);
}

// A new object of [self]'s type (str, bytes or bytearray) holding [len] bytes at [data].
static mpf_obj_t new_like(mpf_obj_t self, const char *data, size_t len) {
    return mpf_obj_new_str_of_type(result_type(self), data, len);
}

// [o] is a str, or (CONFIG_SLOT_WRAPPERS_TYPES) an instance of a class derived from str.
static bool str_or_derived(mpf_obj_t o) {
#if CONFIG_SLOT_WRAPPERS_TYPES
    if (!MPF_IS_STR_HOT(o)) {
        mpf_obj_t sub = mpf_obj_native_part(o);
        return sub != MPF_OBJ_NULL && MPF_IS_STR(sub);
    }
#endif
    return MPF_IS_STR_HOT(o);
}

static void check_same_kind(mpf_obj_t self, mpf_obj_t arg) {
    bool s = MPF_IS_STR_HOT(self);
    if (s != str_or_derived(arg)) {
        mpf_raise_fmt(&mpf_type_TypeError, s ? "must be str, not %T" : "a bytes-like object is required, not '%T'", arg);
    }
}

static const char *arg_data(mpf_obj_t self, mpf_obj_t arg, size_t *len) {
    check_same_kind(self, arg);
    return self_data(arg, len);
}

// join: the items' lengths first, then the result made once at its size and filled: no
// growing buffer and no copy of it, so the most a long join needs is its result's block.
static mpf_obj_t str_join(mpf_obj_t self, mpf_obj_t iterable) {
    size_t sl;
    const char *sep = self_data(self, &sl);
    if (!mpf_obj_is_type(iterable, &mpf_type_list) && !mpf_obj_is_type(iterable, &mpf_type_tuple)) {
        iterable = mpf_list_from_iter(iterable);
    }
    size_t n;
    mpf_obj_t *items;
    mpf_obj_get_array(iterable, &n, &items);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        // (an item of the other kind, or not bytes-like, is a TypeError)
        size_t xl;
        arg_data(self, items[i], &xl);
        xl += i > 0 ? sl : 0;
        if (xl > SIZE_MAX - total) {
            mpf_raise_memory_error();
        }
        total += xl;
    }
    const mpf_type_t *t = result_type(self);
    uint8_t *d;
    mpf_obj_t r = str_alloc(t == &mpf_type_str ? t : &mpf_type_bytes, 1, total, &d);
    uint8_t *w = d;
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            memcpy(w, sep, sl);
            w += sl;
        }
        size_t xl;
        const char *xs = self_data(items[i], &xl);
        memcpy(w, xs, xl);
        w += xl;
    }
    return t == &mpf_type_str || t == &mpf_type_bytes ? r : new_like(self, (const char *)d, total);
}

mpf_obj_t mpf_str_join(mpf_obj_t sep, mpf_obj_t iterable) {
    return str_join(sep, iterable);
}

static bool is_space(char c) {
    return c == ' ' || (unsigned char)(c - '\t') <= '\r' - '\t';  // \t \n \v \f \r
}

// split and rsplit: the pieces of s[i:e] are cut off at i (at e with [right]), which
// moves towards the other end; the last piece is the rest.
static mpf_obj_t split_impl(size_t n_args, size_t n_kw, const mpf_obj_t *args, bool right) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_sep, MPF_QSTR_maxsplit};
    mpf_obj_t a[2];  // sep, maxsplit
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(right ? MPF_QSTR_rsplit : MPF_QSTR_split, 1), 2, 2, kws, a);
    mpf_obj_t self = args[0];
    const mpf_type_t *t = result_type(self);
    mpf_obj_t sep_o = a[0];
    mpf_int_t maxsplit = a[1] ? mpf_obj_get_int(a[1]) : -1;
    size_t len;
    const char *s = self_data(self, &len);
    const char *sep = NULL;  // NULL: runs of whitespace separate, none at either end counts
    size_t sl = 1;
    if (sep_o != MPF_OBJ_NULL && sep_o != MPF_OBJ_NONE) {
        sep = arg_data(self, sep_o, &sl);
        if (sl == 0) {
            mpf_raise_msg(&mpf_type_ValueError, "empty separator");
        }
    }
    mpf_obj_t res = mpf_obj_new_list(0, NULL);
    size_t i = 0, e = len;
    for (;; maxsplit -= maxsplit > 0) {
        if (sep == NULL) {
            while (i < e && is_space(s[right ? e - 1 : i])) {
                if (right) {
                    e--;
                } else {
                    i++;
                }
            }
            if (i >= e) {
                break;
            }
        }
        // j: where the separator nearest the working end starts (SIZE_MAX: none, or no
        // more splits: the rest is the last piece, with whitespace at its far end)
        size_t j = SIZE_MAX;
        if (maxsplit != 0 && sep != NULL) {
            j = str_search(s, i, e, sep, sl, right);
        } else if (maxsplit != 0) {
            for (size_t k = i; k < e; k++) {
                size_t at = right ? e - 1 - (k - i) : k;
                if (is_space(s[at])) {
                    j = at;
                    break;
                }
            }
        }
        // the piece cut off: s[b:b + n] (the rest when none is)
        size_t b = i, n = e - i;
        if (j != SIZE_MAX) {
            if (right) {
                b = j + sl;
                n = e - b;
                e = j;
            } else {
                n = j - i;
                i = j + sl;
            }
        }
        mpf_list_append(res, mpf_obj_new_str_of_type(t, s + b, n));
        if (j == SIZE_MAX) {
            break;
        }
    }
    if (right) {
        mpf_list_reverse(res);  // found right to left
    }
    return res;
}

static mpf_obj_t str_split(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return split_impl(n_args, n_kw, args, false);
}

static mpf_obj_t str_rsplit(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return split_impl(n_args, n_kw, args, true);
}

#if CONFIG_STR_METHODS_MORE
static mpf_obj_t str_splitlines(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_keepends};
    mpf_obj_t keep_o;
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_splitlines, 1), 1, 1, kws, &keep_o);
    bool keep = keep_o != MPF_OBJ_NULL && mpf_obj_get_c_int(keep_o) != 0;  // (an int or a bool that fits a C int, as CPython)
    size_t len;
    const char *s = self_data(args[0], &len);
    const mpf_type_t *t = result_type(args[0]);
    mpf_obj_t res = mpf_obj_new_list(0, NULL);
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && s[j] != '\n' && s[j] != '\r') {
            j++;
        }
        size_t e = j;
        if (j < len) {
            j += (s[j] == '\r' && j + 1 < len && s[j + 1] == '\n') ? 2 : 1;
        }
        mpf_list_append(res, mpf_obj_new_str_of_type(t, s + i, (keep ? j : e) - i));
        i = j;
    }
    return res;
}
#endif

// strip: which = 1 left, 2 right, 3 both
static mpf_obj_t strip_impl(size_t n_args, const mpf_obj_t *args, unsigned which) {
    size_t len;
    const char *s = self_data(args[0], &len);
    const char *chars = " \t\n\r\v\f";
    size_t cl = 6;
    if (n_args > 1 && args[1] != MPF_OBJ_NONE) {
        chars = arg_data(args[0], args[1], &cl);
    }
    size_t b = 0, e = len;
    if (which & 1) {
        while (b < e && memchr(chars, s[b], cl) != NULL) {
            b++;
        }
    }
    if (which & 2) {
        while (e > b && memchr(chars, s[e - 1], cl) != NULL) {
            e--;
        }
    }
    if (b == 0 && e == len && !MPF_IS_BYTEARRAY(args[0])) {
        return args[0];
    }
    return new_like(args[0], s + b, e - b);
}

// Resolve optional start/end code-point args into byte offsets.
static void find_range(const uint8_t *s, size_t len, bool is_bytes, size_t n_args, const mpf_obj_t *args, size_t first,
    size_t *b0, size_t *b1) {
    size_t clen = str_charlen(s, len, is_bytes);
    mpf_int_t r[2] = {0, (mpf_int_t)clen};  // start, end: negative ones count from the end
    for (size_t k = 0; k < 2; k++) {
        if (n_args > first + k && args[first + k] != MPF_OBJ_NONE) {
            mpf_int_t v = mpf_obj_get_slice_index(args[first + k]);
            if (v < 0) {
                v += (mpf_int_t)clen;
                if (v < 0) {
                    v = 0;
                }
            }
            r[k] = v;
        }
    }
    mpf_int_t st = r[0], en = r[1];
    if (en > (mpf_int_t)clen) {
        en = (mpf_int_t)clen;
    }
    if ((size_t)st > clen) {
        *b0 = len + 1;
        *b1 = len;
        return;
    }
    *b0 = char_to_byte(s, len, (size_t)st, is_bytes);
    *b1 = en < st ? *b0 : char_to_byte(s, len, (size_t)en, is_bytes);
}

// find/rfind/index/rindex/count and startswith/endswith: [how] is FIND_RIGHT (from the
// right), FIND_RAISE (ValueError when absent), FIND_COUNT (how many times) or 0 (find);
// FIND_AFFIX (startswith; with FIND_RIGHT endswith): whether the needle, or one of a tuple
// of them, is found in the window of its length at the start (end) of the range; with
// FIND_REMOVE (removeprefix, removesuffix: one needle, no range) [self] without it if so,
// else [self]. (FIND_REMOVE is FIND_RAISE's bit, which only the others read: a mode has 4 bits.)
enum { FIND_RIGHT = 1, FIND_RAISE = 2, FIND_COUNT = 4, FIND_AFFIX = 8 };
#if CONFIG_STR_METHODS_MORE
#define FIND_REMOVE FIND_RAISE
#else
#define FIND_REMOVE 0
#endif
static mpf_obj_t find_impl(size_t n_args, const mpf_obj_t *args, unsigned how) {
    size_t len, nl;
    const uint8_t *s = (const uint8_t *)self_data(args[0], &len);
    bool is_bytes = !MPF_IS_STR_HOT(args[0]);
    mpf_obj_t needle_o = args[1];
    size_t n = 1;
    mpf_obj_t *items = &needle_o;
    if ((how & (FIND_AFFIX | FIND_REMOVE)) == FIND_AFFIX) {
        if (mpf_obj_is_type(needle_o, &mpf_type_tuple)) {
            mpf_obj_get_array(needle_o, &n, &items);
        } else if (!str_or_derived(needle_o) && !is_bytes) {
            mpf_raise_fmt(&mpf_type_TypeError, "%s first arg must be str or a tuple of str, not %T",
                how & FIND_RIGHT ? "endswith" : "startswith", needle_o);
        }
    }
    size_t b0, b1;
    find_range(s, len, is_bytes, n_args, args, 2, &b0, &b1);
    for (size_t k = 0; k < n; k++) {
        const char *needle;
        char one;
        if (is_bytes && !(how & FIND_AFFIX) && mpf_obj_is_int(items[k])) {
            one = (char)mpf_bytes_sought_byte(items[k]);
            needle = &one;
            nl = 1;
        } else {
            needle = arg_data(args[0], items[k], &nl);
        }
        if (how & FIND_AFFIX) {
            if (b0 <= b1 && nl <= b1 - b0 && mpf_bytes_compare(s + (how & FIND_RIGHT ? b1 - nl : b0), nl, needle, nl) == 0) {
                if (how & FIND_REMOVE) {
                    // (an empty one removed: [self], but a bytearray's copy)
                    return nl == 0 && !MPF_IS_BYTEARRAY(args[0]) ? args[0]
                                                                   : new_like(args[0], (const char *)s + (how & FIND_RIGHT ? 0 : nl), len - nl);
                }
                return MPF_OBJ_TRUE;
            }
            continue;
        }
        if (how & FIND_COUNT) {
            mpf_int_t c = 0;
            if (b0 > b1) {
                return mpf_obj_new_small_int(0);
            }
            if (nl == 0) {
                return mpf_obj_new_small_int((mpf_int_t)str_charlen(s + b0, b1 - b0, is_bytes) + 1);
            }
            for (size_t i = b0; (i = str_search((const char *)s, i, b1, needle, nl, false)) != SIZE_MAX; i += nl) {
                c++;
            }
            return mpf_obj_new_small_int(c);
        }
        size_t found = str_search((const char *)s, b0, b1, needle, nl, how & FIND_RIGHT);
        if (found == SIZE_MAX) {
            if (how & FIND_RAISE) {
                mpf_raise_msg(&mpf_type_ValueError, is_bytes ? "subsection not found" : "substring not found");
            }
            return mpf_obj_new_small_int(-1);
        }
        return mpf_obj_new_small_int((mpf_int_t)str_charlen(s, found, is_bytes));
    }
    return how & FIND_REMOVE ? args[0] : MPF_OBJ_FALSE;
}

static mpf_obj_t str_replace(size_t n_args, const mpf_obj_t *args) {
    size_t len, ol, nl;
    const char *s = self_data(args[0], &len);
    const char *old = arg_data(args[0], args[1], &ol);
    const char *new_ = arg_data(args[0], args[2], &nl);
    mpf_int_t max = n_args > 3 ? mpf_obj_get_int(args[3]) : -1;
    mpf_vstr_t v;
    mpf_vstr_init(&v, len + 1);
    const uint8_t *u = (const uint8_t *)s;
    bool is_bytes = !MPF_IS_STR_HOT(args[0]);
    size_t i = 0;
    for (; max != 0; max -= max > 0) {
        size_t j = str_search(s, i, len, old, ol, false);
        if (j == SIZE_MAX) {
            break;
        }
        mpf_vstr_add_strn(&v, s + i, j - i);
        mpf_vstr_add_strn(&v, new_, nl);
        i = j + ol;
        if (ol == 0) {
            // an empty [old]: [new_] before each character and at the end
            if (i >= len) {
                break;
            }
            size_t step = char_to_byte(u + i, len - i, 1, is_bytes);
            mpf_vstr_add_strn(&v, s + i, step);
            i += step;
        }
    }
    mpf_vstr_add_strn(&v, s + i, len - i);
    return new_like(args[0], v.buf, v.len);
}

// Case mapping and classification (ASCII; beyond it with CONFIG_STR_UNICODE_CASE, else
// other code points pass through).
enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_TITLE, CASE_CAP, CASE_FOLD };

#if CONFIG_STR_UNICODE_CASE
// The cased letters of Latin-1, Latin Extended-A and B, Greek, Cyrillic and Latin Extended
// Additional with a one-letter other case both ways (from CPython 3.11's str.upper/lower), as
// runs: [n] upper case letters from [start], [stride] (1 or 2) apart, whose lower case letters are
// [delta] after them (stride 2: upper and lower case letters alternate).
typedef struct case_run {
    uint16_t start;
    int16_t delta;
    uint8_t n, stride;
} case_run_t;
static const case_run_t case_runs[] = {
    {0xC0, 32, 23, 1}, {0xD8, 32, 7, 1}, {0x100, 1, 24, 2}, {0x132, 1, 3, 2}, {0x139, 1, 8, 2}, {0x14A, 1, 23, 2},
    {0x178, -121, 1, 1}, {0x179, 1, 3, 2}, {0x181, 210, 1, 1}, {0x182, 1, 2, 2}, {0x186, 206, 1, 1}, {0x187, 1, 1, 1},
    {0x189, 205, 2, 1}, {0x18B, 1, 1, 1}, {0x18E, 79, 1, 1}, {0x18F, 202, 1, 1}, {0x190, 203, 1, 1}, {0x191, 1, 1, 1},
    {0x193, 205, 1, 1}, {0x194, 207, 1, 1}, {0x196, 211, 1, 1}, {0x197, 209, 1, 1}, {0x198, 1, 1, 1}, {0x19C, 211, 1, 1},
    {0x19D, 213, 1, 1}, {0x19F, 214, 1, 1}, {0x1A0, 1, 3, 2}, {0x1A6, 218, 1, 1}, {0x1A7, 1, 1, 1}, {0x1A9, 218, 1, 1},
    {0x1AC, 1, 1, 1}, {0x1AE, 218, 1, 1}, {0x1AF, 1, 1, 1}, {0x1B1, 217, 2, 1}, {0x1B3, 1, 2, 2}, {0x1B7, 219, 1, 1},
    {0x1B8, 1, 1, 1}, {0x1BC, 1, 1, 1}, {0x1C4, 2, 1, 1}, {0x1C7, 2, 1, 1}, {0x1CA, 2, 1, 1}, {0x1CD, 1, 8, 2},
    {0x1DE, 1, 9, 2}, {0x1F1, 2, 1, 1}, {0x1F4, 1, 1, 1}, {0x1F6, -97, 1, 1}, {0x1F7, -56, 1, 1}, {0x1F8, 1, 20, 2},
    {0x220, -130, 1, 1}, {0x222, 1, 9, 2}, {0x23A, 10795, 1, 1}, {0x23B, 1, 1, 1}, {0x23D, -163, 1, 1}, {0x23E, 10792, 1, 1},
    {0x241, 1, 1, 1}, {0x243, -195, 1, 1}, {0x244, 69, 1, 1}, {0x245, 71, 1, 1}, {0x246, 1, 5, 2}, {0x370, 1, 2, 2},
    {0x376, 1, 1, 1}, {0x37F, 116, 1, 1}, {0x386, 38, 1, 1}, {0x388, 37, 3, 1}, {0x38C, 64, 1, 1}, {0x38E, 63, 2, 1},
    {0x391, 32, 17, 1}, {0x3A3, 32, 9, 1}, {0x3CF, 8, 1, 1}, {0x3D8, 1, 12, 2}, {0x3F7, 1, 1, 1}, {0x3F9, -7, 1, 1},
    {0x3FA, 1, 1, 1}, {0x3FD, -130, 3, 1}, {0x400, 80, 16, 1}, {0x410, 32, 32, 1}, {0x460, 1, 17, 2}, {0x48A, 1, 27, 2},
    {0x4C0, 15, 1, 1}, {0x4C1, 1, 7, 2}, {0x4D0, 1, 48, 2}, {0x1E00, 1, 75, 2}, {0x1EA0, 1, 48, 2},
};
// Lower case letters whose upper case letter lowers to another one (micro sign, dotless i,
// long s, final sigma, the Greek symbol forms...): {lower, upper}.
static const uint16_t case_lone[][2] = {{0xB5, 0x39C}, {0x131, 0x49}, {0x17F, 0x53}, {0x23F, 0x2C7E}, {0x240, 0x2C7F}, {0x3C2, 0x3A3}, {0x3D0, 0x392}, {0x3D1, 0x398}, {0x3D5, 0x3A6}, {0x3D6, 0x3A0}, {0x3F0, 0x39A}, {0x3F1, 0x3A1}, {0x3F5, 0x395}, {0x1E9B, 0x1E60}};
// Upper case letters whose lower case letter uppers to another one, or that have none (the
// letter itself): {upper, lower}.
static const uint16_t case_upper_lone[][2] = {{0x3D2, 0x3D2}, {0x3D3, 0x3D3}, {0x3D4, 0x3D4}, {0x3F4, 0x3B8}, {0x1E9E, 0xDF}};
// Lower case letters without an upper case letter of their own (the sharp s, the ordinal
// indicators, kra...).
static const uint16_t case_lower_only[] = {0xAA, 0xBA, 0xDF, 0x138, 0x149, 0x18D, 0x19B, 0x1AA, 0x1AB, 0x1BA, 0x1BE, 0x1F0, 0x221, 0x234, 0x235, 0x236, 0x237, 0x238, 0x239, 0x37A, 0x390, 0x3B0, 0x3FC, 0x1E96, 0x1E97, 0x1E98, 0x1E99, 0x1E9A, 0x1E9C, 0x1E9D, 0x1E9F};

// Whether [c] is an upper case (1) or lower case (2) letter beyond ASCII, or neither (0);
// *other: its other case (c itself if it has none).
static unsigned uni_case(uint32_t c, uint32_t *other) {
    *other = c;
    for (size_t i = 0; i < sizeof(case_runs) / sizeof(case_runs[0]); i++) {
        const case_run_t *r = &case_runs[i];
        uint32_t span = (uint32_t)r->n * r->stride;
        uint32_t up = c - r->start, lo = c - (uint32_t)(int32_t)r->delta - r->start;
        if (up < span && !(up & (r->stride - 1u))) {
            *other = c + (uint32_t)(int32_t)r->delta;
            return 1;
        }
        if (lo < span && !(lo & (r->stride - 1u))) {
            *other = c - (uint32_t)(int32_t)r->delta;
            return 2;
        }
    }
    for (size_t i = 0; i < sizeof(case_lone) / sizeof(case_lone[0]); i++) {
        if (c == case_lone[i][0]) {
            *other = case_lone[i][1];
            return 2;
        }
    }
    for (size_t i = 0; i < sizeof(case_upper_lone) / sizeof(case_upper_lone[0]); i++) {
        if (c == case_upper_lone[i][0]) {
            *other = case_upper_lone[i][1];
            return 1;
        }
    }
    if (c == 0x130) {
        *other = 'i';  // dotted capital I (lower case: "i" and a combining dot)
        return 1;
    }
    for (size_t i = 0; i < sizeof(case_lower_only) / sizeof(case_lower_only[0]); i++) {
        if (c == case_lower_only[i]) {
            return 2;
        }
    }
    return 0;
}

// Whether the code point of str [s] at byte [i] (of [len]) is a cased letter, ASCII too.
static bool uni_cased_at(const char *s, size_t i, size_t len) {
    if (i >= len) {
        return false;
    }
    size_t n;
    uint32_t c = mpf_utf8_decode((const uint8_t *)s + i, &n), o;
    return (unsigned)((c | 0x20) - 'a') < 26 || uni_case(c, &o) != 0;
}

// case_impl for a str with code points beyond ASCII: each mapped as CPython maps it (the
// sharp s to "SS", the final sigma of a word to its own letter, dotted capital I to "i"
// and a combining dot), other letters beyond these scripts unchanged.
static mpf_obj_t case_unicode(const char *s, size_t len, unsigned mode) {
    mpf_vstr_t v;
    mpf_vstr_init(&v, len + 8);
    bool prev_cased = false;
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t c = mpf_utf8_decode((const uint8_t *)s + i, &n), other;
        unsigned kind = c < 0x80 ? ((unsigned)((c | 0x20) - 'a') < 26 ? 2 - !(c & 0x20) : 0) : uni_case(c, &other);
        if (c < 0x80) {
            other = c ^ (kind ? 0x20 : 0);
        }
        bool want_up = mode == CASE_UPPER || (mode == CASE_SWAP && kind == 2) || (mode == CASE_TITLE && !prev_cased) ||
                       (mode == CASE_CAP && i == 0);
        prev_cased = kind != 0;
        uint32_t out = c;
        if (want_up ? kind == 2 : kind == 1) {
            out = other;
            if (c == 0xDF) {
                // (sharp s: "SS", title case "Ss")
                mpf_vstr_add_char(&v, 'S');
                out = mode == CASE_TITLE || mode == CASE_CAP ? 's' : 'S';
            } else if (c == 0x130) {
                mpf_vstr_add_char(&v, 'i');
                out = 0x307;
            } else if (c == 0x3A3 && mode != CASE_FOLD && !uni_cased_at(s, i + n, len) && i > 0 && uni_cased_at(s, i - (s[i - 1] & 0x80 ? 2 : 1), len)) {
                out = 0x3C2;  // a word's final sigma (after a cased letter, before none)
            }
        } else if (mode == CASE_FOLD && kind == 2 && c != 0x131 && other != c) {
            uint32_t o2;
            out = other < 0x80 ? other | 0x20 : uni_case(other, &o2) == 1 ? o2 : c;  // (micro sign, long s, final sigma: their letter's lower case)
        } else if (mode == CASE_FOLD && c == 0xDF) {
            mpf_vstr_add_char(&v, 's');
            out = 's';
        }
        char buf[4];
        mpf_vstr_add_strn(&v, buf, mpf_utf8_encode(out, buf));
    }
    return mpf_vstr_to_str(&v);
}
#endif

static mpf_obj_t case_impl(size_t n_args, const mpf_obj_t *args, unsigned mode) {
    (void)n_args;
    mpf_obj_t self = args[0];
    size_t len;
    const char *s = self_data(self, &len);
    // the result made at its size and filled (a bytearray's: bytes first, then copied)
    bool is_ba = MPF_IS_BYTEARRAY(self);
    uint8_t *d;
    mpf_obj_t r = str_alloc(is_ba ? &mpf_type_bytes : result_type(self), 1, len, &d);
    bool prev_cased = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
#if CONFIG_STR_UNICODE_CASE
        if ((c & 0x80) && MPF_IS_STR_HOT(self)) {
            return case_unicode(s, len, mode);  // (beyond ASCII: the result begun is dropped)
        }
#endif
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        // whether a letter here ends up upper case; the others end up lower case
#if CONFIG_STR_METHODS_MORE
        bool want_up = mode == CASE_UPPER || (mode == CASE_SWAP && lo) || (mode == CASE_TITLE && !prev_cased) ||
                       (mode == CASE_CAP && i == 0);
#else
        bool want_up = mode == CASE_UPPER;  // (upper and lower only)
        (void)prev_cased;
#endif
        if (want_up ? lo : up) {
            c = (char)(c ^ 0x20);  // ASCII upper and lower case differ in this bit
        }
        prev_cased = up || lo;
        d[i] = (uint8_t)c;
    }
    return is_ba ? new_like(self, (const char *)d, len) : r;
}

// Character classes of the is...() methods, bits of char_class()'s result.
enum {
    CC_DIGIT = 1, CC_UPPER = 2, CC_LOWER = 4, CC_SPACE = 8, CC_HIGH = 16, CC_UNDERSCORE = 32, CC_CONTROL = 64,
    CC_OTHER = 128,  // printable ASCII punctuation
    CC_LETTER = CC_UPPER | CC_LOWER | CC_HIGH,  // non-ASCII counts as a letter, as before
};

static unsigned char_class(unsigned char c) {
    if (c >= 0x80) {
        return CC_HIGH;
    }
    if ((unsigned)(c - '0') < 10) {
        return CC_DIGIT;
    }
    if ((unsigned)((c | 0x20) - 'a') < 26) {
        return c & 0x20 ? CC_LOWER : CC_UPPER;  // ASCII upper and lower case differ in this bit
    }
    if (c == '_') {
        return CC_UNDERSCORE;
    }
    if (is_space((char)c)) {
        return c == ' ' ? CC_SPACE : CC_SPACE | CC_CONTROL;
    }
    return c < 0x20 || c == 0x7F ? CC_CONTROL : CC_OTHER;
}

// Each is...() method as data: every character must have a class in [allowed] (digits
// too after the first character with [digit_later]), the whole string must have the
// classes in [need], and [empty] is the answer for ''.
typedef struct str_is_kind {
    uint8_t allowed, need, digit_later, empty;
} str_is_kind_t;
enum { IS_DIGIT, IS_ALPHA, IS_SPACE, IS_UPPER, IS_LOWER, IS_ALNUM, IS_IDENT, IS_PRINTABLE, IS_ASCII, IS_TITLE };
static const str_is_kind_t is_kinds[] = {
    [IS_DIGIT] = {CC_DIGIT, 0, 0, false},
    [IS_ALPHA] = {CC_LETTER, 0, 0, false},
    [IS_SPACE] = {CC_SPACE, 0, 0, false},
    [IS_UPPER] = {(uint8_t)~CC_LOWER, CC_UPPER, 0, false},
    [IS_LOWER] = {(uint8_t)~CC_UPPER, CC_LOWER, 0, false},
    [IS_ALNUM] = {CC_LETTER | CC_DIGIT, 0, 0, false},
    [IS_IDENT] = {CC_LETTER | CC_UNDERSCORE, 0, CC_DIGIT, false},
    [IS_PRINTABLE] = {0xFF, 0, 0, true},   // and no CC_CONTROL (is_impl): '\t' is a space and a control
    [IS_ASCII] = {(uint8_t)~CC_HIGH, 0, 0, true},
#if CONFIG_STR_METHODS_MORE
    // and an upper case letter only after an uncased character, a lower case one only
    // after a cased one (is_impl)
    [IS_TITLE] = {0xFF, CC_UPPER, 0, false},
#endif
};

static mpf_obj_t is_impl(size_t n_args, const mpf_obj_t *args, unsigned kind) {
    (void)n_args;
    mpf_obj_t self = args[0];
    const str_is_kind_t *k = &is_kinds[kind];
    size_t len;
    const char *s = self_data(self, &len);
    if (len == 0) {
        return mpf_obj_bool(k->empty);
    }
#if CONFIG_STR_UNICODE
    // not printable beyond ASCII, as repr() escapes them (print_escaped): U+0080..U+00A0,
    // U+00AD, surrogates and (with STR_UNICODE_CASE) high_unprintable's (every other
    // non-ASCII character counts as printable)
    if (kind == IS_PRINTABLE && MPF_IS_STR_HOT(self)) {
        for (size_t i = 1; i < len; i++) {
            const uint8_t b0 = (uint8_t)s[i - 1], b1 = (uint8_t)s[i];
            if ((b0 == 0xC2 && (b1 <= 0xA0 || b1 == 0xAD)) || (b0 == 0xED && b1 >= 0xA0)) {
                return MPF_OBJ_FALSE;
            }
#if CONFIG_STR_UNICODE_CASE
            size_t n;
            if (b0 >= 0xEE && high_unprintable(mpf_utf8_decode((const uint8_t *)s + i - 1, &n))) {
                return MPF_OBJ_FALSE;
            }
#endif
        }
    }
#endif
    unsigned seen = 0, prev = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned c = char_class((unsigned char)s[i]);
#if CONFIG_STR_UNICODE_CASE
        if (c == CC_HIGH && kind != IS_ASCII && MPF_IS_STR_HOT(self)) {
            // a cased letter beyond ASCII counts as upper or lower case
            size_t n;
            uint32_t o;
            unsigned cased = uni_case(mpf_utf8_decode((const uint8_t *)s + i, &n), &o);
            c = cased == 1 ? CC_UPPER : cased == 2 ? CC_LOWER : CC_HIGH;
            i += n - 1;
        }
#endif
        unsigned ok = k->allowed;
#if CONFIG_STR_METHODS_MORE
        // (the kinds only STR_METHODS_MORE has: identifiers, printable, titles)
        ok |= i > 0 ? k->digit_later : 0;
        if ((kind == IS_PRINTABLE && (c & CC_CONTROL)) ||
            (kind == IS_TITLE && (c & (prev & (CC_UPPER | CC_LOWER) ? CC_UPPER : CC_LOWER)))) {
            ok = 0;
        }
        prev = c;
#else
        (void)prev;
#endif
        if (!(c & ok)) {
            return MPF_OBJ_FALSE;
        }
        seen |= c;
    }
    return mpf_obj_bool((seen & k->need) == k->need);
}

#if CONFIG_STR_METHODS_MORE
// ljust/rjust/center/zfill (self, width[, fill]): self padded to width characters with
// fill (a space, '0' for zfill); zfill puts its zeros after a sign.
enum { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTER, ALIGN_ZFILL };
static mpf_obj_t justify(size_t n_args, const mpf_obj_t *args, unsigned align) {
    mpf_obj_t self = args[0];
    size_t len;
    const char *s = self_data(self, &len);
    bool is_bytes = !MPF_IS_STR_HOT(self);
    mpf_int_t width = mpf_obj_get_int(args[1]);
    const char *fill = align == ALIGN_ZFILL ? "0" : " ";
    size_t fl = 1;
    if (n_args > 2) {
        fill = arg_data(self, args[2], &fl);
        if (str_charlen((const uint8_t *)fill, fl, is_bytes) != 1) {
            mpf_raise_msg(&mpf_type_TypeError, "The fill character must be exactly one character long");
        }
    }
    mpf_int_t clen = (mpf_int_t)str_charlen((const uint8_t *)s, len, is_bytes);
    if (width <= clen) {
        return self;
    }
    mpf_int_t pad = width - clen;
    mpf_int_t left = align == ALIGN_LEFT ? 0 : align == ALIGN_CENTER ? pad / 2 + (pad & width & 1) : pad;
    size_t sign = align == ALIGN_ZFILL && len > 0 && (s[0] == '-' || s[0] == '+');
    mpf_vstr_t v;
    mpf_vstr_init(&v, len + (size_t)pad * fl + 1);
    mpf_vstr_add_strn(&v, s, sign);
    for (mpf_int_t i = 0; i <= pad; i++) {
        if (i == left) {
            mpf_vstr_add_strn(&v, s + sign, len - sign);
        }
        mpf_vstr_add_strn(&v, fill, i < pad ? fl : 0);
    }
    return new_like(self, v.buf, v.len);
}


static mpf_obj_t partition_impl(size_t n_args, const mpf_obj_t *args, unsigned right) {
    (void)n_args;
    mpf_obj_t self = args[0], sep_o = args[1];
    size_t len, sl;
    const char *s = self_data(self, &len);
    const char *sep = arg_data(self, sep_o, &sl);
    const mpf_type_t *t = result_type(self);
    if (sl == 0) {
        mpf_raise_msg(&mpf_type_ValueError, "empty separator");
    }
    mpf_obj_t items[3];
    size_t found = str_search(s, 0, len, sep, sl, right);
    if (found == SIZE_MAX) {
        // not found: the whole (self itself when of the result type, else a copy: a
        // bytearray's parts are new bytearrays) and two empty parts
        found = right ? 0 : len;
        sl = 0;
    }
    bool is_ba = MPF_IS_BYTEARRAY(self);
    bool keep_self = sl == 0 && !is_ba;  // (t is self's own type)
    items[0] = keep_self && !right ? self : mpf_obj_new_str_of_type(t, s, found);
    // found in bytes: the separator object itself, as CPython (even a memoryview)
    items[1] = sl > 0 && !is_ba ? sep_o : mpf_obj_new_str_of_type(t, sep, sl);
    items[2] = keep_self && right ? self : mpf_obj_new_str_of_type(t, s + found + sl, len - found - sl);
    return mpf_obj_new_tuple(3, items);
}

#endif

// ---------------------------------------------------------------- codecs
// The encodings str.encode and bytes.decode know; anything else is a LookupError.
typedef enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1 } codec_t;

// The codec named by [enc] (NULL: utf-8), spelled as CPython accepts: any case, '_' or
// ' ' for '-', and the common aliases.
static codec_t codec_of(mpf_obj_t enc) {
    if (enc == MPF_OBJ_NULL) {
        return CODEC_UTF8;
    }
    if (!MPF_IS_STR_HOT(enc)) {
        mpf_raise_fmt(&mpf_type_TypeError, "encoding must be str, not %T", enc);
    }
    size_t len;
    const char *s = mpf_obj_str_data(enc, &len);
    // Each codec's names, each after its length, and \1 after the codec's last.
    static const char names[] = "\5utf-8\4utf8\2u8\3utf\1"
#if CONFIG_STR_CODECS
                                "\5ascii\10us-ascii\3" "646\1"
                                "\7latin-1\6latin1\5latin\2l1\12iso-8859-1\11iso8859-1\4" "8859\5" "cp819\1"
#endif
        ;
    int codec = 0;
    for (const char *w = names; *w != 0; w++) {
        if (*w == 1) {
            codec++;
            continue;
        }
        // [s] spelled as the name: any case, '_' or ' ' for '-'
        size_t k = 0;
        while ((size_t)*w == len && k < len) {
            char c = s[k];
            c = c == '_' || c == ' ' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
            if (c != w[1 + k]) {
                break;
            }
            k++;
        }
        if ((size_t)*w == len && k == len) {
            return (codec_t)codec;
        }
        w += *w;
    }
    mpf_raise_fmt(&mpf_type_LookupError, "unknown encoding: %.*s", (int)len, s);
}

// The error handler [errors] (NULL: strict): 'i'gnore, 'r'eplace, else 's'trict (CPython
// looks a handler up only when an error occurs).
static char errors_of(mpf_obj_t errors) {
    if (errors == MPF_OBJ_NULL) {
        return 's';
    }
    if (!MPF_IS_STR_HOT(errors)) {
        mpf_raise_fmt(&mpf_type_TypeError, "errors must be str, not %T", errors);
    }
#if CONFIG_STR_CODECS
    size_t len;
    const char *s = mpf_obj_str_data(errors, &len);
    if ((len == 6 && memcmp(s, "ignore", 6) == 0) || (len == 7 && memcmp(s, "replace", 7) == 0)) {
        return s[0];
    }
#endif
    return 's';  // (without the codecs no handlers: a malformed byte is always an error)
}

static const char *const codec_names[] = {"utf-8", "ascii", "latin-1"};


// str.encode and ([encode] false) bytes.decode (encoding='utf-8', errors='strict'): UTF-8
// is the str's own bytes (checked when decoding); ascii and latin-1 map each code point
// below 128 or 256 to the byte of that value and back. [ctor]: the type of str(object,
// encoding, errors) or bytes(source, encoding, errors), NULL for the methods; without
// CONFIG_ERROR_MSG_EXACT the object is positional only, as the receiver is.
static mpf_obj_t transcode(size_t n_args, size_t n_kw, const mpf_obj_t *args, bool encode, const mpf_type_t *ctor) {
    mpf_obj_t a[3];  // the object, encoding, errors
#if CONFIG_ERROR_MSG_EXACT
    mpf_qstr_t names[3] = {encode ? MPF_QSTR_source : MPF_QSTR_object, MPF_QSTR_encoding, MPF_QSTR_errors};
    if (ctor == NULL) {
        mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(encode ? MPF_QSTR_encode : MPF_QSTR_decode, 1), 2, 2, names + 1, a + 1);
        a[0] = args[0];
    } else {
        mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(mpf_type_name(ctor), 0), 3, 3, names, a);
        if (a[0] == MPF_OBJ_NULL) {
            return encode ? mpf_obj_new_bytes(NULL, 0) : mpf_obj_new_qstr(MPF_QSTRE_);  // str(encoding='ascii')
        }
        if (!encode && a[1] == MPF_OBJ_NULL && a[2] == MPF_OBJ_NULL) {
            return mpf_obj_str(a[0]);  // str(object=x)
        }
    }
#else
    (void)ctor;
    static const mpf_qstr_t names[2] = {MPF_QSTR_encoding, MPF_QSTR_errors};
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(0, 1), 2, 2, names, a + 1);  // (TypeError without the object)
    a[0] = args[0];
#endif
    codec_t codec = codec_of(a[1]);
    char errors = errors_of(a[2]);
    size_t len;
    const char *s = self_data(a[0], &len);
    if (codec == CODEC_UTF8 || !CONFIG_STR_CODECS) {
        return encode ? mpf_obj_new_bytes((const uint8_t *)s, len) : str_decode_utf8(s, len, errors);
    }
    uint32_t limit = codec == CODEC_ASCII ? 0x80 : 0x100;
    mpf_vstr_t v;
    mpf_vstr_init(&v, len + len / 2);
    size_t pos = 0;  // the code point's place (decoding: the byte's)
    for (size_t i = 0; i < len; pos++) {
        size_t n = 1;
        uint32_t c = encode ? mpf_utf8_decode((const uint8_t *)s + i, &n) : (uint8_t)s[i];
        i += n;
        if (c < limit) {
            if (!encode && c >= 0x80) {
                // latin-1: U+0080..U+00FF are two bytes in UTF-8
                mpf_vstr_add_char(&v, (char)(0xC0 | (c >> 6)));
                c = 0x80 | (c & 0x3F);
            }
            mpf_vstr_add_char(&v, (char)c);
        } else if (errors == 'r') {
            mpf_vstr_add_strn(&v, encode ? "?" : "\xef\xbf\xbd", encode ? 1 : 3);  // U+FFFD
        } else if (errors == 's') {
            if (!encode) {
                raise_codec_error(false, "ascii", a[0], s, len, pos, pos + 1, "ordinal not in range(128)");
            }
#if CONFIG_EXC_ATTRS && CONFIG_ERROR_MSG_EXACT
            raise_codec_error(true, codec_names[codec], a[0], s, len, pos, pos + 1, limit == 0x80 ? "ordinal not in range(128)" : "ordinal not in range(256)");
#endif
            char esc[11];  // (read by the message only)
#if CONFIG_ERROR_MSG_LEVEL >= 1
            hex_escape(esc, c);
#endif
            mpf_raise_fmt(&mpf_type_UnicodeEncodeError, "'%s' codec can't encode character '%s' in position %u: ordinal not in range(%u)",
                codec_names[codec], esc, (unsigned)pos, (unsigned)limit);
        }
    }
    return mpf_obj_new_str_of_type(encode ? &mpf_type_bytes : &mpf_type_str, v.buf, v.len);
}

static mpf_obj_t str_encode(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return transcode(n_args, n_kw, args, true, NULL);
}

static mpf_obj_t bytes_decode(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return transcode(n_args, n_kw, args, false, NULL);
}

#if CONFIG_STR_METHODS_MORE
// hex(sep=None, bytes_per_sep=1): [sep] (one ASCII character) between groups of
// bytes_per_sep bytes, counted from the right (from the left when negative).
static mpf_obj_t bytes_hex(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    size_t len;
    const uint8_t *s = (const uint8_t *)self_data(args[0], &len);
    static const mpf_qstr_t kws[] = {MPF_QSTR_sep, MPF_QSTR_bytes_per_sep};
    mpf_obj_t a[2];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_hex, 1), 2, 2, kws, a);
    mpf_obj_t sep_o = a[0], bps_o = a[1];
    char sep = 0;
    mpf_int_t bps = bps_o != MPF_OBJ_NULL ? mpf_obj_get_int(bps_o) : 1;
    if (sep_o != MPF_OBJ_NULL && sep_o != MPF_OBJ_NONE) {
        size_t sl;
        const char *ss = self_data(sep_o, &sl);
        if (sl != 1) {
            mpf_raise_msg(&mpf_type_ValueError, "sep must be length 1.");
        }
        if ((uint8_t)ss[0] >= 0x80) {
            mpf_raise_msg(&mpf_type_ValueError, "sep must be ASCII.");
        }
        sep = ss[0];
    }
    size_t group = sep == 0 || bps == 0 ? 0 : (size_t)(bps < 0 ? -bps : bps);
    mpf_vstr_t v;
    mpf_vstr_init(&v, len * 3 + 1);
    for (size_t i = 0; i < len; i++) {
        if (group != 0 && i > 0 && (bps > 0 ? (len - i) % group : i % group) == 0) {
            mpf_vstr_add_char(&v, sep);
        }
        hex_digits(mpf_vstr_extend(&v, 2), s[i], 2);
    }
    return mpf_vstr_to_str(&v);
}

static mpf_obj_t bytes_fromhex(mpf_obj_t cls, mpf_obj_t s_o) {
    if (!MPF_IS_STR_HOT(s_o)) {
        mpf_raise_fmt(&mpf_type_TypeError, "fromhex() argument must be str, not %T", s_o);
    }
    size_t len;
    const char *s = mpf_obj_str_data(s_o, &len);
    mpf_vstr_t v;
    mpf_vstr_init(&v, len / 2 + 1);
    for (size_t i = 0; i < len;) {
        if (is_space(s[i])) {
            i++;
            continue;
        }
        int d[2];
        for (int k = 0; k < 2; k++) {
            char c = i < len ? (char)(s[i] | 0x20) : 0;
            if (c >= '0' && c <= '9') {
                d[k] = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                d[k] = c - 'a' + 10;
            } else {
                mpf_raise_fmt(&mpf_type_ValueError, "non-hexadecimal number found in fromhex() arg at position %u", (unsigned)i);
            }
            i++;
        }
        mpf_vstr_add_char(&v, (char)(d[0] * 16 + d[1]));
    }
    if (cls == mpf_obj_from_ptr(&mpf_type_bytes)) {
        return mpf_vstr_to_bytes(&v);
    }
    return mpf_call1(cls, mpf_vstr_to_bytes(&v));
}
MPF_FUN_2(bytes_fromhex_fun_obj, MPF_QSTR_fromhex, bytes_fromhex);
static const mpf_wrapper_t bytes_fromhex_obj = {{&mpf_type_classmethod}, MPF_ROM_PTR(&bytes_fromhex_fun_obj)};

static mpf_obj_t str_expandtabs(size_t n_args, const mpf_obj_t *args) {
    size_t len;
    const char *s = self_data(args[0], &len);
    mpf_int_t tab = n_args > 1 ? mpf_obj_get_int(args[1]) : 8;
    mpf_vstr_t v;
    mpf_vstr_init(&v, len + 1);
    mpf_int_t col = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\t') {
            if (tab > 0) {
                mpf_int_t n = tab - col % tab;
                memset(mpf_vstr_extend(&v, (size_t)n), ' ', (size_t)n);
                col += n;
            }
        } else {
            mpf_vstr_add_char(&v, s[i]);
            col = (s[i] == '\n' || s[i] == '\r') ? 0 : col + ((s[i] & 0xC0) != 0x80);
        }
    }
    return new_like(args[0], v.buf, v.len);
}
#endif

#if CONFIG_STR_FORMAT
#endif

#if CONFIG_STR_METHODS_MORE
#define MORE_COMMON_METHODS \
    MPF_ROM_FUN_KW(MPF_QSTR_splitlines, 1, str_splitlines), \
    MPF_ROM_FUN_MODE(MPF_QSTR_swapcase, 1, 1, case_impl, CASE_SWAP), \
    MPF_ROM_FUN_MODE(MPF_QSTR_title, 1, 1, case_impl, CASE_TITLE), \
    MPF_ROM_FUN_MODE(MPF_QSTR_capitalize, 1, 1, case_impl, CASE_CAP), \
    MPF_ROM_FUN_MODE(MPF_QSTR_isalnum, 1, 1, is_impl, IS_ALNUM), \
    MPF_ROM_FUN_MODE(MPF_QSTR_ljust, 2, 3, justify, ALIGN_LEFT), \
    MPF_ROM_FUN_MODE(MPF_QSTR_rjust, 2, 3, justify, ALIGN_RIGHT), \
    MPF_ROM_FUN_MODE(MPF_QSTR_center, 2, 3, justify, ALIGN_CENTER), \
    MPF_ROM_FUN_MODE(MPF_QSTR_zfill, 2, 2, justify, ALIGN_ZFILL), \
    MPF_ROM_FUN_MODE(MPF_QSTR_partition, 2, 2, partition_impl, false), \
    MPF_ROM_FUN_MODE(MPF_QSTR_rpartition, 2, 2, partition_impl, true), \
    MPF_ROM_FUN_MODE(MPF_QSTR_removeprefix, 2, 2, find_impl, FIND_AFFIX | FIND_REMOVE), \
    MPF_ROM_FUN_MODE(MPF_QSTR_removesuffix, 2, 2, find_impl, FIND_AFFIX | FIND_REMOVE | FIND_RIGHT), \
    MPF_ROM_FUN_VAR(MPF_QSTR_expandtabs, 1, 2, str_expandtabs),
#define MORE_BYTES_METHODS \
    MPF_ROM_FUN_KW(MPF_QSTR_hex, 1, bytes_hex), \
    {MPF_ROM_QSTR(MPF_QSTR_fromhex), MPF_ROM_PTR(&bytes_fromhex_obj)},
#else
#define MORE_COMMON_METHODS
#define MORE_BYTES_METHODS
#endif

#define COMMON_METHODS \
    MPF_ROM_FUN_2(MPF_QSTR_join, str_join), \
    MPF_ROM_FUN_KW(MPF_QSTR_split, 1, str_split), \
    MPF_ROM_FUN_KW(MPF_QSTR_rsplit, 1, str_rsplit), \
    MPF_ROM_FUN_MODE(MPF_QSTR_strip, 1, 2, strip_impl, 3), \
    MPF_ROM_FUN_MODE(MPF_QSTR_lstrip, 1, 2, strip_impl, 1), \
    MPF_ROM_FUN_MODE(MPF_QSTR_rstrip, 1, 2, strip_impl, 2), \
    MPF_ROM_FUN_MODE(MPF_QSTR_find, 2, 4, find_impl, 0), \
    MPF_ROM_FUN_MODE(MPF_QSTR_rfind, 2, 4, find_impl, FIND_RIGHT), \
    MPF_ROM_FUN_MODE(MPF_QSTR_index, 2, 4, find_impl, FIND_RAISE), \
    MPF_ROM_FUN_MODE(MPF_QSTR_rindex, 2, 4, find_impl, FIND_RIGHT | FIND_RAISE), \
    MPF_ROM_FUN_MODE(MPF_QSTR_count, 2, 4, find_impl, FIND_COUNT), \
    MPF_ROM_FUN_MODE(MPF_QSTR_startswith, 2, 4, find_impl, FIND_AFFIX), \
    MPF_ROM_FUN_MODE(MPF_QSTR_endswith, 2, 4, find_impl, FIND_AFFIX | FIND_RIGHT), \
    MPF_ROM_FUN_VAR(MPF_QSTR_replace, 3, 4, str_replace), \
    MPF_ROM_FUN_MODE(MPF_QSTR_upper, 1, 1, case_impl, CASE_UPPER), \
    MPF_ROM_FUN_MODE(MPF_QSTR_lower, 1, 1, case_impl, CASE_LOWER), \
    MPF_ROM_FUN_MODE(MPF_QSTR_isdigit, 1, 1, is_impl, IS_DIGIT), \
    MPF_ROM_FUN_MODE(MPF_QSTR_isalpha, 1, 1, is_impl, IS_ALPHA), \
    MPF_ROM_FUN_MODE(MPF_QSTR_isspace, 1, 1, is_impl, IS_SPACE), \
    MPF_ROM_FUN_MODE(MPF_QSTR_isupper, 1, 1, is_impl, IS_UPPER), \
    MPF_ROM_FUN_MODE(MPF_QSTR_islower, 1, 1, is_impl, IS_LOWER), \
    MORE_COMMON_METHODS

// One table for both types, bytes' own methods first, then the shared ones, then str's
// own: str's map and bytes' map are two overlapping ranges of it (the shared entries are
// in flash once; a rom map is searched linearly, so its order does not matter).
#define BYTES_ONLY_METHODS \
    MPF_ROM_FUN_KW(MPF_QSTR_decode, 1, bytes_decode), \
    MORE_BYTES_METHODS
#define N_METHODS(list) (sizeof((const mpf_rom_map_elem_t[]){list}) / sizeof(mpf_rom_map_elem_t))

static const mpf_rom_map_elem_t str_bytes_locals_table[] = {
    BYTES_ONLY_METHODS
    COMMON_METHODS
#if CONFIG_STR_METHODS_MORE
    MPF_ROM_FUN_MODE(MPF_QSTR_isidentifier, 1, 1, is_impl, IS_IDENT),
    MPF_ROM_FUN_MODE(MPF_QSTR_istitle, 1, 1, is_impl, IS_TITLE),
    MPF_ROM_FUN_MODE(MPF_QSTR_isdecimal, 1, 1, is_impl, IS_DIGIT),
    MPF_ROM_FUN_MODE(MPF_QSTR_isnumeric, 1, 1, is_impl, IS_DIGIT),
    MPF_ROM_FUN_MODE(MPF_QSTR_isprintable, 1, 1, is_impl, IS_PRINTABLE),
    MPF_ROM_FUN_MODE(MPF_QSTR_isascii, 1, 1, is_impl, IS_ASCII),
    MPF_ROM_FUN_MODE(MPF_QSTR_casefold, 1, 1, case_impl, CASE_FOLD),
#endif
    MPF_ROM_FUN_KW(MPF_QSTR_encode, 1, str_encode),
#if CONFIG_STR_FORMAT
    MPF_ROM_FUN_KW(MPF_QSTR_format, 1, mpf_str_format_fn),
#endif
};
static const mpf_rom_map_t str_locals = {
    sizeof(str_bytes_locals_table) / sizeof(str_bytes_locals_table[0]) - N_METHODS(BYTES_ONLY_METHODS),
    str_bytes_locals_table + N_METHODS(BYTES_ONLY_METHODS),
};
static const mpf_rom_map_t bytes_locals = {
    N_METHODS(BYTES_ONLY_METHODS) + N_METHODS(COMMON_METHODS),
    str_bytes_locals_table,
};
const mpf_rom_map_t *const mpf_bytes_locals = &bytes_locals;

static const mpf_type_ext_t str_get_buffer_ext = {.get_buffer = str_get_buffer};
const mpf_type_t mpf_type_str = MPF_TYPE(MPF_QSTR_str, MPF_TYPE_FLAG_SUBCLASSABLE,
    (print, str_print),
    (make_new, str_make_new),
    (unary_op, str_unary_op),
    (binary_op, str_binary_op),
    (subscr, str_subscr),
    (getiter, str_getiter),
    (ext, &str_get_buffer_ext),
    (locals, &str_locals));

// ---------------------------------------------------------------- bytes
#if CONFIG_BUILTIN_HELPERS || CONFIG_STR_FORMAT
// What a class instance's __bytes__ returns (TypeError unless bytes), or NULL when [o]
// is not an instance of a class defining it (bytes() and format.c's %b).
mpf_obj_t mpf_bytes_dunder(mpf_obj_t o) {
    const mpf_type_t *t = mpf_obj_type(o);
    mpf_obj_t m = (t->flags & MPF_TYPE_FLAG_HEAP) ? mpf_type_lookup(t, MPF_QSTR___bytes__) : MPF_OBJ_NULL;
    if (m == MPF_OBJ_NULL) {
        return MPF_OBJ_NULL;
    }
    mpf_obj_t r = mpf_call1(m, o);
    if (!mpf_obj_is_type(r, &mpf_type_bytes)) {
        mpf_raise_fmt(&mpf_type_TypeError, "__bytes__ returned non-bytes (type %T)", r);
    }
    return r;
}
#endif

static mpf_obj_t bytes_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_num(n_args, n_kw, 0, 3, true);
    mpf_obj_t a = n_args > 0 ? args[0] : mpf_obj_new_small_int(0);  // bytes() is bytes(0)
    if (MPF_IS_STR_HOT(a)) {
        if (n_args < 2 && n_kw == 0) {
            mpf_raise_msg(&mpf_type_TypeError, "string argument without an encoding");
        }
        return transcode(n_args, n_kw, args, true, type);  // bytes(s, encoding, errors) is s.encode(encoding, errors)
    }
#if CONFIG_BUILTIN_HELPERS
    if (n_args > 1 || n_kw > 0) {
        mpf_raise_msg(&mpf_type_TypeError, n_args > 2 ? "errors without a string argument" : "encoding without a string argument");
    }
    mpf_obj_t own = mpf_bytes_dunder(a);
    if (own != MPF_OBJ_NULL) {
        return own;
    }
#endif
    mpf_int_t n;
    if (mpf_obj_get_index_maybe(a, &n)) {
        if (n < 0) {
            mpf_raise_msg(&mpf_type_ValueError, "negative count");
        }
        uint8_t *d;
        return str_alloc(&mpf_type_bytes, 1, (size_t)n, &d);
    }
    mpf_buffer_t b;
    if (mpf_obj_get_buffer(a, &b, false)) {
        return mpf_obj_new_bytes(b.buf, b.len);
    }
    mpf_vstr_t v;
    mpf_vstr_init(&v, 16);
    mpf_obj_t it = mpf_getiter(a);
    mpf_obj_t x;
    while ((x = mpf_iternext(it)) != MPF_OBJ_STOP) {
        mpf_int_t c = mpf_obj_get_int(x);
        if (c < 0 || c > 255) {
            mpf_raise_msg(&mpf_type_ValueError, "bytes must be in range(0, 256)");
        }
        mpf_vstr_add_char(&v, (char)c);
    }
    return mpf_vstr_to_bytes(&v);
}

const mpf_type_t mpf_type_bytes = MPF_TYPE(MPF_QSTR_bytes, MPF_TYPE_FLAG_SUBCLASSABLE,
    (print, str_print),
    (make_new, bytes_make_new),
    (unary_op, str_unary_op),
    (binary_op, str_binary_op),
    (subscr, str_subscr),
    (getiter, str_getiter),
    (ext, &str_get_buffer_ext),
    (locals, &bytes_locals));
