// obj_memoryview.c -- memoryview over a bytes-like object: bytes (format 'B'), or the
// typed items of an array ('h', 'i', 'd'...: itemsize bytes each, indexed by item).
#include "mpf.h"
#include "typetest.h"

typedef struct memview_obj {
    mpf_obj_base_t base;
    mpf_obj_t obj;
    size_t start, len;    // in bytes
    uint16_t readonly;
    char format;          // the items' typecode ('B' for bytes)
    uint8_t itemsize;
} memview_obj_t;

// Item [i] (an item index) of [m]'s bytes [d] as a Python value, or [v] stored there.
static mpf_obj_t mv_get(const memview_obj_t *m, const uint8_t *d, size_t i) {
    if (m->format == 'B') {
        return mpf_obj_new_small_int(d[i]);
    }
#if CONFIG_MODULE_ARRAY
    return mpf_array_item_get(m->format, d + i * m->itemsize);
#else
    return MPF_OBJ_NONE;  // unreachable: only arrays have other formats
#endif
}

static uint8_t *mv_data(const memview_obj_t *m, size_t *len) {
    mpf_buffer_t b;
    mpf_obj_get_buffer(m->obj, &b, false);
    size_t end = m->start + m->len;
    if (end > b.len) {
        end = b.len;
    }
    *len = end > m->start ? end - m->start : 0;
    return (uint8_t *)b.buf + m->start;
}

// The data of [m] for a store to item [i], read after the value's conversion (its
// __index__ may have resized the object under the view).
static uint8_t *mv_data_for(const memview_obj_t *m, size_t i) {
    size_t len;
    uint8_t *d = mv_data(m, &len);
    if (i >= len / m->itemsize) {
        mpf_raise_msg(&mpf_type_IndexError, "memoryview index out of range");
    }
    return d;
}

static void mv_set(const memview_obj_t *m, size_t i, mpf_obj_t v) {
    if (m->format == 'B') {
        mpf_int_t x = mpf_obj_get_int(v);
        if (x < 0 || x > 255) {
            mpf_raise_msg(&mpf_type_ValueError, "memoryview: invalid value for format 'B'");
        }
        mv_data_for(m, i)[i] = (uint8_t)x;
        return;
    }
#if CONFIG_MODULE_ARRAY
    if (m->format != 'f' && m->format != 'd') {
        bool is_signed = m->format >= 'a' && m->format <= 'z';
        if (!mpf_obj_is_int(v)) {
            mpf_raise_fmt(&mpf_type_TypeError, "memoryview: invalid type for format '%c'", m->format);
        }
        if (!mpf_int_fits_bytes(v, m->itemsize, is_signed) || (!is_signed && mpf_int_sign(v) < 0)) {
            mpf_raise_fmt(&mpf_type_ValueError, "memoryview: invalid value for format '%c'", m->format);
        }
    }
    mpf_array_item_set(m->format, mv_data_for(m, i) + i * m->itemsize, v);
#endif
}

// Bytes per item of format [c] (the array typecodes, as the array module stores them), 0
// for another.
static size_t format_size(char c) {
#if CONFIG_MODULE_ARRAY
    static const char codes[] = "bBhHiIlLqQfd";
    static const uint8_t sizes[] = {1, 1, 2, 2, 4, 4, sizeof(long), sizeof(long), 8, 8, sizeof(float), sizeof(double)};
    const char *at = c != 0 ? strchr(codes, c) : NULL;
    return at != NULL ? sizes[at - codes] : 0;
#else
    return c == 'B';
#endif
}

static mpf_obj_t memview_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_num(n_args, n_kw, 1, 3, false);
    mpf_buffer_t b;
    if (MPF_IS_STR(args[0]) || !mpf_obj_get_buffer(args[0], &b, false)) {
        mpf_raise_fmt(&mpf_type_TypeError, "memoryview: a bytes-like object is required, not '%T'", args[0]);
    }
    memview_obj_t *m = mpf_new(memview_obj_t);
    m->base.type = &mpf_type_memoryview;
    m->obj = args[0];
    m->len = b.len;
    m->readonly = !MPF_IS_BYTEARRAY(args[0]) && !mpf_obj_get_buffer(args[0], &b, true);
    m->format = b.typecode;
    m->itemsize = 1;
    if (m->format != 'B') {
        size_t n = format_size(m->format);
        m->itemsize = (uint8_t)(n != 0 ? n : 1);
    }
    if (n_args > 1) {
        // MicroPython's memoryview(obj, offset[, size]): a window of items, both clamped
        // to the object (a negative offset is 0, a negative size empty)
        mpf_int_t items = (mpf_int_t)(m->len / m->itemsize);
        mpf_int_t off = mpf_obj_get_int(args[1]);
        mpf_int_t size = n_args > 2 ? mpf_obj_get_int(args[2]) : items;
        off = off < 0 ? 0 : off > items ? items : off;
        size = size < 0 ? 0 : size > items - off ? items - off : size;
        m->start = (size_t)off * m->itemsize;
        m->len = (size_t)size * m->itemsize;
    }
    return mpf_obj_from_ptr(m);
}

