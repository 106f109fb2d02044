// obj_range.c -- range objects and their iterator.
#include "mpf.h"

mpf_obj_t mpf_obj_new_range(mpf_int_t start, mpf_int_t stop, mpf_int_t step) {
    mpf_range_t *r = mpf_new(mpf_range_t);
    r->base.type = &mpf_type_range;
    r->start = start;
    r->stop = stop;
    r->step = step;
    return mpf_obj_from_ptr(r);
}

#if CONFIG_RANGE_BIG
// A range whose start, stop or step does not fit a machine word keeps the three as int
// objects: its step field is 0 (no range has that step) and its start field holds the
// tuple (start, stop, step). What is asked of it is worked out with int objects, as is
// slicing any range (whose bounds and step may grow beyond a word).
#define RANGE_IS_BIG(r) ((r)->step == 0)
#define ZERO mpf_obj_new_small_int(0)
#define ONE mpf_obj_new_small_int(1)

static mpf_obj_t op(int o, mpf_obj_t a, mpf_obj_t b) {
    return mpf_binary_op(o, a, b);
}

static bool less(mpf_obj_t a, mpf_obj_t b) {
    return op(MPF_BINARY_OP_LESS, a, b) == MPF_OBJ_TRUE;
}

// The range of int objects [p] (start, stop, step; step not 0): in machine words if all fit.
static mpf_obj_t range_from_parts(const mpf_obj_t *p) {
    mpf_int_t a, b, c;
    if (mpf_obj_get_int_maybe(p[0], &a) && mpf_obj_get_int_maybe(p[1], &b) && mpf_obj_get_int_maybe(p[2], &c)) {
        return mpf_obj_new_range(a, b, c);
    }
    return mpf_obj_new_range((mpf_int_t)mpf_obj_new_tuple(3, p), 0, 0);
}

// Start, stop and step of any range as int objects.
static void range_parts(const mpf_range_t *r, mpf_obj_t *p) {
    if (RANGE_IS_BIG(r)) {
        const mpf_tuple_t *t = mpf_obj_ptr((mpf_obj_t)r->start);
        memcpy(p, t->items, 3 * sizeof(mpf_obj_t));
    } else {
        p[0] = mpf_obj_new_int(r->start);
        p[1] = mpf_obj_new_int(r->stop);
        p[2] = mpf_obj_new_int(r->step);
    }
}

// The number of items of the range [p], an int object.
static mpf_obj_t parts_len(const mpf_obj_t *p) {
    bool up = less(ZERO, p[2]);
    mpf_obj_t lo = p[!up], hi = p[up];
    if (!less(lo, hi)) {
        return ZERO;
    }
    // (hi - lo - 1) // |step| + 1
    return op(MPF_BINARY_OP_ADD, op(MPF_BINARY_OP_FLOOR_DIVIDE, op(MPF_BINARY_OP_SUBTRACT, op(MPF_BINARY_OP_SUBTRACT, hi, lo), ONE), up ? p[2] : mpf_unary_op(MPF_UNARY_OP_NEGATIVE, p[2])), ONE);
}

// Item [i] (an int object, 0 <= i < len) of the range [p].
static mpf_obj_t parts_item(const mpf_obj_t *p, mpf_obj_t i) {
    return op(MPF_BINARY_OP_ADD, p[0], op(MPF_BINARY_OP_MULTIPLY, i, p[2]));
}

// The index of int [v] in the range [p], or MPF_OBJ_NULL.
static mpf_obj_t parts_find(const mpf_obj_t *p, mpf_obj_t v) {
    bool up = less(ZERO, p[2]);
    if (up ? less(v, p[0]) || !less(v, p[1]) : less(p[0], v) || !less(p[1], v)) {
        return MPF_OBJ_NULL;
    }
    mpf_obj_t d = op(MPF_BINARY_OP_SUBTRACT, v, p[0]);
    return mpf_obj_is_true(op(MPF_BINARY_OP_MODULO, d, p[2])) ? MPF_OBJ_NULL : op(MPF_BINARY_OP_FLOOR_DIVIDE, d, p[2]);
}

