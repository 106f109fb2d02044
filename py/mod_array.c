// mod_array.c -- the array module: array.array, a typed, growable buffer of numbers.
//
// Typecodes b B h H i I l L q Q (signed/unsigned 1, 2, 4, sizeof(long), 8 bytes), with
// floats f d, and MicroPython's P (an unsigned pointer-sized int) and O (any object).
// Items are stored in native byte order in one GC block; the object exposes it through
// the buffer protocol (bytes(a), struct.unpack_from, memoryview), except for O arrays,
// whose items are object references (the GC finds them: it scans every block) and so
// must never be written as raw bytes. An int that does not fit its item keeps its low
// bits, as MicroPython's array does (array('B', [-1]) holds 255).
#include "mpf_int.h"

// Whether [o] is a bytearray (a type only some builds have).
#if CONFIG_BUILTIN_BYTEARRAY
#define IS_BYTEARRAY(o) mpf_obj_is_type((o), &mpf_type_bytearray)
#else
#define IS_BYTEARRAY(o) false
#endif

typedef struct array {
    mpf_obj_base_t base;
    char typecode;
    uint8_t itemsize;
    size_t len;      // items
    size_t alloc;    // items of room in data
    uint8_t *data;
} array_t;

extern const mpf_type_t mpf_type_array;

// Bytes per item of [code], or 0 if the code is not supported.
static size_t code_itemsize(char code) {
    switch (code) {
        case 'b': case 'B':
            return 1;
        case 'h': case 'H':
            return 2;
        case 'i': case 'I':
            return 4;
        case 'l': case 'L':
            return sizeof(long);
        case 'q': case 'Q':
            return 8;
        case 'P':
            return sizeof(void *);
        case 'O':
            return sizeof(mpf_obj_t);
#if CONFIG_FLOAT
        case 'f':
            return sizeof(float);
        case 'd':
            return sizeof(double);
#endif
        default:
            return 0;
    }
}

static bool code_is_float(char c) {
    return c == 'f' || c == 'd';
}

static bool code_is_signed(char c) {
    return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q';
}

static bool host_little(void) {
    const uint16_t one = 1;
    return *(const uint8_t *)&one == 1;
}

static array_t *array_new(char code, size_t n) {
    array_t *a = mpf_new(array_t);
    a->base.type = &mpf_type_array;
    a->typecode = code;
    a->itemsize = (uint8_t)code_itemsize(code);
    a->len = n;
    a->alloc = n;
    a->data = mpf_gc_alloc_var(1, a->itemsize, n, false);
    return a;
}

static void array_reserve(array_t *a, size_t n) {
    if (n <= a->alloc) {
        return;
    }
    size_t na = a->alloc * 2 + 4;
    if (na < n) {
        na = n;
    }
    a->data = mpf_gc_realloc_var(a->data, 1, a->itemsize, na);
    a->alloc = na;
}

// The Python value of an item of typecode [code] at [p].
mpf_obj_t mpf_array_item_get(char code, const uint8_t *p) {
    if (code == 'O') {
        mpf_obj_t o;
        memcpy(&o, p, sizeof(o));
        return o;
    }
#if CONFIG_FLOAT
    if (code == 'f') {
        float f;
        memcpy(&f, p, sizeof(f));
        return mpf_obj_new_float((mpf_float_t)f);
    } else if (code == 'd') {
        double d;
        memcpy(&d, p, sizeof(d));
        return mpf_obj_new_float((mpf_float_t)d);
    }
#endif
    return mpf_int_from_bytes_obj(p, code_itemsize(code), host_little(), code_is_signed(code));
}

// Python value of item [i].
static mpf_obj_t array_get(const array_t *a, size_t i) {
    return mpf_array_item_get((char)a->typecode, a->data + i * a->itemsize);
}

