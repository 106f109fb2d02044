// mod_struct.c -- the struct module: pack(), unpack(), calcsize(), pack_into(),
// unpack_from(), iter_unpack() and struct.error.
//
// A format is an optional byte-order prefix then items [count]code:
//   @ native order, native sizes and alignment (the default)
//   = native order, standard sizes, no alignment
//   < little-endian, > and ! big-endian: standard sizes, no alignment
// Codes: x pad, c bytes of 1, b B signed/unsigned char, ? bool, h H 2 bytes,
// i I 4, l L 4 (native: sizeof(long)), q Q 8, n N size_t (native only), e f d
// half/single/double floats, s bytes (count = length), P pointer (native only).
// Integers go through the core's int <-> bytes conversion, so 8-byte values work on
// 32-bit targets and with any int representation.
#include "mpf_int.h"

// Whether [o] is a bytearray (a type only some builds have).
#if CONFIG_BUILTIN_BYTEARRAY
#define IS_BYTEARRAY(o) mpf_obj_is_type((o), &mpf_type_bytearray)
#else
#define IS_BYTEARRAY(o) false
#endif

// The parsed byte-order prefix.
typedef struct fmt_mode {
    bool native;   // '@': native sizes and alignment
    bool little;   // byte order of multi-byte items
} fmt_mode_t;

// One item of a format: [code] repeated [count] times (for 's': one item of count bytes).
typedef struct fmt_item {
    char code;
    size_t count;
    size_t size;    // bytes of one element
    size_t align;   // alignment of the first element (native mode), else 1
} fmt_item_t;

static bool host_little_endian(void) {
    const uint16_t one = 1;
    return *(const uint8_t *)&one == 1;
}

// The struct.error class, made on import (a subclass of Exception).
static const mpf_type_t *struct_error_type(void) {
    mpf_obj_t mod = mpf_dict_get(mpf_state.modules, mpf_obj_new_qstr(MPF_QSTR_struct));
    if (mod != MPF_OBJ_NULL && mpf_obj_is_type(mod, &mpf_type_module)) {
        mpf_obj_t e = mpf_dict_get(((const mpf_module_t *)mpf_obj_ptr(mod))->globals, mpf_obj_new_qstr(MPF_QSTR_error));
        if (e != MPF_OBJ_NULL && mpf_obj_is_type(e, &mpf_type_type)) {
            return mpf_obj_ptr(e);
        }
    }
    return &mpf_type_ValueError;
}

MPF_NORETURN static void struct_error(const char *msg) {
    mpf_raise(mpf_exc_new_msg(struct_error_type(), msg));
}

// struct.error with a message formatted by mpf_printf.
MPF_NORETURN static void struct_error_fmt(const char *fmt, ...) {
    mpf_vstr_t vs;
    mpf_vstr_init(&vs, 80);
    mpf_print_t pr;
    mpf_vstr_print(&vs, &pr);
    va_list ap;
    va_start(ap, fmt);
    mpf_vprintf(&pr, fmt, ap);
    va_end(ap);
    mpf_vstr_add_char(&vs, 0);
    struct_error(vs.buf);
}

// [off] rounded up to a multiple of [align] (native alignment of an item).
static size_t align_up(size_t off, size_t align) {
    return align > 1 ? (off + align - 1) / align * align : off;
}

// The readable buffer of [data] (bytes-like) into *b.
static void read_buffer(mpf_obj_t data, mpf_buffer_t *b) {
    if (!mpf_obj_get_buffer(data, b, false)) {
        mpf_raise_fmt(&mpf_type_TypeError, "a bytes-like object is required, not '%T'", data);
    }
}

// Size of [code] in [mode], or 0 if the code is unknown (or native-only in standard mode).
static size_t code_size(char code, const fmt_mode_t *mode) {
    switch (code) {
        case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p':
            return 1;
        case 'h': case 'H': case 'e':
            return 2;
        case 'i': case 'I': case 'f':
            return 4;
        case 'l': case 'L':
            return mode->native ? sizeof(long) : 4;
        case 'q': case 'Q': case 'd':
            return 8;
        case 'n': case 'N':
            return mode->native ? sizeof(size_t) : 0;
        case 'P':
            return mode->native ? sizeof(void *) : 0;
        default:
            return 0;
    }
}

