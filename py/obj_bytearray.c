// obj_bytearray.c -- the mutable bytes type. Shares the bytes methods of obj_str.c
// (their results are bytearrays when self is one).
#include "mpf_int.h"

typedef struct bytearray_obj {
    mpf_obj_base_t base;
    size_t len, alloc;
    uint8_t *items;
} bytearray_obj_t;

mpf_obj_t mpf_obj_new_bytearray(const uint8_t *data, size_t len) {
    bytearray_obj_t *b = mpf_new(bytearray_obj_t);
    b->base.type = &mpf_type_bytearray;
    b->alloc = len < 8 ? 8 : len;
    b->items = mpf_gc_alloc_var(0, 1, b->alloc, false);
    b->len = len;
    if (data && len) {
        memcpy(b->items, data, len);
    }
    return mpf_obj_from_ptr(b);
}

static void ba_grow(bytearray_obj_t *b, size_t need) {
    if (need > b->alloc) {
        b->items = mpf_items_grow(b->items, &b->alloc, need, 1);
    }
}

static void ba_delete(bytearray_obj_t *b, size_t i) {
    b->len = mpf_items_splice(b->items, b->len, 1, i, i + 1, NULL, 0);
}

static void ba_append(bytearray_obj_t *b, const uint8_t *d, size_t n) {
    ba_grow(b, b->len + n);
    memmove(b->items + b->len, d, n);
    b->len += n;
}

static uint8_t byte_value(mpf_obj_t v) {
    mpf_int_t c = -1;  // an int beyond a machine word is out of range too (ValueError, not OverflowError)
    if (!mpf_obj_get_int_maybe(v, &c) && !mpf_obj_is_int(v)) {
        c = mpf_obj_get_int(v);  // TypeError for a non-int
    }
    if (c < 0 || c > 255) {
        mpf_raise_msg(&mpf_type_ValueError, "byte must be in range(0, 256)");
    }
    return (uint8_t)c;
}

// The low 8 bits of int [v] (MicroPython's truncation when a bytearray is built from
// ints: bytearray([256, -1]) == b'\x00\xff'); TypeError for a non-int.
static uint8_t byte_value_wrapped(mpf_obj_t v) {
    if (mpf_obj_is_int(v) && !mpf_obj_is_small_int(v) && v != MPF_OBJ_TRUE && v != MPF_OBJ_FALSE) {
        v = mpf_binary_op(MPF_BINARY_OP_AND, v, mpf_obj_new_small_int(0xff));
    }
    return (uint8_t)(mpf_obj_get_int(v) & 0xff);
}

// Append the bytes of [src] (a buffer or an iterable of ints) to [b]; [wrap]: ints
// keep their low 8 bits instead of raising ValueError.
static void ba_extend_from(bytearray_obj_t *b, mpf_obj_t src, bool wrap) {
    mpf_buffer_t buf;
    if (!MPF_IS_STR(src) && mpf_obj_get_buffer(src, &buf, false)) {
        // copy first: src may be b itself
        uint8_t *tmp = mpf_gc_alloc(buf.len + 1, false);
        memcpy(tmp, buf.buf, buf.len);
        ba_append(b, tmp, buf.len);
        return;
    }
    if (MPF_IS_STR(src)) {
        mpf_raise_msg(&mpf_type_TypeError, "expected a bytes-like object, str found");
    }
    mpf_obj_t it = mpf_getiter(src), v;
    while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
        uint8_t c = wrap ? byte_value_wrapped(v) : byte_value(v);
        ba_append(b, &c, 1);
    }
}

static mpf_obj_t bytearray_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_num(n_args, n_kw, 0, 3, true);
    mpf_obj_t r = mpf_obj_new_bytearray(NULL, 0);
    if (n_args == 0) {
        return r;
    }
    bytearray_obj_t *b = mpf_obj_ptr(r);
    if (MPF_IS_STR(args[0]) || n_args > 1 || n_kw > 0) {
        // bytearray(s, encoding[, errors]) holds bytes(s, encoding, errors): the same codecs,
        // the same errors (no encoding, an unknown one, an encoding without a str)
        size_t len;
        const char *s = mpf_obj_str_data(mpf_call(mpf_obj_from_ptr(&mpf_type_bytes), n_args, n_kw, args), &len);
        ba_append(b, (const uint8_t *)s, len);
        return r;
    }
    mpf_int_t n;
    if (mpf_obj_get_index_maybe(args[0], &n)) {
        if (n < 0) {
            mpf_raise_msg(&mpf_type_ValueError, "negative count");
        }
        ba_grow(b, (size_t)n);
        memset(b->items, 0, (size_t)n);
        b->len = (size_t)n;
        return r;
    }
    ba_extend_from(b, args[0], true);
    return r;
}

