// obj.c -- operations every object supports: truth, equality, hashing, printing,
// type tests, index and slice arithmetic.
#include "mpf_int.h"
#include <limits.h>
#include "port.h"
#if CONFIG_INT_BIG_MPZ || CONFIG_INT_BIG_LONGLONG
#include "mpz.h"
#endif

// The external copies of the inline accessors (obj.h explains why they are not static).
extern inline bool mpf_obj_is_small_int(mpf_obj_t o);
extern inline bool mpf_obj_is_qstr(mpf_obj_t o);
extern inline bool mpf_obj_is_ptr(mpf_obj_t o);
extern inline void *mpf_obj_ptr(mpf_obj_t o);
extern inline const mpf_type_t *mpf_obj_type(mpf_obj_t o);
extern inline bool mpf_obj_is_type(mpf_obj_t o, const mpf_type_t *t);
#if CONFIG_CLASS_ADVANCED
extern inline bool mpf_obj_is_class(mpf_obj_t o);
#elif !CONFIG_VM_FAST_PATHS
bool mpf_obj_is_class(mpf_obj_t o) {
    return mpf_obj_is_type(o, &mpf_type_type);
}
#endif

// The unary_op slot of [o]'s type applied to [o], or NULL (no slot, or it declines [op]).
static mpf_obj_t unary_slot(int op, mpf_obj_t o) {
    mpf_type_unary_op_fn_t f = mpf_type_get_unary_op(mpf_type_slots(mpf_obj_type(o)));
    return f != NULL ? f(op, o) : MPF_OBJ_NULL;
}

bool mpf_obj_is_true(mpf_obj_t o) {
    if (o == MPF_OBJ_FALSE || o == MPF_OBJ_NONE) {
        return false;
    } else if (o == MPF_OBJ_TRUE) {
        return true;
    } else if (mpf_obj_is_small_int(o)) {
        return mpf_obj_small_int_value(o) != 0;
#if CONFIG_VM_FAST_PATHS
    } else if (mpf_obj_is_qstr(o)) {  // (without the fast paths: str's unary_op)
        size_t len;
        mpf_qstr_data(mpf_obj_qstr_value(o), &len);
        return len != 0;
#endif
    }
    mpf_obj_t r = unary_slot(MPF_UNARY_OP_BOOL, o);
    if (r != MPF_OBJ_NULL) {
        return r == MPF_OBJ_TRUE;
    }
    r = unary_slot(MPF_UNARY_OP_LEN, o);
    return r != mpf_obj_new_small_int(0);  // (no len either: NULL, true)
}

bool mpf_obj_is_callable(mpf_obj_t o) {
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(o));
    if (t->flags & MPF_TYPE_FLAG_HEAP) {
        return mpf_type_lookup(t, MPF_QSTR___call__) != MPF_OBJ_NULL;
    }
    return mpf_type_get_call(t) != NULL;
}

bool mpf_obj_is_int(mpf_obj_t o) {
    // (an int object that is no small int is a big one: none without CONFIG_INT_BIG)
    return mpf_obj_is_small_int(o) || (CONFIG_INT_BIG && mpf_obj_is_type(o, &mpf_type_int)) || o == MPF_OBJ_TRUE ||
           o == MPF_OBJ_FALSE;
}

bool mpf_obj_is_str(mpf_obj_t o) {
    return mpf_obj_is_qstr(o) || mpf_obj_is_type(o, &mpf_type_str);  // (MPF_IS_STR: mpf.h)
}

#if CONFIG_CHECK_TAGS
void mpf_tag_check_failed(const char *accessor) {
    mpf_port_abort(accessor);
}
#endif

const char *mpf_obj_str_data(mpf_obj_t o, size_t *len) {
    if (mpf_obj_is_qstr(o)) {
        return mpf_qstr_data(mpf_obj_qstr_value(o), len);
    }
    // callers check their arguments (the sanitizer build's fuzz test proves it): no cost here
    MPF_TAG_ASSERT(mpf_obj_is_type(o, &mpf_type_str) || mpf_obj_is_type(o, &mpf_type_bytes), "mpf_obj_str_data");
    const mpf_str_t *s = mpf_obj_ptr(o);
    *len = s->len;
    return (const char *)s->data;
}