// Store int [v] as [size] (<= 8) native-order bytes at [p], keeping its low 8*size
// bits in two's complement whatever its sign and magnitude (MicroPython's truncation).
static void int_store_wrapped(uint8_t *p, size_t size, mpf_obj_t v) {
    uint64_t u;
    if (mpf_obj_is_small_int(v)) {
        u = (uint64_t)(int64_t)mpf_obj_small_int_value(v);
    } else {
#if CONFIG_INT_BIG
#if CONFIG_INT_BIG_MPZ
        // v mod 2**64 first: & with a non-negative mask gives it for either sign
        static const uint8_t ones[8] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
        v = mpf_binary_op(MPF_BINARY_OP_AND, v, mpf_int_from_bytes_obj(ones, 8, true, false));
        const bool sign = false;
#else
        const bool sign = true;  // a long long big int always fits 8 signed bytes
#endif
        size_t n;
        const uint8_t *le = (const uint8_t *)mpf_obj_str_data(mpf_int_to_bytes_obj(v, 8, true, sign), &n);
        u = 0;
        for (size_t k = 0; k < 8; k++) {
            u |= (uint64_t)le[k] << (8 * k);
        }
#else
        u = (uint64_t)(int64_t)mpf_obj_get_int(v);
#endif
    }
    bool little = host_little();
    for (size_t k = 0; k < size; k++) {
        p[little ? k : size - 1 - k] = (uint8_t)(u >> (8 * k));
    }
}

// Store Python value [v] as an item of typecode [code] at [p]: TypeError for a
// non-number; an int that does not fit keeps its low bits.
void mpf_array_item_set(char code, uint8_t *p, mpf_obj_t v) {
    if (code == 'O') {
        memcpy(p, &v, sizeof(v));
        return;
    }
    size_t itemsize = code_itemsize(code);
    if (code_is_float(code)) {
#if CONFIG_FLOAT
        if (!mpf_obj_is_type(v, &mpf_type_float) && !mpf_obj_is_int(v)) {
            mpf_raise_fmt(&mpf_type_TypeError, "must be real number, not %T", v);
        }
        mpf_float_t f = mpf_obj_get_float(v);
        if (code == 'f') {
            float x = (float)f;
            memcpy(p, &x, sizeof(x));
        } else {
            double x = (double)f;
            memcpy(p, &x, sizeof(x));
        }
#endif
        return;
    }
    if (!mpf_obj_is_int(v)) {
        mpf_raise_fmt(&mpf_type_TypeError, "'%T' object cannot be interpreted as an integer", v);
    }
    int_store_wrapped(p, itemsize, v == MPF_OBJ_TRUE ? mpf_obj_new_small_int(1) : v == MPF_OBJ_FALSE ? mpf_obj_new_small_int(0) : v);
}

static void array_set(array_t *a, size_t i, mpf_obj_t v) {
    mpf_array_item_set((char)a->typecode, a->data + i * a->itemsize, v);
}

static void array_push(array_t *a, mpf_obj_t v) {
    array_reserve(a, a->len + 1);
    array_set(a, a->len, v);
    a->len++;
}

static void array_extend_from(array_t *a, mpf_obj_t src) {
    if (mpf_obj_is_type(src, &mpf_type_array)) {
        const array_t *b = mpf_obj_ptr(src);
        if (b->typecode != a->typecode) {
            mpf_raise_msg(&mpf_type_TypeError, "can only extend with array of same kind");
        }
        size_t n = b->len;
        array_reserve(a, a->len + n);
        memmove(a->data + a->len * a->itemsize, b->data, n * a->itemsize);
        a->len += n;
        return;
    }
    mpf_obj_t it = mpf_getiter(src), v;
    while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
        array_push(a, v);
    }
}

// Refuse raw bytes for an O array: its items are object references.
static void array_check_raw(const array_t *a) {
    if (a->typecode == 'O') {
        mpf_raise_msg(&mpf_type_TypeError, "array of objects has no raw bytes");
    }
}