// [o] as an int object: itself, or what its class's __index__ gives (of any size); else
// TypeError (a slice's words with [slice]).
static mpf_obj_t range_int(mpf_obj_t o, bool slice) {
    if (mpf_obj_is_int(o)) {
        return o;
    }
    mpf_obj_t m = mpf_type_lookup(mpf_obj_type(o), MPF_QSTR___index__);
    mpf_obj_t v = m != MPF_OBJ_NULL ? mpf_call1(m, o) : MPF_OBJ_NULL;
    if (v != MPF_OBJ_NULL && mpf_obj_is_int(v)) {
        return v;
    }
    mpf_int_t n;
    if (slice && !mpf_obj_get_int_maybe(o, &n)) {
        mpf_raise_msg(&mpf_type_TypeError, "slice indices must be integers or None or have an __index__ method");
    }
    return mpf_obj_new_int(mpf_obj_get_int(o));  // (TypeError for what is no index)
}

static mpf_obj_t slice_int(mpf_obj_t o) {
    return range_int(o, true);
}

// Slice bound [o] (not None) for a length [n] between [lower] and [upper] (CPython's clamping).
static mpf_obj_t slice_bound_obj(mpf_obj_t o, mpf_obj_t n, mpf_obj_t lower, mpf_obj_t upper) {
    o = slice_int(o);
    if (less(o, ZERO)) {
        o = op(MPF_BINARY_OP_ADD, o, n);
        return less(o, lower) ? lower : o;
    }
    return less(upper, o) ? upper : o;
}

// range[slice]: a range, its bounds and step worked out in int objects.
static mpf_obj_t range_slice(const mpf_range_t *r, const mpf_slice_t *s) {
    mpf_obj_t p[3], q[3];
    range_parts(r, p);
    mpf_obj_t step = s->step == MPF_OBJ_NONE ? ONE : slice_int(s->step);
    if (!mpf_obj_is_true(step)) {
        mpf_raise_msg(&mpf_type_ValueError, "slice step cannot be zero");
    }
    mpf_obj_t n = parts_len(p);
    bool neg = less(step, ZERO);
    mpf_obj_t lower = neg ? mpf_obj_new_small_int(-1) : ZERO;
    mpf_obj_t upper = neg ? op(MPF_BINARY_OP_SUBTRACT, n, ONE) : n;
    mpf_obj_t a = s->start == MPF_OBJ_NONE ? (neg ? upper : lower) : slice_bound_obj(s->start, n, lower, upper);
    mpf_obj_t b = s->stop == MPF_OBJ_NONE ? (neg ? lower : upper) : slice_bound_obj(s->stop, n, lower, upper);
    q[0] = parts_item(p, a);
    q[1] = parts_item(p, b);
    q[2] = op(MPF_BINARY_OP_MULTIPLY, p[2], step);
    return range_from_parts(q);
}

typedef struct range_big_iter {
    mpf_obj_base_t base;
    mpf_obj_t cur, stop, step;
} range_big_iter_t;

static mpf_obj_t range_big_iter_next(mpf_obj_t self) {
    range_big_iter_t *it = mpf_obj_ptr(self);
    if (less(ZERO, it->step) ? !less(it->cur, it->stop) : !less(it->stop, it->cur)) {
        return MPF_OBJ_STOP;
    }
    mpf_obj_t v = it->cur;
    it->cur = op(MPF_BINARY_OP_ADD, v, it->step);
    return v;
}

static const mpf_type_t range_big_iter_type = MPF_TYPE(MPF_QSTR_range_iterator, 0,
    (getiter, mpf_iter_self),
    (iternext, range_big_iter_next));

// reversed(range): an iterator over the range of the same items the other way round.
mpf_obj_t mpf_range_reversed(mpf_obj_t self) {
    mpf_obj_t p[3], q[3];
    range_parts(mpf_obj_ptr(self), p);
    mpf_obj_t n = parts_len(p);
    if (mpf_obj_is_true(n)) {
        q[0] = parts_item(p, op(MPF_BINARY_OP_SUBTRACT, n, ONE));
        q[1] = op(MPF_BINARY_OP_SUBTRACT, p[0], p[2]);
        q[2] = mpf_unary_op(MPF_UNARY_OP_NEGATIVE, p[2]);
        self = range_from_parts(q);
    }
    return mpf_getiter(self);
}
#else
#define RANGE_IS_BIG(r) false
#endif