mpf_obj_t mpf_obj_compare_result(int op, int c) {
    // per comparison, which outcomes make it true: bit 0 c < 0, bit 1 c == 0, bit 2 c > 0
    static const uint8_t truth[] = {
        [MPF_BINARY_OP_LESS - MPF_BINARY_OP_LESS] = 1,
        [MPF_BINARY_OP_MORE - MPF_BINARY_OP_LESS] = 4,
        [MPF_BINARY_OP_EQUAL - MPF_BINARY_OP_LESS] = 2,
        [MPF_BINARY_OP_LESS_EQUAL - MPF_BINARY_OP_LESS] = 3,
        [MPF_BINARY_OP_MORE_EQUAL - MPF_BINARY_OP_LESS] = 6,
        [MPF_BINARY_OP_NOT_EQUAL - MPF_BINARY_OP_LESS] = 5,
    };
    return mpf_obj_bool((truth[op - MPF_BINARY_OP_LESS] >> (c < 0 ? 0 : c == 0 ? 1 : 2)) & 1);
}

bool mpf_obj_equal(mpf_obj_t a, mpf_obj_t b) {
    if (a == b) {
        return true;
    }
    if ((mpf_obj_is_small_int(a) && mpf_obj_is_small_int(b)) || (mpf_obj_is_qstr(a) && mpf_obj_is_qstr(b))) {
        return false;
    }
#if CONFIG_VM_FAST_PATHS
    // (without the fast paths two strs are compared by str's binary_op below)
    if (MPF_IS_STR_HOT(a) && MPF_IS_STR_HOT(b)) {
        return mpf_str_text_equal(a, b);
    }
#endif
    if (MPF_IS_STR_HOT(a) != MPF_IS_STR_HOT(b) && (mpf_obj_is_small_int(a) || mpf_obj_is_small_int(b))) {
        return false;
    }
    mpf_stack_check();
    return mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_EQUAL, a, b));
}

mpf_int_t mpf_obj_hash(mpf_obj_t o) {
    if (mpf_obj_is_small_int(o)) {
        mpf_int_t v = mpf_obj_small_int_value(o);
#if UINTPTR_MAX > 0xFFFFFFFFu
        // an int hashes to its value modulo 2**61 - 1 (as big ints do), sign kept
        const mpf_int_t p = ((mpf_int_t)1 << 61) - 1;
        if (v >= p || v <= -p) {
            v %= p;
        }
#endif
        return v == -1 ? -2 : v;
    } else if (mpf_obj_is_qstr(o)) {
        return (mpf_int_t)mpf_qstr_hash(mpf_obj_qstr_value(o));
    }
    if (mpf_obj_type(o)->flags & MPF_TYPE_FLAG_UNHASHABLE) {
        mpf_raise_fmt(&mpf_type_TypeError, "unhashable type: '%T'", o);
    }
    mpf_obj_t r = unary_slot(MPF_UNARY_OP_HASH, o);
    if (r != MPF_OBJ_NULL) {
        if (mpf_obj_is_small_int(r)) {
            return mpf_obj_small_int_value(r);
        }
        if (!mpf_obj_is_int(r)) {
            mpf_raise_msg(&mpf_type_TypeError, "__hash__ method should return an integer");
        }
        return (mpf_int_t)(mpf_obj_hash(r));
    }
    return (mpf_int_t)(o >> 3);
}