static void array_frombytes_buf(array_t *a, const uint8_t *buf, size_t len) {
    array_check_raw(a);
    if (len % a->itemsize != 0) {
        mpf_raise_msg(&mpf_type_ValueError, "bytes length not a multiple of item size");
    }
    size_t n = len / a->itemsize;
    array_reserve(a, a->len + n);
    memcpy(a->data + a->len * a->itemsize, buf, len);
    a->len += n;
}

// array(typecode[, initializer])
static mpf_obj_t array_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_num(n_args, n_kw, 1, 2, false);
    size_t tl;
    const char *tc = MPF_IS_STR(args[0]) ? mpf_obj_str_data(args[0], &tl) : NULL;
    if (tc == NULL || tl != 1) {
        mpf_raise_fmt(&mpf_type_TypeError, "array() argument 1 must be a unicode character, not %T", args[0]);
    }
    if (code_itemsize(tc[0]) == 0) {
        mpf_raise_msg(&mpf_type_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    }
    array_t *a = array_new(tc[0], 0);
    if (n_args == 2) {
        mpf_obj_t init = args[1];
        if (MPF_IS_STR(init)) {
            mpf_raise_msg(&mpf_type_TypeError, "cannot use a str to initialize an array with typecode other than 'u'");
        }
        mpf_buffer_t b;
        if ((mpf_obj_is_type(init, &mpf_type_bytes) || IS_BYTEARRAY(init)) &&
            mpf_obj_get_buffer(init, &b, false)) {
            array_frombytes_buf(a, b.buf, b.len);
        } else if (mpf_obj_is_type(init, &mpf_type_array) && ((const array_t *)mpf_obj_ptr(init))->typecode != a->typecode) {
            // another kind of array: its values, converted one by one (extend() refuses)
            mpf_obj_t it = mpf_getiter(init), v;
            while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
                array_push(a, v);
            }
        } else {
            // room for what len() announces, at once: an impossible length is a
            // MemoryError before any item is read (as MicroPython's array does)
            mpf_obj_t n = mpf_obj_len_maybe(init);
            if (n != MPF_OBJ_NULL && mpf_obj_is_small_int(n) && mpf_obj_small_int_value(n) > 0) {
                array_reserve(a, (size_t)mpf_obj_small_int_value(n));
            }
            array_extend_from(a, init);
        }
    }
    return mpf_obj_from_ptr(a);
}

static void array_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const array_t *a = mpf_obj_ptr(self);
    mpf_printf(p, "array('%c'", a->typecode);
    if (a->len > 0) {
        mpf_print_str(p, ", [");
        for (size_t i = 0; i < a->len; i++) {
            if (i > 0) {
                mpf_print_str(p, ", ");
            }
            mpf_obj_print(p, array_get(a, i), MPF_PRINT_REPR);
        }
        mpf_print_str(p, "]");
    }
    mpf_print_str(p, ")");
}

static mpf_obj_t array_unary_op(int op, mpf_obj_t self) {
    const array_t *a = mpf_obj_ptr(self);
    switch (op) {
        case MPF_UNARY_OP_BOOL:
            return mpf_obj_bool(a->len != 0);
        case MPF_UNARY_OP_LEN:
            return mpf_obj_new_small_int((mpf_int_t)a->len);
        default:
            return MPF_OBJ_NULL;
    }
}

static mpf_obj_t array_copy_range(const array_t *a, size_t start, size_t n) {
    array_t *r = array_new(a->typecode, n);
    memcpy(r->data, a->data + start * a->itemsize, n * a->itemsize);
    return mpf_obj_from_ptr(r);
}