// Whether [b] lies beyond [a] in the direction of [r]'s step.
static bool range_beyond(const mpf_range_t *r, mpf_int_t a, mpf_int_t b) {
    return r->step > 0 ? b > a : a > b;
}

// The distance from r->start to [v] in the direction of the step, and (in *st) the step's
// size: in unsigned arithmetic, as the distance can exceed mpf_int_t
// (range(-maxsize, maxsize)) and must not overflow on the way.
static mpf_uint_t range_dist(const mpf_range_t *r, mpf_int_t v, mpf_uint_t *st) {
    mpf_uint_t d = (mpf_uint_t)v - (mpf_uint_t)r->start;
    *st = (mpf_uint_t)r->step;
    if (r->step < 0) {
        d = 0 - d;
        *st = 0 - *st;
    }
    return d;
}

// The number of items.
static mpf_uint_t range_len(const mpf_range_t *r) {
    mpf_uint_t st, d = range_dist(r, r->stop, &st);
    return range_beyond(r, r->start, r->stop) ? (d - 1) / st + 1 : 0;
}

// Whether [v] is an int item of [r]; *i its index if so.
static bool range_find(const mpf_range_t *r, mpf_obj_t v, mpf_uint_t *i) {
    mpf_int_t n;
    if (!mpf_obj_is_int(v) || !mpf_obj_get_int_maybe(v, &n)) {
        return false;  // (an int beyond a machine word is outside every range)
    }
    mpf_uint_t st, d = range_dist(r, n, &st);
    *i = d / st;
    return !range_beyond(r, n, r->start) && range_beyond(r, n, r->stop) && d % st == 0;
}

// The index of int [v] in [r] (an int object), or MPF_OBJ_NULL.
static mpf_obj_t range_index(const mpf_range_t *r, mpf_obj_t v) {
#if CONFIG_RANGE_BIG
    mpf_int_t n;
    if (RANGE_IS_BIG(r) || !mpf_obj_get_int_maybe(v, &n)) {
        mpf_obj_t p[3];
        range_parts(r, p);
        return parts_find(p, v);
    }
#endif
    mpf_uint_t i;
    return range_find(r, v, &i) ? mpf_obj_new_int((mpf_int_t)i) : MPF_OBJ_NULL;
}

// start + i * step for an index inside the range (wrap-free in unsigned arithmetic).
static mpf_int_t range_item(mpf_int_t start, mpf_uint_t i, mpf_int_t step) {
    return (mpf_int_t)((mpf_uint_t)start + i * (mpf_uint_t)step);
}

static void range_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const mpf_range_t *r = mpf_obj_ptr(self);
    // (the step, when 1, is an argument the format leaves unused)
#if CONFIG_RANGE_BIG
    mpf_obj_t q[3];
    range_parts(r, q);
    mpf_printf(p, q[2] == ONE ? "range(%R, %R)" : "range(%R, %R, %R)", q[0], q[1], q[2]);
#else
    mpf_printf(p, r->step == 1 ? "range(%ld, %ld)" : "range(%ld, %ld, %ld)", (long)r->start, (long)r->stop, (long)r->step);
#endif
}

static mpf_obj_t range_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_new(MPF_QSTR_range, n_args, n_kw, 1, 3, false);
#if CONFIG_RANGE_BIG
    mpf_obj_t p[3] = {ZERO, ZERO, ONE};
    for (size_t i = 0; i < n_args; i++) {
        mpf_obj_t a = args[i];
        p[i + (n_args == 1)] = range_int(a, false);
    }
    if (!mpf_obj_is_true(p[2])) {
        mpf_raise_msg(&mpf_type_ValueError, "range() arg 3 must not be zero");
    }
    return range_from_parts(p);
#else
    mpf_int_t start = 0, stop, step = 1;
    if (n_args == 1) {
        stop = mpf_obj_get_int(args[0]);
    } else {
        start = mpf_obj_get_int(args[0]);
        stop = mpf_obj_get_int(args[1]);
        if (n_args == 3) {
            step = mpf_obj_get_int(args[2]);
            if (step == 0) {
                mpf_raise_msg(&mpf_type_ValueError, "range() arg 3 must not be zero");
            }
        }
    }
    return mpf_obj_new_range(start, stop, step);
#endif
}