// The C value of int/bool [o] or of what its class's __index__ returns: 1 with *v; -1 for
// an int beyond a machine word (*v: its sign, -1 or 1); 0 for anything else.
static int index_of(mpf_obj_t o, mpf_int_t *v) {
    if (mpf_obj_is_small_int(o)) {
        *v = mpf_obj_small_int_value(o);
        return 1;
    } else if (o == MPF_OBJ_FALSE || o == MPF_OBJ_TRUE) {
        *v = o == MPF_OBJ_TRUE;
        return 1;
    } else if (CONFIG_INT_BIG && mpf_obj_is_type(o, &mpf_type_int)) {
#if CONFIG_INT_BIG_MPZ || CONFIG_INT_BIG_LONGLONG
        // A big int may still fit a word: small ints stop one bit short of it, and on a
        // 32-bit port 2**30..2**31-1 are big ints.
        long long ll;
        if (mpf_mpz_to_ll(o, &ll) && ll >= (long long)INTPTR_MIN && ll <= (long long)INTPTR_MAX) {
            *v = (mpf_int_t)ll;
            return 1;
        }
#endif
        *v = mpf_int_sign(o) < 0 ? -1 : 1;
        return -1;
    }
    const mpf_type_t *t = mpf_obj_type(o);
    if (t->flags & MPF_TYPE_FLAG_HEAP) {
#if CONFIG_SLOT_WRAPPERS_TYPES
        if (!(t->flags & MPF_TYPE_FLAG_METATYPE) && !mpf_obj_is_exception(o)) {
            // an instance of a class derived from int: its int (as CPython's, whatever __index__)
            mpf_obj_t sub = ((const mpf_instance_t *)mpf_obj_ptr(o))->subobj;
            if (sub != MPF_OBJ_NULL && mpf_obj_is_int(sub)) {
                return index_of(sub, v);
            }
        }
#endif
        mpf_obj_t m = mpf_type_lookup(t, MPF_QSTR___index__);
        if (m != MPF_OBJ_NULL) {
            return index_of(mpf_call1(m, o), v);
        }
    }
    return 0;
}

#if CONFIG_INT_BIG
static const char too_large_msg[] = "Python int too large to convert to C ssize_t";
#endif

// As index_of: false for anything but an int that fits; with [raise_big] OverflowError
// for a bigger int.
static bool get_int(mpf_obj_t o, mpf_int_t *v, bool raise_big) {
#if !CONFIG_INT_BIG
    (void)raise_big;
    return index_of(o, v) > 0;  // (every int fits: *v is written for an int only)
#else
    mpf_int_t x;
    int r = index_of(o, &x);
    if (CONFIG_INT_BIG && r < 0 && raise_big) {
        mpf_raise_msg(&mpf_type_OverflowError, too_large_msg);
    }
    if (r > 0) {
        *v = x;  // (*v is left as it was otherwise: some callers keep a default there)
    }
    return r > 0;
#endif
}

mpf_int_t mpf_obj_get_slice_index(mpf_obj_t o) {
#if !CONFIG_INT_BIG && CONFIG_ERROR_MSG_LEVEL == 0
    return mpf_obj_get_int(o);  // (the same TypeError, and every int fits)
#else
    mpf_int_t v;
    int r = index_of(o, &v);
    if (r == 0) {
        mpf_raise_msg(&mpf_type_TypeError, "slice indices must be integers or None or have an __index__ method");
    }
    return !CONFIG_INT_BIG || r > 0 ? v : v < 0 ? -(mpf_int_t)INTPTR_MAX : (mpf_int_t)INTPTR_MAX;  // (a huge one: clamped)
#endif
}

bool mpf_obj_get_int_maybe(mpf_obj_t o, mpf_int_t *v) {
    return get_int(o, v, false);
}

bool mpf_obj_get_index_maybe(mpf_obj_t o, mpf_int_t *v) {
#if CONFIG_INT_BIG
    mpf_int_t x;
    int r = index_of(o, &x);
    if (r < 0) {
        mpf_raise_fmt(&mpf_type_OverflowError, "cannot fit '%T' into an index-sized integer", o);
    }
    if (r > 0) {
        *v = x;
    }
    return r > 0;
#else
    return mpf_obj_get_int_maybe(o, v);  // (every int fits)
#endif
}

mpf_int_t mpf_obj_get_int(mpf_obj_t o) {
    mpf_int_t v;
    if (!get_int(o, &v, true)) {
        mpf_raise_fmt(&mpf_type_TypeError, "'%T' object cannot be interpreted as an integer", o);
    }
    return v;
}

// An int that fits a C int (chr(), a '*' width), CPython's OverflowError for a bigger one.
int mpf_obj_get_c_int(mpf_obj_t o) {
    if (!CONFIG_INT_BIG && sizeof(mpf_int_t) == sizeof(int)) {
        return (int)mpf_obj_get_int(o);   // (small ints only, of a C int's bits: every one fits)
    }
    mpf_int_t v = 0;
    bool big = !get_int(o, &v, false) && mpf_obj_is_int(o);   // (an int beyond a machine word)
    if (big || v > INT_MAX || v < INT_MIN) {
        mpf_raise_msg(&mpf_type_OverflowError, "Python int too large to convert to C int");
    }
    return (int)mpf_obj_get_int(o);   // (the TypeError of anything else)
}