static bool memview_get_buffer(mpf_obj_t self, mpf_buffer_t *buf, bool writable) {
    const memview_obj_t *m = mpf_obj_ptr(self);
    if (writable && m->readonly) {
        return false;
    }
    buf->buf = mv_data(m, &buf->len);
    buf->writable = !m->readonly;
    buf->typecode = m->format;
    return true;
}

static void memview_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    mpf_printf(p, "<memory at 0x%x>", (unsigned)(uintptr_t)self);
}

static mpf_obj_t memview_unary_op(int op, mpf_obj_t self) {
    size_t len;
    const uint8_t *d = mv_data(mpf_obj_ptr(self), &len);
    if (op == MPF_UNARY_OP_HASH) {
        // a read-only view of bytes hashes as those bytes do (CPython's)
        const memview_obj_t *m = mpf_obj_ptr(self);
        if (!m->readonly) {
            mpf_raise_msg(&mpf_type_ValueError, "cannot hash writable memoryview object");
        }
        if (m->format != 'B' && m->format != 'b' && m->format != 'c') {
            mpf_raise_msg(&mpf_type_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        }
        return mpf_obj_new_int(mpf_obj_hash(mpf_obj_new_bytes(d, len)));
    }
    if (op == MPF_UNARY_OP_LEN) {
        return mpf_obj_new_small_int((mpf_int_t)(len / ((const memview_obj_t *)mpf_obj_ptr(self))->itemsize));
    }
    if (op == MPF_UNARY_OP_BOOL) {
        return mpf_obj_bool(len != 0);
    }
    return MPF_OBJ_NULL;
}

static mpf_obj_t memview_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op == MPF_BINARY_OP_EQUAL || op == MPF_BINARY_OP_NOT_EQUAL) {
        size_t la;
        const uint8_t *a = mv_data(mpf_obj_ptr(lhs), &la);
        mpf_buffer_t b;
        bool eq = !MPF_IS_STR(rhs) && mpf_obj_get_buffer(rhs, &b, false) && b.len == la && memcmp(a, b.buf, la) == 0;
        return mpf_obj_bool(eq == (op == MPF_BINARY_OP_EQUAL));
    }
    return MPF_OBJ_NULL;
}

static mpf_obj_t memview_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    memview_obj_t *m = mpf_obj_ptr(self);
    size_t len;
    uint8_t *d = mv_data(m, &len);
    size_t isz = m->itemsize;
    len /= isz;  // items
    if (value != MPF_OBJ_SENTINEL) {  // CPython's order: these before the index
        if (m->readonly) {
            mpf_raise_msg(&mpf_type_TypeError, "cannot modify read-only memory");
        }
        if (value == MPF_OBJ_NULL) {
            mpf_raise_msg(&mpf_type_TypeError, "cannot delete memory");
        }
    }
    if (mpf_obj_is_type(index, &mpf_type_slice)) {
        mpf_int_t start, stop, step;
        mpf_slice_indices(index, &len, &start, &stop, &step);
        if (step != 1) {
            mpf_raise_msg(&mpf_type_NotImplementedError, "memoryview slices with a step");
        }
        // the bounds' __index__ may have resized the object under the view
        d = mv_data(m, &len);
        len /= isz;
        if (stop > (mpf_int_t)len) {
            stop = (mpf_int_t)len;
        }
        if (start > stop) {
            start = stop;
        }
        if (value == MPF_OBJ_SENTINEL) {
            memview_obj_t *r = mpf_new(memview_obj_t);
            *r = *m;
            r->start = m->start + (size_t)start * isz;
            r->len = (size_t)(stop - start) * isz;
            return mpf_obj_from_ptr(r);
        }
        mpf_buffer_t src;
        if (!mpf_obj_get_buffer(value, &src, false)) {
            mpf_raise_msg(&mpf_type_TypeError, "a bytes-like object is required");
        }
        if (src.len != (size_t)(stop - start) * isz) {
            mpf_raise_msg(&mpf_type_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        }
        memmove(d + (size_t)start * isz, src.buf, src.len);
        return MPF_OBJ_NONE;
    }
    size_t i = mpf_get_index(&mpf_type_memoryview, &len, index, MPF_INDEX_LOAD);
    if (value == MPF_OBJ_SENTINEL) {
        return mv_get(m, mv_data_for(m, i), i);  // (the index's __index__ may resize)
    }
    mv_set(m, i, value);
    return MPF_OBJ_NONE;
}

static mpf_obj_t memview_getiter(mpf_obj_t self) {
    const memview_obj_t *m = mpf_obj_ptr(self);
    size_t len;
    uint8_t *d = mv_data(m, &len);
    mpf_obj_t l = mpf_obj_new_list(0, NULL);
    for (size_t i = 0; i < len / m->itemsize; i++) {
        mpf_list_append(l, mv_get(m, d, i));
    }
    return mpf_getiter(l);
}

