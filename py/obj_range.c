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

// start + i * step for an index inside the range (wrap-free in unsigned arithmetic).
static mpf_int_t range_item(mpf_int_t start, mpf_uint_t i, mpf_int_t step) {
    return (mpf_int_t)((mpf_uint_t)start + i * (mpf_uint_t)step);
}

static void range_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const mpf_range_t *r = mpf_obj_ptr(self);
    // (the step, when 1, is an argument the format leaves unused)
    mpf_printf(p, r->step == 1 ? "range(%ld, %ld)" : "range(%ld, %ld, %ld)", (long)r->start, (long)r->stop, (long)r->step);
}

static mpf_obj_t range_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_num(n_args, n_kw, 1, 3, false);
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
}

// What equality and hash() look at, as a tuple: the length, the start if there are items,
// the step if there are two or more.
static mpf_obj_t range_key(mpf_obj_t self) {
    const mpf_range_t *r = mpf_obj_ptr(self);
    mpf_uint_t n = range_len(r);
    mpf_obj_t key[3] = {mpf_obj_new_int((mpf_int_t)n), n > 0 ? mpf_obj_new_int(r->start) : MPF_OBJ_NONE,
                        n > 1 ? mpf_obj_new_int(r->step) : MPF_OBJ_NONE};
    return mpf_obj_new_tuple(3, key);
}

static mpf_obj_t range_unary_op(int op, mpf_obj_t self) {
    const mpf_range_t *r = mpf_obj_ptr(self);
    switch (op) {
        case MPF_UNARY_OP_BOOL:
            return mpf_obj_bool(range_len(r) > 0);
        case MPF_UNARY_OP_HASH:
            return mpf_obj_new_small_int(mpf_obj_hash(range_key(self)));
        case MPF_UNARY_OP_LEN:
            if (range_len(r) > (mpf_uint_t)INTPTR_MAX) {
                mpf_raise_msg(&mpf_type_OverflowError, "range too large");
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
        mpf_uint_t i;
        return mpf_obj_bool(range_find(r, rhs, &i));
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
    mpf_uint_t len = range_len(r);
    if (mpf_obj_is_type(index, &mpf_type_slice)) {
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
    mpf_uint_t i;
    bool found = range_find(mpf_obj_ptr(args[0]), args[1], &i);
    if (!index) {
        return mpf_obj_new_small_int(found);
    }
    if (found) {
        return mpf_obj_new_int((mpf_int_t)i);
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