mpf_obj_t mpf_obj_native_part(mpf_obj_t o) {
    const mpf_type_t *t = mpf_obj_type(o);
    if ((t->flags & (MPF_TYPE_FLAG_HEAP | MPF_TYPE_FLAG_METATYPE)) != MPF_TYPE_FLAG_HEAP || mpf_obj_is_exception(o)) {
        return MPF_OBJ_NULL;
    }
    return ((const mpf_instance_t *)mpf_obj_ptr(o))->subobj;
}

mpf_obj_t mpf_obj_native_number(mpf_obj_t o) {
    mpf_obj_t sub = mpf_obj_native_part(o);
    if (sub == MPF_OBJ_NULL) {
        return MPF_OBJ_NULL;
    }
#if CONFIG_FLOAT
    if (mpf_obj_is_type(sub, &mpf_type_float)) {
        return sub;
    }
#endif
    return mpf_obj_is_int(sub) ? sub : MPF_OBJ_NULL;
}

#if CONFIG_FLOAT
mpf_float_t mpf_obj_get_float(mpf_obj_t o) {
    if (mpf_obj_is_type(o, &mpf_type_float)) {
        return ((const mpf_float_obj_t *)mpf_obj_ptr(o))->value;
    } else if (mpf_obj_is_int(o)) {
        return mpf_int_to_float(o);
    }
    const mpf_type_t *t = mpf_obj_type(o);
    if (t->flags & MPF_TYPE_FLAG_HEAP) {
        // a class with __float__ (or __index__), as CPython's PyFloat_AsDouble; an instance
        // of a class derived from float its float, from int its int unless it has __float__
        mpf_obj_t sub = mpf_obj_native_part(o);
        if (sub != MPF_OBJ_NULL && mpf_obj_is_type(sub, &mpf_type_float)) {
            return ((const mpf_float_obj_t *)mpf_obj_ptr(sub))->value;
        }
        mpf_obj_t m = mpf_type_lookup(t, MPF_QSTR___float__);
        if (m != MPF_OBJ_NULL) {
            mpf_obj_t r = mpf_call1(m, o);
            if (!mpf_obj_is_type(r, &mpf_type_float)) {
                mpf_raise_fmt(&mpf_type_TypeError, "%T.__float__ returned non-float (type %T)", o, r);
            }
            return ((const mpf_float_obj_t *)mpf_obj_ptr(r))->value;
        }
        if (sub != MPF_OBJ_NULL && mpf_obj_is_int(sub)) {
            return mpf_int_to_float(sub);
        }
        m = mpf_type_lookup(t, MPF_QSTR___index__);
        if (m != MPF_OBJ_NULL) {
            mpf_obj_t r = mpf_call1(m, o);
            if (mpf_obj_is_int(r)) {
                return mpf_int_to_float(r);
            }
        }
    }
    mpf_raise_fmt(&mpf_type_TypeError, "must be real number, not %T", o);
}
#endif

mpf_obj_t mpf_obj_len_maybe(mpf_obj_t o) {
#if CONFIG_VM_FAST_PATHS
    if (mpf_obj_is_qstr(o)) {  // (without the fast paths: str's unary_op)
        size_t len;
        const char *s = mpf_qstr_data(mpf_obj_qstr_value(o), &len);
#if CONFIG_STR_UNICODE
        len = mpf_utf8_charlen((const uint8_t *)s, len);
#else
        (void)s;
#endif
        return mpf_obj_new_small_int((mpf_int_t)len);
    }
#endif
    if (mpf_obj_is_small_int(o)) {
        return MPF_OBJ_NULL;
    }
    return unary_slot(MPF_UNARY_OP_LEN, o);
}