// What equality and hash() look at, as a tuple: the length, the start if there are items,
// the step if there are two or more.
static mpf_obj_t range_key(mpf_obj_t self) {
    const mpf_range_t *r = mpf_obj_ptr(self);
#if CONFIG_RANGE_BIG
    mpf_obj_t p[3];
    range_parts(r, p);
    mpf_obj_t n = parts_len(p);
    mpf_obj_t key[3] = {n, less(ZERO, n) ? p[0] : MPF_OBJ_NONE, less(ONE, n) ? p[2] : MPF_OBJ_NONE};
    return mpf_obj_new_tuple(3, key);
#else
    mpf_uint_t n = range_len(r);
    mpf_obj_t key[3] = {mpf_obj_new_int((mpf_int_t)n), n > 0 ? mpf_obj_new_int(r->start) : MPF_OBJ_NONE,
                        n > 1 ? mpf_obj_new_int(r->step) : MPF_OBJ_NONE};
    return mpf_obj_new_tuple(3, key);
#endif
}

static mpf_obj_t range_unary_op(int op, mpf_obj_t self) {
    const mpf_range_t *r = mpf_obj_ptr(self);
    switch (op) {
        case MPF_UNARY_OP_BOOL:
#if CONFIG_RANGE_BIG
            if (RANGE_IS_BIG(r)) {
                mpf_obj_t p[3];
                range_parts(r, p);
                return mpf_obj_bool(mpf_obj_is_true(parts_len(p)));
            }
#endif
            return mpf_obj_bool(range_len(r) > 0);
        case MPF_UNARY_OP_HASH:
            return mpf_obj_new_small_int(mpf_obj_hash(range_key(self)));
        case MPF_UNARY_OP_LEN:
            if (RANGE_IS_BIG(r) || range_len(r) > (mpf_uint_t)INTPTR_MAX) {
#if CONFIG_RANGE_BIG
                mpf_obj_t p[3];
                range_parts(r, p);
                mpf_int_t n;
                if (mpf_obj_get_int_maybe(parts_len(p), &n)) {
                    return mpf_obj_new_int(n);
                }
#endif
                mpf_raise_msg(&mpf_type_OverflowError, "Python int too large to convert to C ssize_t");
            }
            return mpf_obj_new_int((mpf_int_t)range_len(r));
        default:
            return MPF_OBJ_NULL;
    }
}

static mpf_obj_t range_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    const mpf_range_t *r = mpf_obj_ptr(lhs);
    if (op == MPF_BINARY_OP_IN) {
        if (!mpf_obj_is_int(rhs)) {
            return MPF_OBJ_NULL;  // compared item by item, as CPython does for other types
        }
        return mpf_obj_bool(range_index(r, rhs) != MPF_OBJ_NULL);
    }
    if ((op == MPF_BINARY_OP_EQUAL || op == MPF_BINARY_OP_NOT_EQUAL) && mpf_obj_is_type(rhs, &mpf_type_range)) {
        return mpf_binary_op(op, range_key(lhs), range_key(rhs));
    }
    return MPF_OBJ_NULL;
}

static mpf_obj_t range_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    if (value != MPF_OBJ_SENTINEL) {
        return MPF_OBJ_NULL;
    }
    const mpf_range_t *r = mpf_obj_ptr(self);
#if CONFIG_RANGE_BIG
    if (mpf_obj_is_type(index, &mpf_type_slice)) {
        return range_slice(r, mpf_obj_ptr(index));
    }
    if (RANGE_IS_BIG(r) || range_len(r) > (mpf_uint_t)INTPTR_MAX) {
        mpf_obj_t p[3];
        range_parts(r, p);
        mpf_obj_t n = parts_len(p), i = index;
        if (!mpf_obj_is_int(i) && mpf_type_lookup(mpf_obj_type(i), MPF_QSTR___index__) == MPF_OBJ_NULL) {
            size_t z = 0;
            mpf_get_index(&mpf_type_range, &z, i, MPF_INDEX_LOAD);  // (raises its TypeError)
        }
        i = range_int(i, false);
        if (less(i, ZERO)) {
            i = op(MPF_BINARY_OP_ADD, i, n);
        }
        if (less(i, ZERO) || !less(i, n)) {
            mpf_raise_msg(&mpf_type_IndexError, "range object index out of range");
        }
        return parts_item(p, i);
    }