static mpf_obj_t array_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    array_t *a = mpf_obj_ptr(lhs);
    switch (op) {
        case MPF_BINARY_OP_ADD:
        case MPF_BINARY_OP_INPLACE_ADD: {
            if (!mpf_obj_is_type(rhs, &mpf_type_array)) {
                if (op == MPF_BINARY_OP_INPLACE_ADD) {
                    mpf_raise_fmt(&mpf_type_TypeError, "can only extend array with array (not \"%T\")", rhs);
                }
                mpf_raise_fmt(&mpf_type_TypeError, "can only append array (not \"%T\") to array", rhs);
            }
            const array_t *b = mpf_obj_ptr(rhs);
            if (b->typecode != a->typecode) {
                mpf_raise_msg(&mpf_type_TypeError, "bad argument type for built-in operation");
            }
            mpf_obj_t r = op == MPF_BINARY_OP_ADD ? array_copy_range(a, 0, a->len) : lhs;
            array_extend_from(mpf_obj_ptr(r), rhs);
            return r;
        }
        case MPF_BINARY_OP_MULTIPLY:
        case MPF_BINARY_OP_REVERSE_MULTIPLY:  // n * array
        case MPF_BINARY_OP_INPLACE_MULTIPLY: {
            if (!mpf_obj_is_int(rhs)) {
                return MPF_OBJ_NULL;
            }
            mpf_int_t n = mpf_obj_get_int(rhs);
            if (n < 0) {
                n = 0;
            }
            size_t len = a->len, total;
            if (__builtin_mul_overflow(len, (size_t)n, &total)) {
                mpf_raise_memory_error();
            }
            array_t *r = array_new(a->typecode, total);
            for (mpf_int_t k = 0; k < n; k++) {
                memcpy(r->data + (size_t)k * len * a->itemsize, a->data, len * a->itemsize);
            }
            if (op == MPF_BINARY_OP_INPLACE_MULTIPLY) {
                a->data = r->data;
                a->len = a->alloc = r->len;
                return lhs;
            }
            return mpf_obj_from_ptr(r);
        }
        case MPF_BINARY_OP_IN:
            for (size_t i = 0; i < a->len; i++) {
                if (mpf_obj_equal(array_get(a, i), rhs)) {
                    return MPF_OBJ_TRUE;
                }
            }
            return MPF_OBJ_FALSE;
        default:
            break;
    }
    if (op <= MPF_BINARY_OP_NOT_EQUAL) {
        mpf_obj_t other;
        if (mpf_obj_is_type(rhs, &mpf_type_array)) {
            const array_t *b = mpf_obj_ptr(rhs);
            other = mpf_obj_new_list(b->len, NULL);
            mpf_list_t *ol = mpf_obj_ptr(other);
            for (size_t i = 0; i < b->len; i++) {
                ol->items[i] = array_get(b, i);
            }
        } else {
            return MPF_OBJ_NULL;
        }
        mpf_obj_t mine = mpf_obj_new_list(a->len, NULL);
        mpf_list_t *ml = mpf_obj_ptr(mine);
        for (size_t i = 0; i < a->len; i++) {
            ml->items[i] = array_get(a, i);
        }
        return mpf_seq_compare(op, mine, other);
    }
    return MPF_OBJ_NULL;
}

static size_t array_index_of(const array_t *a, mpf_obj_t index, mpf_index_kind_t kind) {
    return mpf_get_index(&mpf_type_array, &a->len, index, kind);
}

static void array_delete(array_t *a, size_t i, size_t n) {
    memmove(a->data + i * a->itemsize, a->data + (i + n) * a->itemsize, (a->len - i - n) * a->itemsize);
    a->len -= n;
}