size_t mpf_obj_len(mpf_obj_t o) {
    mpf_obj_t r = mpf_obj_len_maybe(o);
    if (r == MPF_OBJ_NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, "object of type '%T' has no len()", o);
    }
    mpf_int_t v = mpf_obj_get_int(r);
    if (v < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "__len__() should return >= 0");
    }
    return (size_t)v;
}

void mpf_obj_print(const mpf_print_t *p, mpf_obj_t o, mpf_print_kind_t kind) {
    mpf_stack_check();
    // (NULL, from malformed bytecode only, is the sentinel type's: "<sentinel object at 0x0>")
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(o));
    (mpf_type_get_print(t) != NULL ? mpf_type_get_print(t) : mpf_type_print_default)(p, o, kind);
}

mpf_obj_t mpf_obj_print_to_str(mpf_print_fun_t f, mpf_obj_t o, mpf_print_kind_t kind) {
    mpf_vstr_t v;
    mpf_vstr_init(&v, 16);
    mpf_print_t p;
    mpf_vstr_print(&v, &p);
    f(&p, o, kind);
    return mpf_vstr_to_str(&v);
}

mpf_obj_t mpf_obj_str(mpf_obj_t o) {
    return MPF_IS_STR_HOT(o) ? o : mpf_obj_print_to_str(mpf_obj_print, o, MPF_PRINT_STR);
}

mpf_obj_t mpf_obj_repr(mpf_obj_t o) {
    return mpf_obj_print_to_str(mpf_obj_print, o, MPF_PRINT_REPR);
}

bool mpf_type_is_subclass(const mpf_type_t *t, const mpf_type_t *base) {
    if (t == base || base == &mpf_type_object) {
        return true;
    }
#if !CONFIG_VM_FAST_PATHS
    // one walk over the MRO (a builtin type's is found again from the start at each step)
    const mpf_type_t *c;
    for (size_t i = 1; (c = mpf_type_mro_item(t, i)) != NULL; i++) {
        if (c == base) {
            return true;
        }
    }
    return false;
#else
    if (mpf_class_mro(t) != MPF_OBJ_NULL) {
        const mpf_tuple_t *mro = mpf_obj_ptr(mpf_class_mro(t));
        for (size_t i = 0; i < mro->len; i++) {
            if (mpf_obj_ptr(mro->items[i]) == base) {
                return true;
            }
        }
        return false;
    }
    for (const mpf_type_t *c = mpf_type_parent(t); c != NULL; c = mpf_type_parent(c)) {
        if (c == base) {
            return true;
        }
    }
    return false;
#endif
}

bool mpf_obj_isinstance(mpf_obj_t o, mpf_obj_t cls) {
    const mpf_type_t *t = mpf_obj_type(o);
    if (mpf_obj_is_type(cls, &mpf_type_tuple)) {
        mpf_stack_check();  // tuples nested without end: RecursionError, not a C stack overflow
        const mpf_tuple_t *tu = mpf_obj_ptr(cls);
        for (size_t i = 0; i < tu->len; i++) {
            if (mpf_obj_isinstance(o, tu->items[i])) {
                return true;
            }
        }
        return false;
    }
    if (!mpf_obj_is_class(cls)) {
        mpf_raise_msg(&mpf_type_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    }
    return mpf_type_is_subclass(t, mpf_obj_ptr(cls));
}

bool mpf_obj_get_buffer(mpf_obj_t o, mpf_buffer_t *buf, bool writable) {
    buf->typecode = 'B';
    if (mpf_obj_is_qstr(o)) {
        if (writable) {
            return false;
        }
        buf->buf = (void *)(uintptr_t)mpf_qstr_data(mpf_obj_qstr_value(o), &buf->len);
        buf->writable = false;
        return true;
    }
    if (!mpf_obj_is_ptr(o)) {
        return false;
    }
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(o));
    if (mpf_type_get_ext(t) != NULL && mpf_type_get_ext(t)->get_buffer != NULL) {
        return mpf_type_get_ext(t)->get_buffer(o, buf, writable);
    }
    // an instance of a class: its native part's (an exception's is NULL)
    if ((t->flags & (MPF_TYPE_FLAG_HEAP | MPF_TYPE_FLAG_METATYPE)) == MPF_TYPE_FLAG_HEAP &&
        ((const mpf_instance_t *)mpf_obj_ptr(o))->subobj != MPF_OBJ_NULL) {
        return mpf_obj_get_buffer(((const mpf_instance_t *)mpf_obj_ptr(o))->subobj, buf, writable);
    }
    return false;
}