#endif
    mpf_uint_t len = range_len(r);
    if (!CONFIG_RANGE_BIG && mpf_obj_is_type(index, &mpf_type_slice)) {
        mpf_int_t start, stop, step;
        size_t n = (size_t)len;
        mpf_slice_indices(index, &n, &start, &stop, &step);
        return mpf_obj_new_range(range_item(r->start, (mpf_uint_t)start, r->step), range_item(r->start, (mpf_uint_t)stop, r->step), r->step * step);
    }
    size_t n = (size_t)len;
    size_t i = mpf_get_index(&mpf_type_range, &n, index, MPF_INDEX_LOAD);
    return mpf_obj_new_int(range_item(r->start, i, r->step));
}

typedef struct range_iter {
    mpf_obj_base_t base;
    mpf_int_t cur, step;
    mpf_uint_t left;  // items still to come: no step is taken past the last one
} range_iter_t;

static mpf_obj_t range_iter_next(mpf_obj_t self) {
    range_iter_t *it = mpf_obj_ptr(self);
    if (it->left == 0) {
        return MPF_OBJ_STOP;
    }
    mpf_int_t v = it->cur;
    if (--it->left > 0) {
        it->cur += it->step;
    }
    return mpf_obj_new_int(v);
}

static const mpf_type_t range_iter_type = MPF_TYPE(MPF_QSTR_range_iterator, 0,
    (getiter, mpf_iter_self),
    (iternext, range_iter_next));

static mpf_obj_t range_getiter(mpf_obj_t self) {
    const mpf_range_t *r = mpf_obj_ptr(self);
#if CONFIG_RANGE_BIG
    if (RANGE_IS_BIG(r)) {
        mpf_obj_t p[3];
        range_parts(r, p);
        range_big_iter_t *it = mpf_new(range_big_iter_t);
        it->base.type = &range_big_iter_type;
        it->cur = p[0];
        it->stop = p[1];
        it->step = p[2];
        return mpf_obj_from_ptr(it);
    }
#endif
    range_iter_t *it = mpf_new(range_iter_t);
    it->base.type = &range_iter_type;
    it->cur = r->start;
    it->step = r->step;
    it->left = range_len(r);
    return mpf_obj_from_ptr(it);
}

static void range_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    const mpf_range_t *r = mpf_obj_ptr(self);
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
#if CONFIG_RANGE_BIG
    unsigned k = attr == MPF_QSTR_start ? 0 : attr == MPF_QSTR_stop ? 1 : attr == MPF_QSTR_step ? 2 : 3;
    if (k < 3) {
        mpf_obj_t p[3];
        range_parts(r, p);
        dest[0] = p[k];
    }
    return;
#endif
    if (attr == MPF_QSTR_start) {
        dest[0] = mpf_obj_new_int(r->start);
    } else if (attr == MPF_QSTR_stop) {
        dest[0] = mpf_obj_new_int(r->stop);
    } else if (attr == MPF_QSTR_step) {
        dest[0] = mpf_obj_new_int(r->step);
    }
}

// count(x) (mode 0) and index(x) (mode 1).
static mpf_obj_t range_find_m(size_t n_args, const mpf_obj_t *args, unsigned index) {
    (void)n_args;
    mpf_obj_t at = mpf_obj_is_int(args[1]) ? range_index(mpf_obj_ptr(args[0]), args[1]) : MPF_OBJ_NULL;
    if (!index) {
        return mpf_obj_new_small_int(at != MPF_OBJ_NULL);
    }
    if (at != MPF_OBJ_NULL) {
        return at;
    }
    mpf_raise_fmt(&mpf_type_ValueError, "%R is not in range", args[1]);
}

static const mpf_rom_map_elem_t range_locals_table[] = {
    MPF_ROM_FUN_MODE(MPF_QSTR_count, 2, 2, range_find_m, 0),
    MPF_ROM_FUN_MODE(MPF_QSTR_index, 2, 2, range_find_m, 1),
};
MPF_ROM_MAP(range_locals, range_locals_table);

const mpf_type_t mpf_type_range = MPF_TYPE(MPF_QSTR_range, 0,
    (print, range_print),
    (make_new, range_make_new),
    (unary_op, range_unary_op),
    (binary_op, range_binary_op),
    (subscr, range_subscr),
    (getiter, range_getiter),
    (attr, range_attr),
    (locals, &range_locals));