static mpf_obj_t memview_tobytes(mpf_obj_t self) {
    size_t len;
    uint8_t *d = mv_data(mpf_obj_ptr(self), &len);
    return mpf_obj_new_bytes(d, len);
}

static mpf_obj_t memview_tolist(mpf_obj_t self) {
    return mpf_list_from_iter(memview_getiter(self));
}

static mpf_obj_t memview_release(mpf_obj_t self) {
    (void)self;
    return MPF_OBJ_NONE;
}

// hex([sep[, bytes_per_sep]]): bytes.hex of the viewed bytes, with the same arguments.
static mpf_obj_t memview_hex(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t hex = mpf_load_attr(memview_tobytes(args[0]), MPF_QSTR_hex);
    return mpf_call(hex, n_args - 1, n_kw, args + 1);
}

#if CONFIG_MEMORYVIEW_CAST
// cast(format[, shape]): a view of the same bytes as items of [format] (one of the array
// typecodes; from or to a byte format, as CPython); one dimension only (a shape, if given,
// is (n,) for all of them).
static mpf_obj_t memview_cast(size_t n_args, const mpf_obj_t *args) {
    const memview_obj_t *m = mpf_obj_ptr(args[0]);
    size_t fl, len;
    if (!mpf_obj_is_str(args[1])) {
        mpf_raise_fmt(&mpf_type_TypeError, "cast() argument 'format' must be str, not %T", args[1]);
    }
    const char *f = mpf_obj_str_data(args[1], &fl);
    if (fl == 2 && f[0] == '@') {
        f++;
        fl--;
    }
    size_t n = fl == 1 ? format_size(f[0]) : 0;
    if (n == 0) {
        mpf_raise_msg(&mpf_type_ValueError, "memoryview: destination format must be a native single character format prefixed with an optional '@'");
    }
    if (m->itemsize != 1 && n != 1) {
        mpf_raise_msg(&mpf_type_TypeError, "memoryview: cannot cast between two non-byte formats");
    }
    mv_data(m, &len);
    if (len % n != 0) {
        mpf_raise_msg(&mpf_type_TypeError, "memoryview: length is not a multiple of itemsize");
    }
    if (n_args > 2) {
        size_t sl;
        mpf_obj_t *shape;
        mpf_obj_get_array(args[2], &sl, &shape);
        if (sl != 1) {
            mpf_raise_msg(&mpf_type_NotImplementedError, "memoryview: only one dimension");
        }
        if (mpf_obj_get_int(shape[0]) != (mpf_int_t)(len / n)) {
            mpf_raise_msg(&mpf_type_TypeError, "memoryview: product(shape) * itemsize != buffer size");
        }
    }
    memview_obj_t *c = mpf_new(memview_obj_t);
    *c = *m;
    c->format = f[0];
    c->itemsize = (uint8_t)n;
    return mpf_obj_from_ptr(c);
}
#endif

static void memview_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    const memview_obj_t *m = mpf_obj_ptr(self);
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    if (attr == MPF_QSTR_readonly) {
        dest[0] = mpf_obj_bool(m->readonly);
    } else if (attr == MPF_QSTR_obj) {
        dest[0] = m->obj;
    } else if (attr == MPF_QSTR_nbytes) {
        size_t len;
        mv_data(m, &len);
        dest[0] = mpf_obj_new_small_int((mpf_int_t)len);
    } else if (attr == MPF_QSTR_itemsize) {
        dest[0] = mpf_obj_new_small_int(m->itemsize);
    } else if (attr == MPF_QSTR_format) {
        dest[0] = mpf_obj_new_str(&m->format, 1);
    }
}

static const mpf_rom_map_elem_t memview_locals_table[] = {
    MPF_ROM_FUN_1(MPF_QSTR_tobytes, memview_tobytes),
    MPF_ROM_FUN_1(MPF_QSTR_tolist, memview_tolist),
    MPF_ROM_FUN_1(MPF_QSTR_release, memview_release),
#if CONFIG_MEMORYVIEW_CAST
    MPF_ROM_FUN_VAR(MPF_QSTR_cast, 2, 3, memview_cast),
#endif
    MPF_ROM_FUN_KW(MPF_QSTR_hex, 1, memview_hex),
};
MPF_ROM_MAP(memview_locals, memview_locals_table);

static const mpf_type_ext_t memview_get_buffer_ext = {.get_buffer = memview_get_buffer};
const mpf_type_t mpf_type_memoryview = MPF_TYPE(MPF_QSTR_memoryview, 0,
    (print, memview_print),
    (make_new, memview_make_new),
    (unary_op, memview_unary_op),
    (binary_op, memview_binary_op),
    (attr, memview_attr),
    (subscr, memview_subscr),
    (getiter, memview_getiter),
    (ext, &memview_get_buffer_ext),
    (locals, &memview_locals));