// A cursor over a format string.
typedef struct fmt_iter {
    const char *p, *end;
    fmt_mode_t mode;
} fmt_iter_t;

static void fmt_start(fmt_iter_t *it, mpf_obj_t fmt) {
    size_t len;
    if (!MPF_IS_STR(fmt) && !mpf_obj_is_type(fmt, &mpf_type_bytes)) {
        mpf_raise_fmt(&mpf_type_TypeError, "Struct() argument 1 must be a str or bytes object, not %T", fmt);
    }
    it->p = mpf_obj_str_data(fmt, &len);
    it->end = it->p + len;
    it->mode.native = true;
    it->mode.little = host_little_endian();
    if (it->p < it->end) {
        switch (*it->p) {
            case '@':
                it->p++;
                break;
            case '=':
                it->mode.native = false;
                it->p++;
                break;
            case '<':
                it->mode.native = false;
                it->mode.little = true;
                it->p++;
                break;
            case '>':
            case '!':
                it->mode.native = false;
                it->mode.little = false;
                it->p++;
                break;
            default:
                break;
        }
    }
}

// The next item into *item; false at the end of the format.
static bool fmt_next(fmt_iter_t *it, fmt_item_t *item) {
    while (it->p < it->end && (*it->p == ' ' || *it->p == '\t' || *it->p == '\n')) {
        it->p++;
    }
    if (it->p >= it->end) {
        return false;
    }
    size_t count = 1;
    if (*it->p >= '0' && *it->p <= '9') {
        count = 0;
        while (it->p < it->end && *it->p >= '0' && *it->p <= '9') {
            if (count > (SIZE_MAX - 9) / 10) {
                struct_error("total struct size too long");
            }
            count = count * 10 + (size_t)(*it->p++ - '0');
        }
        if (it->p >= it->end) {
            struct_error("repeat count given without format specifier");
        }
    }
    char code = *it->p++;
    size_t size = code_size(code, &it->mode);
    if (size == 0) {
        struct_error("bad char in struct format");
    }
    item->code = code;
    item->count = count;
    item->size = size;
    item->align = it->mode.native && code != 's' && code != 'p' ? size : 1;
    return true;
}

// Bytes of one value list in [fmt], and the number of Python values it holds.
static size_t fmt_calcsize(mpf_obj_t fmt, size_t *n_values) {
    fmt_iter_t it;
    fmt_item_t item;
    fmt_start(&it, fmt);
    size_t size = 0, n = 0;
    while (fmt_next(&it, &item)) {
        size = align_up(size, item.align);
        if (item.code == 's' || item.code == 'p') {
            size += item.count;
            n++;
        } else {
            if (item.count > (SIZE_MAX / 2 - size) / item.size) {
                struct_error("total struct size too long");
            }
            size += item.size * item.count;
            if (item.code != 'x') {
                n += item.count;
            }
        }
    }
    if (n_values) {
        *n_values = n;
    }
    return size;
}

static mpf_obj_t struct_calcsize(mpf_obj_t fmt) {
    return mpf_obj_new_small_int((mpf_int_t)fmt_calcsize(fmt, NULL));
}