static void bytearray_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const bytearray_obj_t *b = mpf_obj_ptr(self);
    mpf_print_str(p, "bytearray(");
    mpf_str_print_quoted(p, b->items, b->len, true);
    mpf_print_str(p, ")");
}

static bool bytearray_get_buffer(mpf_obj_t self, mpf_buffer_t *buf, bool writable) {
    (void)writable;
    bytearray_obj_t *b = mpf_obj_ptr(self);
    buf->buf = b->items;
    buf->len = b->len;
    buf->writable = true;
    return true;
}

static mpf_obj_t bytearray_unary_op(int op, mpf_obj_t self) {
    const bytearray_obj_t *b = mpf_obj_ptr(self);
    switch (op) {
        case MPF_UNARY_OP_BOOL:
            return mpf_obj_bool(b->len != 0);
        case MPF_UNARY_OP_LEN:
            return mpf_obj_new_small_int((mpf_int_t)b->len);
        default:
            return MPF_OBJ_NULL;
    }
}

static mpf_obj_t bytearray_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    bytearray_obj_t *a = mpf_obj_ptr(lhs);
    mpf_buffer_t rb;
    bool rbuf = !MPF_IS_STR(rhs) && mpf_obj_get_buffer(rhs, &rb, false);
    switch (op) {
        case MPF_BINARY_OP_ADD:
            if (!rbuf) {
                return MPF_OBJ_NULL;
            } else {
                mpf_obj_t r = mpf_obj_new_bytearray(a->items, a->len);
                ba_append(mpf_obj_ptr(r), rb.buf, rb.len);
                return r;
            }
        case MPF_BINARY_OP_INPLACE_ADD:
            if (!rbuf) {
                return MPF_OBJ_NULL;  // (bytes-like only, as +: ba += [1] is a TypeError)
            }
            ba_extend_from(a, rhs, false);
            return lhs;
#if CONFIG_STR_FORMAT
        case MPF_BINARY_OP_MODULO: {
            // formatted as bytes are (a % b and a %= b make a new bytearray, as in CPython)
            mpf_obj_t r = mpf_str_modulo(mpf_obj_new_bytes(a->items, a->len), rhs);
            size_t len;
            const char *d = mpf_obj_str_data(r, &len);
            return mpf_obj_new_bytearray((const uint8_t *)d, len);
        }
#endif
        case MPF_BINARY_OP_MULTIPLY:
        case MPF_BINARY_OP_REVERSE_MULTIPLY:
        case MPF_BINARY_OP_INPLACE_MULTIPLY: {
            mpf_int_t n;
            if (!mpf_obj_get_index_maybe(rhs, &n)) {
                return MPF_OBJ_NULL;
            }
            size_t total = 0;
            if (n > 0 && __builtin_mul_overflow(a->len, (size_t)n, &total)) {
                mpf_raise_memory_error();
            }
            mpf_obj_t r = mpf_obj_new_bytearray(NULL, total);
            bytearray_obj_t *rb = mpf_obj_ptr(r);
            for (size_t i = 0; i < total; i += a->len) {  // a->len == 0: total == 0
                memcpy(rb->items + i, a->items, a->len);
            }
            if (op == MPF_BINARY_OP_INPLACE_MULTIPLY) {
                bytearray_obj_t *rr = mpf_obj_ptr(r);
                a->items = rr->items;
                a->len = rr->len;
                a->alloc = rr->alloc;
                return lhs;
            }
            return r;
        }
        case MPF_BINARY_OP_IN:
            if (!rbuf) {
                return mpf_obj_bool(memchr(a->items, mpf_bytes_sought_byte(rhs), a->len) != NULL);
            }
            for (size_t i = 0; i + rb.len <= a->len; i++) {
                if (memcmp(a->items + i, rb.buf, rb.len) == 0) {
                    return MPF_OBJ_TRUE;
                }
            }
            return MPF_OBJ_FALSE;
        case MPF_BINARY_OP_EQUAL:
        case MPF_BINARY_OP_NOT_EQUAL:
        case MPF_BINARY_OP_LESS:
        case MPF_BINARY_OP_LESS_EQUAL:
        case MPF_BINARY_OP_MORE:
        case MPF_BINARY_OP_MORE_EQUAL: {
            if (!rbuf) {
                if (op == MPF_BINARY_OP_EQUAL || op == MPF_BINARY_OP_NOT_EQUAL) {
                    return mpf_obj_bool(op == MPF_BINARY_OP_NOT_EQUAL);
                }
                return MPF_OBJ_NULL;
            }
            return mpf_obj_compare_result(op, mpf_bytes_compare(a->items, a->len, rb.buf, rb.len));
        }
        default:
            return MPF_OBJ_NULL;
    }
}