static mpf_obj_t array_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    array_t *a = mpf_obj_ptr(self);
    if (mpf_obj_is_type(index, &mpf_type_slice)) {
        mpf_int_t start, stop, step;
        mpf_slice_indices(index, &a->len, &start, &stop, &step);
        if (value == MPF_OBJ_SENTINEL) {
            if (step == 1) {
                return array_copy_range(a, (size_t)start, stop > start ? (size_t)(stop - start) : 0);
            }
            array_t *r = array_new(a->typecode, 0);
            for (mpf_int_t i = start; step > 0 ? i < stop : i > stop; i += step) {
                array_reserve(r, r->len + 1);
                memcpy(r->data + r->len * a->itemsize, a->data + (size_t)i * a->itemsize, a->itemsize);
                r->len++;
            }
            return mpf_obj_from_ptr(r);
        }
        if (value == MPF_OBJ_NULL && step == 1) {
            if (stop > start) {
                array_delete(a, (size_t)start, (size_t)(stop - start));
            }
            return MPF_OBJ_NONE;
        }
        if (step == 1 && mpf_obj_is_type(value, &mpf_type_array)) {
            const array_t *b = mpf_obj_ptr(value);
            if (b->typecode != a->typecode) {
                mpf_raise_msg(&mpf_type_TypeError, "bad argument type for built-in operation");
            }
            size_t old = stop > start ? (size_t)(stop - start) : 0;
            // copy b first: it may be a itself
            uint8_t *tmp = mpf_gc_alloc(b->len * b->itemsize + 1, false);
            memcpy(tmp, b->data, b->len * b->itemsize);
            size_t nb = b->len;
            array_reserve(a, a->len - old + nb);
            memmove(a->data + ((size_t)start + nb) * a->itemsize, a->data + ((size_t)start + old) * a->itemsize,
                (a->len - (size_t)start - old) * a->itemsize);
            memcpy(a->data + (size_t)start * a->itemsize, tmp, nb * a->itemsize);
            a->len = a->len - old + nb;
            return MPF_OBJ_NONE;
        }
        mpf_raise_msg(&mpf_type_TypeError, "array slice assignment needs an array of the same kind and step 1");
    }
    size_t i = array_index_of(a, index, value == MPF_OBJ_SENTINEL ? MPF_INDEX_LOAD : MPF_INDEX_STORE);
    if (value == MPF_OBJ_SENTINEL) {
        return array_get(a, i);
    } else if (value == MPF_OBJ_NULL) {
        array_delete(a, i, 1);
    } else {
        array_set(a, i, value);
    }
    return MPF_OBJ_NONE;
}

typedef struct array_iter {
    mpf_obj_base_t base;
    const array_t *a;
    size_t i;
} array_iter_t;

static mpf_obj_t array_iter_next(mpf_obj_t self) {
    array_iter_t *it = mpf_obj_ptr(self);
    if (it->i >= it->a->len) {
        return MPF_OBJ_STOP;
    }
    return array_get(it->a, it->i++);
}

static const mpf_type_t array_iter_type = MPF_TYPE(MPF_QSTR_arrayiterator, 0,
    (getiter, mpf_iter_self),
    (iternext, array_iter_next));

static mpf_obj_t array_getiter(mpf_obj_t self) {
    array_iter_t *it = mpf_new(array_iter_t);
    it->base.type = &array_iter_type;
    it->a = mpf_obj_ptr(self);
    return mpf_obj_from_ptr(it);
}

static bool array_get_buffer(mpf_obj_t self, mpf_buffer_t *buf, bool writable) {
    array_t *a = mpf_obj_ptr(self);
    if (a->typecode == 'O') {
        return false;
    }
    buf->buf = a->data;
    buf->len = a->len * a->itemsize;
    buf->writable = true;
    buf->typecode = (char)a->typecode;
    (void)writable;
    return true;
}

static void array_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    const array_t *a = mpf_obj_ptr(self);
    if (attr == MPF_QSTR_typecode) {
        char c = a->typecode;
        dest[0] = mpf_obj_new_str(&c, 1);
    } else if (attr == MPF_QSTR_itemsize) {
        dest[0] = mpf_obj_new_small_int(a->itemsize);
    }
}

static mpf_obj_t array_append(mpf_obj_t self, mpf_obj_t v) {
    array_push(mpf_obj_ptr(self), v);
    return MPF_OBJ_NONE;
}

static mpf_obj_t array_extend(mpf_obj_t self, mpf_obj_t v) {
    array_extend_from(mpf_obj_ptr(self), v);
    return MPF_OBJ_NONE;
}