// IEEE half precision <-> float, rounding to nearest even.
static uint16_t float_to_half(mpf_float_t f) {
    union {
        float f;
        uint32_t u;
    } v = {(float)f};
    uint32_t sign = (v.u >> 16) & 0x8000u;
    int32_t exp = (int32_t)((v.u >> 23) & 0xff) - 127 + 15;
    uint32_t mant = v.u & 0x7fffffu;
    if (((v.u >> 23) & 0xff) == 0xff) {
        return (uint16_t)(sign | 0x7c00u | (mant ? 0x200u : 0));
    }
    if (exp >= 31) {
        mpf_raise_msg(&mpf_type_OverflowError, "float too large to pack with e format");
    }
    if (exp <= 0) {
        if (exp < -10) {
            return (uint16_t)sign;
        }
        mant |= 0x800000u;
        uint32_t shift = (uint32_t)(14 - exp);
        uint32_t half = mant >> shift;
        uint32_t rem = mant & ((1u << shift) - 1);
        uint32_t mid = 1u << (shift - 1);
        if (rem > mid || (rem == mid && (half & 1))) {
            half++;
        }
        return (uint16_t)(sign | half);
    }
    uint32_t half = sign | ((uint32_t)exp << 10) | (mant >> 13);
    uint32_t rem = mant & 0x1fffu;
    if (rem > 0x1000u || (rem == 0x1000u && (half & 1))) {
        half++;  // may carry into the exponent: still correct (up to inf)
    }
    if ((half & 0x7c00u) == 0x7c00u) {
        mpf_raise_msg(&mpf_type_OverflowError, "float too large to pack with e format");
    }
    return (uint16_t)half;
}

#if CONFIG_FLOAT
static mpf_float_t half_to_float(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
    uint32_t exp = (h >> 10) & 0x1f;
    uint32_t mant = h & 0x3ffu;
    union {
        float f;
        uint32_t u;
    } v;
    if (exp == 0) {
        float m = (float)mant / 1024.0f / 16384.0f;  // mant * 2**-24
        return (mpf_float_t)(sign ? -m : m);
    } else if (exp == 31) {
        v.u = sign | 0x7f800000u | (mant << 13);
    } else {
        v.u = sign | ((exp - 15 + 127) << 23) | (mant << 13);
    }
    return (mpf_float_t)v.f;
}
#endif

// Copy [n] bytes from [src] to [dst], reversed when [swap].
static void copy_order(uint8_t *dst, const uint8_t *src, size_t n, bool swap) {
    for (size_t i = 0; i < n; i++) {
        dst[i] = swap ? src[n - 1 - i] : src[i];
    }
}

static bool code_signed(char c) {
    return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
}

// The [size] bytes of int [v] in the given order, or NULL if it does not fit.
static mpf_obj_t int_bytes(mpf_obj_t v, size_t size, bool little, bool is_signed) {
    if (!mpf_int_fits_bytes(v, size, is_signed)) {
        return MPF_OBJ_NULL;
    }
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t b = mpf_int_to_bytes_obj(v, size, little, is_signed);
        mpf_nlr_pop(&nlr);
        return b;
    }
    if (!mpf_exc_match(nlr.exc, &mpf_type_OverflowError)) {
        mpf_nlr_raise(nlr.exc);
    }
    return MPF_OBJ_NULL;
}