// The bytes to store to a slice: a copy of [value] (bytes-like or iterable of ints).
static const bytearray_obj_t *slice_source(mpf_obj_t value) {
    mpf_int_t n;
    if (mpf_obj_get_int_maybe(value, &n)) {
        mpf_raise_msg(&mpf_type_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    }
    mpf_obj_t src = mpf_obj_new_bytearray(NULL, 0);
    ba_extend_from(mpf_obj_ptr(src), value, false);
    return mpf_obj_ptr(src);
}

static mpf_obj_t bytearray_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    bytearray_obj_t *b = mpf_obj_ptr(self);
    if (mpf_obj_is_type(index, &mpf_type_slice)) {
        // the bytes to store first, then the bounds: each may run user code that resizes
        // the bytearray (an iterator, __index__); the bounds are clamped to its length after
        const bytearray_obj_t *s = value == MPF_OBJ_SENTINEL || value == MPF_OBJ_NULL ? NULL : slice_source(value);
        mpf_int_t start, stop, step;
        mpf_slice_indices(index, &b->len, &start, &stop, &step);
        if (value == MPF_OBJ_SENTINEL) {
            mpf_obj_t r = mpf_obj_new_bytearray(NULL, 0);
            for (mpf_int_t i = start; step > 0 ? i < stop : i > stop; i += step) {
                ba_append(mpf_obj_ptr(r), &b->items[i], 1);
            }
            return r;
        }
        if (step != 1) {
            // extended slice: exactly as many bytes as it selects, or delete each
            size_t count = mpf_seq_slice_count(start, stop, step);
            if (value == MPF_OBJ_NULL) {
                b->len = mpf_items_delete_step(b->items, b->len, 1, start, step, count);
                return MPF_OBJ_NONE;
            }
            if (s->len != count) {
                mpf_raise_fmt(&mpf_type_ValueError, "attempt to assign bytes of size %u to extended slice of size %u", (unsigned)s->len, (unsigned)count);
            }
            mpf_items_scatter(b->items, 1, start, step, s->items, count);
            return MPF_OBJ_NONE;
        }
        if (stop < start) {
            stop = start;
        }
        size_t old_n = (size_t)(stop - start);
        if (value == MPF_OBJ_NULL) {
            b->len = mpf_items_splice(b->items, b->len, 1, (size_t)start, (size_t)stop, NULL, 0);
            return MPF_OBJ_NONE;
        }
        if (s->len > old_n) {
            ba_grow(b, b->len + s->len - old_n);
        }
        b->len = mpf_items_splice(b->items, b->len, 1, (size_t)start, (size_t)stop, s->items, s->len);
        return MPF_OBJ_NONE;
    }
    size_t i = mpf_get_index(&mpf_type_bytearray, &b->len, index, MPF_INDEX_LOAD);
    if (value == MPF_OBJ_SENTINEL) {
        return mpf_obj_new_small_int(b->items[i]);
    }
    if (value == MPF_OBJ_NULL) {
        ba_delete(b, i);
        return MPF_OBJ_NONE;
    }
    uint8_t v = byte_value(value);
    if (i >= b->len) {
        mpf_raise_msg(&mpf_type_IndexError, "bytearray index out of range");  // resized by __index__
    }
    b->items[i] = v;
    return MPF_OBJ_NONE;
}

typedef struct ba_iter {
    mpf_obj_base_t base;
    mpf_obj_t ba;
    size_t i;
} ba_iter_t;

static mpf_obj_t ba_iter_next(mpf_obj_t self) {
    ba_iter_t *it = mpf_obj_ptr(self);
    const bytearray_obj_t *b = mpf_obj_ptr(it->ba);
    if (it->i >= b->len) {
        return MPF_OBJ_STOP;
    }
    return mpf_obj_new_small_int(b->items[it->i++]);
}

static const mpf_type_t ba_iter_type = MPF_TYPE(MPF_QSTR_bytearray_iterator, 0,
    (getiter, mpf_iter_self),
    (iternext, ba_iter_next));