static mpf_obj_t array_insert(mpf_obj_t self, mpf_obj_t index, mpf_obj_t v) {
    array_t *a = mpf_obj_ptr(self);
    mpf_int_t i = mpf_obj_get_int(index);
    mpf_int_t len = (mpf_int_t)a->len;
    if (i < 0) {
        i = i + len < 0 ? 0 : i + len;
    }
    if (i > len) {
        i = len;
    }
    array_push(a, v);  // validates and converts v at the end...
    uint8_t tmp[8];
    memcpy(tmp, a->data + (a->len - 1) * a->itemsize, a->itemsize);
    memmove(a->data + ((size_t)i + 1) * a->itemsize, a->data + (size_t)i * a->itemsize, (a->len - 1 - (size_t)i) * a->itemsize);
    memcpy(a->data + (size_t)i * a->itemsize, tmp, a->itemsize);  // ...then moves it into place
    return MPF_OBJ_NONE;
}

static mpf_obj_t array_pop(size_t n_args, const mpf_obj_t *args) {
    array_t *a = mpf_obj_ptr(args[0]);
    if (a->len == 0) {
        mpf_raise_msg(&mpf_type_IndexError, "pop from empty array");
    }
    size_t i = n_args > 1 ? array_index_of(a, args[1], MPF_INDEX_POP) : a->len - 1;
    mpf_obj_t v = array_get(a, i);
    array_delete(a, i, 1);
    return v;
}

// Index of the first item equal to [v], or -1.
static mpf_int_t array_find(const array_t *a, mpf_obj_t v) {
    for (size_t i = 0; i < a->len; i++) {
        if (mpf_obj_equal(array_get(a, i), v)) {
            return (mpf_int_t)i;
        }
    }
    return -1;
}

static mpf_obj_t array_remove(mpf_obj_t self, mpf_obj_t v) {
    array_t *a = mpf_obj_ptr(self);
    mpf_int_t i = array_find(a, v);
    if (i < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "array.remove(x): x not in array");
    }
    array_delete(a, (size_t)i, 1);
    return MPF_OBJ_NONE;
}

static mpf_obj_t array_index(mpf_obj_t self, mpf_obj_t v) {
    mpf_int_t i = array_find(mpf_obj_ptr(self), v);
    if (i < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "array.index(x): x not in array");
    }
    return mpf_obj_new_small_int(i);
}

static mpf_obj_t array_count(mpf_obj_t self, mpf_obj_t v) {
    const array_t *a = mpf_obj_ptr(self);
    mpf_int_t n = 0;
    for (size_t i = 0; i < a->len; i++) {
        n += mpf_obj_equal(array_get(a, i), v);
    }
    return mpf_obj_new_small_int(n);
}

static mpf_obj_t array_reverse(mpf_obj_t self) {
    array_t *a = mpf_obj_ptr(self);
    uint8_t tmp[8];
    size_t s = a->itemsize;
    for (size_t i = 0, j = a->len; i + 1 < j; i++, j--) {
        memcpy(tmp, a->data + i * s, s);
        memcpy(a->data + i * s, a->data + (j - 1) * s, s);
        memcpy(a->data + (j - 1) * s, tmp, s);
    }
    return MPF_OBJ_NONE;
}

static mpf_obj_t array_byteswap(mpf_obj_t self) {
    array_t *a = mpf_obj_ptr(self);
    array_check_raw(a);
    size_t s = a->itemsize;
    for (size_t i = 0; i < a->len; i++) {
        uint8_t *p = a->data + i * s;
        for (size_t k = 0; k < s / 2; k++) {
            uint8_t t = p[k];
            p[k] = p[s - 1 - k];
            p[s - 1 - k] = t;
        }
    }
    return MPF_OBJ_NONE;
}

static mpf_obj_t array_tobytes(mpf_obj_t self) {
    const array_t *a = mpf_obj_ptr(self);
    array_check_raw(a);
    return mpf_obj_new_bytes(a->data, a->len * a->itemsize);
}