// Pack one value [v] of [item] at [p].
static void pack_one(uint8_t *p, const fmt_item_t *item, const fmt_mode_t *mode, mpf_obj_t v) {
    bool swap = mode->little != host_little_endian();
    switch (item->code) {
        case 'c': {
            size_t len;
            if (!mpf_obj_is_type(v, &mpf_type_bytes) || (mpf_obj_str_data(v, &len), len != 1)) {
                struct_error("char format requires a bytes object of length 1");
            }
            *p = (uint8_t)mpf_obj_str_data(v, &len)[0];
            return;
        }
        case '?':
            *p = mpf_obj_is_true(v) ? 1 : 0;
            return;
        case 'e':
        case 'f':
        case 'd': {
#if CONFIG_FLOAT
            if (!mpf_obj_is_type(v, &mpf_type_float) && !mpf_obj_is_int(v)) {
                struct_error("required argument is not a float");
            }
            mpf_float_t f = mpf_obj_get_float(v);
#else
            mpf_float_t f = 0;
            (void)v;
            struct_error("float formats need a build with floats");
#endif
            if (item->code == 'e') {
                uint16_t h = float_to_half(f);
                uint8_t b[2] = {(uint8_t)(h & 0xff), (uint8_t)(h >> 8)};
                copy_order(p, b, 2, !mode->little);
            } else if (item->code == 'f') {
                float x = (float)f;
                copy_order(p, (const uint8_t *)&x, 4, swap);
            } else {
                double x = (double)f;
                copy_order(p, (const uint8_t *)&x, 8, swap);
            }
            return;
        }
        default:
            break;
    }
    // integers
    if (!mpf_obj_is_int(v)) {
        struct_error("required argument is not an integer");
    }
    bool is_signed = code_signed(item->code);
    if (v == MPF_OBJ_TRUE || v == MPF_OBJ_FALSE) {
        v = mpf_obj_new_small_int(v == MPF_OBJ_TRUE);
    }
    mpf_obj_t b = int_bytes(v, item->size, mode->little, is_signed);
    if (b == MPF_OBJ_NULL) {
        // CPython's wording: named ranges for 1 and 2 bytes, the code for 4 bytes
        // (except negative values for unsigned codes), "argument out of range" else
        if (item->size <= 2 || (item->size == 4 && (is_signed || mpf_int_sign(v) >= 0))) {
            static const char *const names[] = {"byte", "ubyte", "short", "ushort"};
            const char quoted[] = {'\'', item->code, '\'', 0};
            const char *what = item->size <= 2 ? names[(item->size - 1) * 2 + (is_signed ? 0 : 1)] : quoted;
            if (is_signed) {
                int32_t lim = (int32_t)((UINT32_C(1) << (item->size * 8 - 1)) - 1);
                struct_error_fmt("%s format requires %d <= number <= %d", what, (int)(-lim - 1), (int)lim);
            }
            uint32_t lim = item->size == 4 ? UINT32_C(0xffffffff) : (UINT32_C(1) << (item->size * 8)) - 1;
            struct_error_fmt("%s format requires 0 <= number <= %u", what, (unsigned)lim);
        }
        struct_error("argument out of range");
    }
    size_t len;
    const char *d = mpf_obj_str_data(b, &len);
    memcpy(p, d, item->size);
}

// Pack [n_args] values of format [fmt] into [buf] (calcsize(fmt) bytes, zeroed).
static void pack_into_buf(mpf_obj_t fmt, uint8_t *buf, size_t n_args, const mpf_obj_t *args) {
    size_t n_values;
    fmt_calcsize(fmt, &n_values);
    if (n_args != n_values) {
        struct_error_fmt("pack expected %u items for packing (got %u)", (unsigned)n_values, (unsigned)n_args);
    }
    fmt_iter_t it;
    fmt_item_t item;
    fmt_start(&it, fmt);
    size_t off = 0, ai = 0;
    while (fmt_next(&it, &item)) {
        off = align_up(off, item.align);
        if (item.code == 's' || item.code == 'p') {
            mpf_obj_t v = args[ai++];
            if (!mpf_obj_is_type(v, &mpf_type_bytes) && !IS_BYTEARRAY(v)) {
                struct_error("argument for 's' must be a bytes object");
            }
            mpf_buffer_t b;
            mpf_obj_get_buffer(v, &b, false);
            size_t n = b.len < item.count ? b.len : item.count;
            if (item.code == 'p' && item.count > 0) {
                n = b.len < item.count - 1 ? b.len : item.count - 1;
                buf[off] = (uint8_t)(n > 255 ? 255 : n);
                memcpy(buf + off + 1, b.buf, n);
            } else {
                memcpy(buf + off, b.buf, n);
            }
            off += item.count;
            continue;
        }
        for (size_t k = 0; k < item.count; k++) {
            if (item.code != 'x') {
                pack_one(buf + off, &item, &it.mode, args[ai++]);
            }
            off += item.size;
        }
    }
}

static mpf_obj_t struct_pack(size_t n_args, const mpf_obj_t *args) {
    size_t size = fmt_calcsize(args[0], NULL);
    uint8_t *buf = mpf_gc_alloc(size + 1, false);
    pack_into_buf(args[0], buf, n_args - 1, args + 1);
    mpf_obj_t r = mpf_obj_new_bytes(buf, size);
    mpf_gc_free(buf);
    return r;
}