static mpf_obj_t bytearray_getiter(mpf_obj_t self) {
    ba_iter_t *it = mpf_new(ba_iter_t);
    it->base.type = &ba_iter_type;
    it->ba = self;
    return mpf_obj_from_ptr(it);
}

static mpf_obj_t ba_m_append(mpf_obj_t self, mpf_obj_t v) {
    uint8_t c = byte_value(v);
    ba_append(mpf_obj_ptr(self), &c, 1);
    return MPF_OBJ_NONE;
}

static mpf_obj_t ba_m_extend(mpf_obj_t self, mpf_obj_t v) {
    ba_extend_from(mpf_obj_ptr(self), v, false);
    return MPF_OBJ_NONE;
}

static mpf_obj_t ba_m_pop(size_t n_args, const mpf_obj_t *args) {
    bytearray_obj_t *b = mpf_obj_ptr(args[0]);
    if (b->len == 0) {
        mpf_raise_msg(&mpf_type_IndexError, "pop from empty bytearray");
    }
    size_t i = n_args > 1 ? mpf_get_index(&mpf_type_bytearray, &b->len, args[1], MPF_INDEX_POP) : b->len - 1;
    uint8_t c = b->items[i];
    ba_delete(b, i);
    return mpf_obj_new_small_int(c);
}

static mpf_obj_t ba_m_insert(mpf_obj_t self, mpf_obj_t idx, mpf_obj_t v) {
    bytearray_obj_t *b = mpf_obj_ptr(self);
    size_t i = mpf_seq_clamp_index(mpf_obj_get_int(idx), b->len);
    uint8_t c = byte_value(v);
    ba_grow(b, b->len + 1);
    b->len = mpf_items_splice(b->items, b->len, 1, i, i, &c, 1);
    return MPF_OBJ_NONE;
}

static mpf_obj_t ba_m_remove(mpf_obj_t self, mpf_obj_t v) {
    bytearray_obj_t *b = mpf_obj_ptr(self);
    uint8_t c = byte_value(v);
    for (size_t i = 0; i < b->len; i++) {
        if (b->items[i] == c) {
            ba_delete(b, i);
            return MPF_OBJ_NONE;
        }
    }
    mpf_raise_msg(&mpf_type_ValueError, "value not found in bytearray");
}

static mpf_obj_t ba_m_clear(mpf_obj_t self) {
    ((bytearray_obj_t *)mpf_obj_ptr(self))->len = 0;
    return MPF_OBJ_NONE;
}

static mpf_obj_t ba_m_copy(mpf_obj_t self) {
    const bytearray_obj_t *b = mpf_obj_ptr(self);
    return mpf_obj_new_bytearray(b->items, b->len);
}

static mpf_obj_t ba_m_reverse(mpf_obj_t self) {
    bytearray_obj_t *b = mpf_obj_ptr(self);
    for (size_t i = 0; i < b->len / 2; i++) {
        uint8_t t = b->items[i];
        b->items[i] = b->items[b->len - 1 - i];
        b->items[b->len - 1 - i] = t;
    }
    return MPF_OBJ_NONE;
}

static const mpf_rom_map_elem_t bytearray_locals_table[] = {
    MPF_ROM_FUN_2(MPF_QSTR_append, ba_m_append),
    MPF_ROM_FUN_2(MPF_QSTR_extend, ba_m_extend),
    MPF_ROM_FUN_VAR(MPF_QSTR_pop, 1, 2, ba_m_pop),
    MPF_ROM_FUN_3(MPF_QSTR_insert, ba_m_insert),
    MPF_ROM_FUN_2(MPF_QSTR_remove, ba_m_remove),
    MPF_ROM_FUN_1(MPF_QSTR_clear, ba_m_clear),
    MPF_ROM_FUN_1(MPF_QSTR_copy, ba_m_copy),
    MPF_ROM_FUN_1(MPF_QSTR_reverse, ba_m_reverse),
};
MPF_ROM_MAP(bytearray_locals, bytearray_locals_table);

static const mpf_type_ext_t bytearray_get_buffer_ext = {.get_buffer = bytearray_get_buffer};
const mpf_type_t mpf_type_bytearray = MPF_TYPE(MPF_QSTR_bytearray, MPF_TYPE_FLAG_SUBCLASSABLE | MPF_TYPE_FLAG_UNHASHABLE,
    (print, bytearray_print),
    (make_new, bytearray_make_new),
    (unary_op, bytearray_unary_op),
    (binary_op, bytearray_binary_op),
    (subscr, bytearray_subscr),
    (getiter, bytearray_getiter),
    (ext, &bytearray_get_buffer_ext),
    (locals, &bytearray_locals));