size_t mpf_obj_readinto_args(size_t n_args, const mpf_obj_t *args, mpf_buffer_t *buf) {
    if (!mpf_obj_get_buffer(args[1], buf, true)) {
        mpf_raise_fmt(&mpf_type_TypeError, "readinto() argument must be read-write bytes-like object, not %T", args[1]);
    }
    size_t max = buf->len;
    if (n_args > 2) {
        mpf_int_t n = mpf_obj_get_int(args[2]);
        max = n < 0 ? 0 : (size_t)n < max ? (size_t)n : max;
    }
    return max;
}

const char *mpf_obj_write_data(mpf_obj_t data, size_t *len) {
    if (MPF_IS_STR_HOT(data)) {
        return mpf_obj_str_data(data, len);
    }
    mpf_buffer_t buf;
    if (!mpf_obj_get_buffer(data, &buf, false)) {
        mpf_raise_fmt(&mpf_type_TypeError, "write() needs str or a bytes-like object, not %T", data);
    }
    *len = buf.len;
    return buf.buf;
}

// The length is read through [lenp] after the index's __index__, which may have changed it.
size_t mpf_get_index(const mpf_type_t *t, const size_t *lenp, mpf_obj_t index, mpf_index_kind_t kind) {
    (void)kind;
    mpf_int_t i;
    int r = 1;
#if CONFIG_VM_FAST_PATHS
    if (mpf_obj_is_small_int(index)) {
        i = mpf_obj_small_int_value(index);  // (the common index, read in place)
    } else
#endif
    {
        r = index_of(index, &i);
    }
    size_t len = *lenp;
    if (r == 0) {
#if CONFIG_ERROR_MSG_EXACT
        if (kind == MPF_INDEX_POP) {
            mpf_raise_fmt(&mpf_type_TypeError, "'%T' object cannot be interpreted as an integer", index);
        }
        if (t == &mpf_type_str) {
            mpf_raise_fmt(&mpf_type_TypeError, "string indices must be integers, not '%T'", index);
        }
#if CONFIG_BUILTIN_MEMORYVIEW
        if (t == &mpf_type_memoryview) {
            mpf_raise_msg(&mpf_type_TypeError, "memoryview: invalid slice key");
        }
#endif
        if (t == &mpf_type_bytes) {
            mpf_raise_fmt(&mpf_type_TypeError, "byte indices must be integers or slices, not %T", index);
        }
        if (mpf_type_name(t) == MPF_QSTR_array) {
            mpf_raise_msg(&mpf_type_TypeError, "array indices must be integers");
        }
#endif
        mpf_raise_fmt(&mpf_type_TypeError, "%q indices must be integers or slices, not %T", mpf_type_name(t), index);
    }
    if (CONFIG_INT_BIG && r < 0) {
#if CONFIG_ERROR_MSG_EXACT
        if (kind == MPF_INDEX_POP) {
            mpf_raise_msg(&mpf_type_OverflowError, too_large_msg);
        }
        if (t != &mpf_type_range) {  // (a range takes any int: this one is out of range)
            mpf_raise_fmt(&mpf_type_IndexError, "cannot fit '%T' into an index-sized integer", index);
        }
#endif
        i = (mpf_int_t)len;  // out of range
    }
    if (i < 0) {
        i += (mpf_int_t)len;
    }
    if (i < 0 || (size_t)i >= len) {
#if CONFIG_ERROR_MSG_EXACT
        // CPython's words for each type and use
        if (kind == MPF_INDEX_POP) {
            mpf_raise_msg(&mpf_type_IndexError, "pop index out of range");
        }
#if CONFIG_BUILTIN_MEMORYVIEW
        if (t == &mpf_type_memoryview) {
            mpf_raise_msg(&mpf_type_IndexError, "index out of bounds on dimension 1");
        }
#endif
        if (t != &mpf_type_bytes) {
            size_t nl = t == &mpf_type_str ? 6 : 12;
            const char *name = t == &mpf_type_str ? "string" : t == &mpf_type_range ? "range object" : mpf_qstr_data(mpf_type_name(t), &nl);
            mpf_raise_fmt(&mpf_type_IndexError, "%.*s %sindex out of range", (int)nl, name,
                kind == MPF_INDEX_STORE && mpf_type_name(t) != MPF_QSTR_bytearray ? "assignment " : "");  // (by name: bytearray may be off)
        }
#elif CONFIG_ERROR_MSG_LEVEL >= 2
        size_t nl = t == &mpf_type_str ? 6 : 12;
        const char *name = t == &mpf_type_str ? "string" : t == &mpf_type_range ? "range object" : mpf_qstr_data(mpf_type_name(t), &nl);
        mpf_raise_fmt(&mpf_type_IndexError, "%.*s index out of range", (int)nl, name);
#endif
        mpf_raise_msg(&mpf_type_IndexError, "index out of range");
    }
    return (size_t)i;
}