static mpf_obj_t array_frombytes(mpf_obj_t self, mpf_obj_t data) {
    mpf_buffer_t b;
    if (!mpf_obj_get_buffer(data, &b, false) || MPF_IS_STR(data)) {
        mpf_raise_fmt(&mpf_type_TypeError, "a bytes-like object is required, not '%T'", data);
    }
    array_frombytes_buf(mpf_obj_ptr(self), b.buf, b.len);
    return MPF_OBJ_NONE;
}

static mpf_obj_t array_tolist(mpf_obj_t self) {
    const array_t *a = mpf_obj_ptr(self);
    mpf_obj_t l = mpf_obj_new_list(a->len, NULL);
    mpf_list_t *ll = mpf_obj_ptr(l);
    for (size_t i = 0; i < a->len; i++) {
        ll->items[i] = array_get(a, i);
    }
    return l;
}

static mpf_obj_t array_fromlist(mpf_obj_t self, mpf_obj_t list) {
    if (!mpf_obj_is_type(list, &mpf_type_list)) {
        mpf_raise_msg(&mpf_type_TypeError, "arg must be list");
    }
    array_t *a = mpf_obj_ptr(self);
    size_t old = a->len;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        array_extend_from(a, list);
        mpf_nlr_pop(&nlr);
        return MPF_OBJ_NONE;
    }
    a->len = old;  // all or nothing, as CPython
    mpf_nlr_raise(nlr.exc);
}

static mpf_obj_t array_buffer_info(mpf_obj_t self) {
    const array_t *a = mpf_obj_ptr(self);
    mpf_obj_t t[2] = {mpf_obj_new_int_from_ull((uintptr_t)a->data), mpf_obj_new_small_int((mpf_int_t)a->len)};
    return mpf_obj_new_tuple(2, t);
}

static const mpf_rom_map_elem_t array_locals_table[] = {
    MPF_ROM_FUN_2(MPF_QSTR_append, array_append),
    MPF_ROM_FUN_2(MPF_QSTR_extend, array_extend),
    MPF_ROM_FUN_3(MPF_QSTR_insert, array_insert),
    MPF_ROM_FUN_VAR(MPF_QSTR_pop, 1, 2, array_pop),
    MPF_ROM_FUN_2(MPF_QSTR_remove, array_remove),
    MPF_ROM_FUN_2(MPF_QSTR_index, array_index),
    MPF_ROM_FUN_2(MPF_QSTR_count, array_count),
    MPF_ROM_FUN_1(MPF_QSTR_reverse, array_reverse),
    MPF_ROM_FUN_1(MPF_QSTR_byteswap, array_byteswap),
    MPF_ROM_FUN_1(MPF_QSTR_tobytes, array_tobytes),
    MPF_ROM_FUN_2(MPF_QSTR_frombytes, array_frombytes),
    MPF_ROM_FUN_1(MPF_QSTR_tolist, array_tolist),
    MPF_ROM_FUN_2(MPF_QSTR_fromlist, array_fromlist),
    MPF_ROM_FUN_1(MPF_QSTR_buffer_info, array_buffer_info),
};
MPF_ROM_MAP(array_locals, array_locals_table);

static const mpf_type_ext_t array_get_buffer_ext = {.get_buffer = array_get_buffer};
const mpf_type_t mpf_type_array = MPF_TYPE(MPF_QSTR_array, MPF_TYPE_FLAG_UNHASHABLE,
    (print, array_print),
    (make_new, array_make_new),
    (unary_op, array_unary_op),
    (binary_op, array_binary_op),
    (attr, array_attr),
    (subscr, array_subscr),
    (getiter, array_getiter),
    (ext, &array_get_buffer_ext),
    (locals, &array_locals));

static const mpf_rom_map_elem_t array_members_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_array), MPF_ROM_PTR(&mpf_type_array)},
    {MPF_ROM_QSTR(MPF_QSTR_typecodes), MPF_ROM_QSTR(MPF_QSTR_bBhHiIlLqQfd)},
};
MPF_ROM_MAP(array_members, array_members_table);

const mpf_builtin_module_t mpf_module_array = {MPF_QSTR_array, &array_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_array, mpf_module_array);