// A buffer argument and an offset into it (negative counts from the end).
static size_t buffer_offset(mpf_obj_t off_obj, size_t buf_len, size_t need, bool packing) {
    mpf_int_t off = mpf_obj_get_int(off_obj);
    if (off < 0) {
        if ((size_t)-off > buf_len) {
            struct_error_fmt("offset %d out of range for %u-byte buffer", (int)off, (unsigned)buf_len);
        }
        off += (mpf_int_t)buf_len;
    }
    if ((size_t)off > buf_len || buf_len - (size_t)off < need) {
        struct_error_fmt("%s requires a buffer of at least %u bytes for %s %u bytes at offset %u (actual buffer size is %u)",
            packing ? "pack_into" : "unpack_from", (unsigned)(need + (size_t)off), packing ? "packing" : "unpacking",
            (unsigned)need, (unsigned)off, (unsigned)buf_len);
    }
    return (size_t)off;
}

// pack_into(fmt, buffer, offset, *values)
static mpf_obj_t struct_pack_into(size_t n_args, const mpf_obj_t *args) {
    size_t size = fmt_calcsize(args[0], NULL);
    mpf_buffer_t b;
    if (!mpf_obj_get_buffer(args[1], &b, true)) {
        mpf_raise_fmt(&mpf_type_TypeError, "argument must be read-write bytes-like object, not %T", args[1]);
    }
    size_t off = buffer_offset(args[2], b.len, size, true);
    uint8_t *tmp = mpf_gc_alloc(size + 1, false);
    pack_into_buf(args[0], tmp, n_args - 3, args + 3);
    memcpy((uint8_t *)b.buf + off, tmp, size);
    mpf_gc_free(tmp);
    return MPF_OBJ_NONE;
}

// The values of format [fmt] read from [p] (calcsize(fmt) bytes), as a tuple.
static mpf_obj_t unpack_buf(mpf_obj_t fmt, const uint8_t *p) {
    size_t n_values;
    fmt_calcsize(fmt, &n_values);
    mpf_obj_t res = mpf_obj_new_tuple(n_values, NULL);
    mpf_tuple_t *t = mpf_obj_ptr(res);
    fmt_iter_t it;
    fmt_item_t item;
    fmt_start(&it, fmt);
    bool swap = it.mode.little != host_little_endian();
    (void)swap;  // only the float codes use it
    size_t off = 0, vi = 0;
    while (fmt_next(&it, &item)) {
        off = align_up(off, item.align);
        if (item.code == 's') {
            t->items[vi++] = mpf_obj_new_bytes(p + off, item.count);
            off += item.count;
            continue;
        }
        if (item.code == 'p') {
            size_t n = item.count > 0 ? p[off] : 0;
            if (item.count > 0 && n > item.count - 1) {
                n = item.count - 1;
            }
            t->items[vi++] = mpf_obj_new_bytes(p + off + (item.count > 0), n);
            off += item.count;
            continue;
        }
        for (size_t k = 0; k < item.count; k++, off += item.size) {
            const uint8_t *q = p + off;
            mpf_obj_t v;
            switch (item.code) {
                case 'x':
                    continue;
                case 'c':
                    v = mpf_obj_new_bytes(q, 1);
                    break;
                case '?':
                    v = mpf_obj_bool(*q != 0);
                    break;
#if CONFIG_FLOAT
                case 'e': {
                    uint8_t b[2];
                    copy_order(b, q, 2, !it.mode.little);
                    v = mpf_obj_new_float(half_to_float((uint16_t)(b[0] | (b[1] << 8))));
                    break;
                }
                case 'f': {
                    float x;
                    copy_order((uint8_t *)&x, q, 4, swap);
                    v = mpf_obj_new_float((mpf_float_t)x);
                    break;
                }
                case 'd': {
                    double x;
                    copy_order((uint8_t *)&x, q, 8, swap);
                    v = mpf_obj_new_float((mpf_float_t)x);
                    break;
                }
#else
                case 'e':
                case 'f':
                case 'd':
                    struct_error("float formats need a build with floats");
#endif
                default:
                    v = mpf_int_from_bytes_obj(q, item.size, it.mode.little, code_signed(item.code));
                    break;
            }
            t->items[vi++] = v;
        }
    }
    return res;
}