// Clamp slice bound [o] (None or int) of value [v] for a sequence of [len] with [step].
static mpf_int_t slice_bound(mpf_obj_t o, mpf_int_t v, mpf_int_t len, mpf_int_t step, bool is_start) {
    if (o == MPF_OBJ_NONE) {
        if (step > 0) {
            return is_start ? 0 : len;
        }
        return is_start ? len - 1 : -1;
    }
    if (v < 0) {
        v = v < -len ? -1 : v + len;
        if (v < 0) {
            v = step < 0 ? -1 : 0;
        }
    } else if (v >= len) {
        v = step < 0 ? len - 1 : len;
    }
    return v;
}

bool mpf_slice_indices(mpf_obj_t slice, const size_t *len, mpf_int_t *start, mpf_int_t *stop, mpf_int_t *step) {
    const mpf_slice_t *s = mpf_obj_ptr(slice);
    // the step and bounds first (CPython's order): their __index__ may change the
    // sequence, whose length is read after
    mpf_int_t st = 1;
    int r = 1;
    if (s->step != MPF_OBJ_NONE) {
        r = index_of(s->step, &st);
        if (r == 0) {
            mpf_raise_msg(&mpf_type_TypeError, "slice indices must be integers or None or have an __index__ method");
        }
        if (st == 0) {
            mpf_raise_msg(&mpf_type_ValueError, "slice step cannot be zero");
        }
    }
#if CONFIG_VM_FAST_PATHS
    // (small ints, the common bounds, read in place)
#define BOUND(o) ((o) == MPF_OBJ_NONE ? 0 : mpf_obj_is_small_int(o) ? mpf_obj_small_int_value(o) : mpf_obj_get_slice_index(o))
#else
#define BOUND(o) ((o) == MPF_OBJ_NONE ? 0 : mpf_obj_get_slice_index(o))
#endif
    mpf_int_t b0 = BOUND(s->start);
    mpf_int_t b1 = BOUND(s->stop);
#undef BOUND
    mpf_int_t n = (mpf_int_t)*len;
    // A step beyond a machine word (st: its sign) takes the start alone, as one longer
    // than the sequence does (CPython clamps it to the largest one).
    if (CONFIG_INT_BIG && r < 0) {
        st = st < 0 ? -n - 1 : n + 1;
    }
    *step = st;
    *start = slice_bound(s->start, b0, n, st, true);
    *stop = slice_bound(s->stop, b1, n, st, false);
    return true;
}

void mpf_obj_get_array(mpf_obj_t o, size_t *len, mpf_obj_t **items) {
    const mpf_type_t *t = mpf_obj_type(o);
    if (t == &mpf_type_tuple || (mpf_type_parent(t) == &mpf_type_tuple && !(t->flags & MPF_TYPE_FLAG_HEAP))) {
        // a tuple, or a native tuple subtype laid out as one (os.uname())
        mpf_tuple_t *t = mpf_obj_ptr(o);
        *len = t->len;
        *items = t->items;
    } else if (mpf_obj_is_type(o, &mpf_type_list)) {
        mpf_list_t *l = mpf_obj_ptr(o);
        *len = l->len;
        *items = l->items;
    } else {
        mpf_raise_fmt(&mpf_type_TypeError, "expected tuple or list, not %T", o);
    }
}