// unpack(fmt, buffer): the buffer must be exactly calcsize(fmt) bytes.
static mpf_obj_t struct_unpack(mpf_obj_t fmt, mpf_obj_t data) {
    size_t size = fmt_calcsize(fmt, NULL);
    mpf_buffer_t b;
    read_buffer(data, &b);
    if (b.len != size) {
        struct_error_fmt("unpack requires a buffer of %u bytes", (unsigned)size);
    }
    return unpack_buf(fmt, b.buf);
}

// unpack_from(fmt, buffer, offset=0)
static mpf_obj_t struct_unpack_from(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    static const mpf_qstr_t kws[] = {MPF_QSTRID_NULL, MPF_QSTR_buffer, MPF_QSTR_offset};  // (format, /, buffer, offset=0)
    mpf_obj_t a[3];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_unpack_from, 0), 3, 3, kws, a);
    if (a[1] == MPF_OBJ_NULL) {  // (or the format: positional only)
        mpf_raise_msg(&mpf_type_TypeError, "unpack_from() missing required argument 'buffer' (pos 2)");
    }
    mpf_obj_t off = a[2];
    size_t size = fmt_calcsize(args[0], NULL);
    mpf_buffer_t b;
    read_buffer(a[1], &b);
    size_t o = buffer_offset(off != MPF_OBJ_NULL ? off : mpf_obj_new_small_int(0), b.len, size, false);
    return unpack_buf(args[0], (const uint8_t *)b.buf + o);
}

// iter_unpack(fmt, buffer): a list of tuples (CPython returns an iterator; iterating
// either gives the same values).
static mpf_obj_t struct_iter_unpack(mpf_obj_t fmt, mpf_obj_t data) {
    size_t size = fmt_calcsize(fmt, NULL);
    mpf_buffer_t b;
    read_buffer(data, &b);
    if (size == 0) {
        struct_error("cannot iteratively unpack with a struct of length 0");
    }
    if (b.len % size != 0) {
        struct_error_fmt("iterative unpacking requires a buffer of a multiple of %u bytes", (unsigned)size);
    }
    mpf_obj_t list = mpf_obj_new_list(0, NULL);
    for (size_t off = 0; off < b.len; off += size) {
        mpf_list_append(list, unpack_buf(fmt, (const uint8_t *)b.buf + off));
    }
    return mpf_getiter(list);
}

static const mpf_rom_map_elem_t struct_members_table[] = {
    MPF_ROM_FUN_1(MPF_QSTR_calcsize, struct_calcsize),
    MPF_ROM_FUN_VAR(MPF_QSTR_pack, 1, 255, struct_pack),
    MPF_ROM_FUN_VAR(MPF_QSTR_pack_into, 3, 255, struct_pack_into),
    MPF_ROM_FUN_2(MPF_QSTR_unpack, struct_unpack),
    MPF_ROM_FUN_KW(MPF_QSTR_unpack_from, 0, struct_unpack_from),
    MPF_ROM_FUN_2(MPF_QSTR_iter_unpack, struct_iter_unpack),
};
MPF_ROM_MAP(struct_members, struct_members_table);

// struct.error: a class made once per import, as a subclass of Exception.
static void struct_init(mpf_obj_t mod) {
    mpf_obj_t g = ((mpf_module_t *)mpf_obj_ptr(mod))->globals;
    mpf_obj_t base = mpf_obj_from_ptr(&mpf_type_Exception);
    mpf_obj_t dict = mpf_obj_new_dict(1);
    mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR___module__), mpf_obj_new_qstr(MPF_QSTR_struct));
    mpf_obj_t cls = mpf_make_class(MPF_QSTR_error, mpf_obj_new_tuple(1, &base), dict);
    mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR_error), cls);
}

const mpf_builtin_module_t mpf_module_struct = {MPF_QSTR_struct, &struct_members, struct_init};
MPF_REGISTER_MODULE(MPF_QSTR_struct, mpf_module_struct);
