// obj_iter.c -- lazy iterator types made by builtins: enumerate, zip, map, filter, reversed.
#include "mpf.h"
#include "typetest.h"

// Classes may derive from the iterator builtins (map, zip...) with the less common
// builtins (CONFIG_BUILTIN_HELPERS); obj_type.c then forwards next() to the native part.
#if CONFIG_BUILTIN_HELPERS
#define ITER_SUBCLASSABLE MPF_TYPE_FLAG_SUBCLASSABLE
#else
#define ITER_SUBCLASSABLE 0
#endif

// ---------------------------------------------------------------- enumerate
typedef struct enumerate_obj {
    mpf_obj_base_t base;
    mpf_obj_t it;
    mpf_obj_t count;
} enumerate_obj_t;

static mpf_obj_t enumerate_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    static const mpf_qstr_t kws[] = {MPF_QSTR_iterable, MPF_QSTR_start};
    mpf_obj_t a[2];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_enumerate, 0), 2, 2, kws, a);
    mpf_obj_t iterable = a[0], start = a[1];
    if (iterable == MPF_OBJ_NULL) {
        mpf_raise_msg(&mpf_type_TypeError, "enumerate() missing required argument 'iterable'");
    }
    enumerate_obj_t *e = mpf_new(enumerate_obj_t);
    e->base.type = &mpf_type_enumerate;
    e->it = mpf_getiter(iterable);
    e->count = start ? start : mpf_obj_new_small_int(0);
    return mpf_obj_from_ptr(e);
}

static mpf_obj_t enumerate_next(mpf_obj_t self) {
    enumerate_obj_t *e = mpf_obj_ptr(self);
    mpf_obj_t v = mpf_iternext(e->it);
    if (v == MPF_OBJ_STOP) {
        return v;
    }
    mpf_obj_t t[2] = {e->count, v};
    e->count = mpf_binary_op(MPF_BINARY_OP_ADD, e->count, mpf_obj_new_small_int(1));
    return mpf_obj_new_tuple(2, t);
}

const mpf_type_t mpf_type_enumerate = MPF_TYPE(MPF_QSTR_enumerate, ITER_SUBCLASSABLE,
    (make_new, enumerate_make_new),
    (getiter, mpf_iter_self),
    (iternext, enumerate_next));

// ---------------------------------------------------------------- zip and map
// One iterator over [n] iterables at once: zip makes a tuple of their items, map calls
// [fun] with them (filter below, over one, tests them).
typedef struct zip_obj {
    mpf_obj_base_t base;
    mpf_obj_t fun;  // NULL for zip
    size_t n;
    mpf_obj_t its[];
} zip_obj_t;

static mpf_obj_t zip_new(const mpf_type_t *type, mpf_obj_t fun, size_t n, const mpf_obj_t *iterables) {
    zip_obj_t *z = mpf_new_var(zip_obj_t, mpf_obj_t, n);
    z->base.type = type;
    z->fun = fun;
    z->n = n;
    for (size_t i = 0; i < n; i++) {
        z->its[i] = mpf_getiter(iterables[i]);
    }
    return mpf_obj_from_ptr(z);
}

// zip(*iterables), map(fun, *iterables) and filter(fun, iterable) ([type] is the one called)
static mpf_obj_t zip_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (type == &mpf_type_zip) {
        (void)n_kw;
        return zip_new(type, MPF_OBJ_NULL, n_args, args);
    }
    mpf_arg_check_num(n_args, n_kw, 2, type == &mpf_type_filter ? 2 : 255, false);
    return zip_new(type, args[0], n_args - 1, args + 1);
}

static mpf_obj_t zip_next(mpf_obj_t self) {
    zip_obj_t *z = mpf_obj_ptr(self);
    mpf_obj_t stack_items[4];
    mpf_obj_t *a = z->n <= 4 ? stack_items : mpf_gc_alloc(z->n * sizeof(mpf_obj_t), false);
    for (size_t i = 0; i < z->n; i++) {
        a[i] = mpf_iternext(z->its[i]);
        if (a[i] == MPF_OBJ_STOP) {
            return MPF_OBJ_STOP;
        }
    }
    if (z->fun == MPF_OBJ_NULL) {
        return z->n == 0 ? MPF_OBJ_STOP : mpf_obj_new_tuple(z->n, a);
    }
    return mpf_call(z->fun, z->n, 0, a);
}

const mpf_type_t mpf_type_zip = MPF_TYPE(MPF_QSTR_zip, ITER_SUBCLASSABLE,
    (make_new, zip_make_new),
    (getiter, mpf_iter_self),
    (iternext, zip_next));

const mpf_type_t mpf_type_map = MPF_TYPE(MPF_QSTR_map, ITER_SUBCLASSABLE,
    (make_new, zip_make_new),
    (getiter, mpf_iter_self),
    (iternext, zip_next));

// ---------------------------------------------------------------- filter
// A zip object too (zip_make_new): [fun] (None: the item's truth) over one iterable.
static mpf_obj_t filter_next(mpf_obj_t self) {
    const zip_obj_t *f = mpf_obj_ptr(self);
    mpf_obj_t v;
    while ((v = mpf_iternext(f->its[0])) != MPF_OBJ_STOP) {
        mpf_obj_t keep = f->fun == MPF_OBJ_NONE ? v : mpf_call1(f->fun, v);
        if (mpf_obj_is_true(keep)) {
            return v;
        }
    }
    return MPF_OBJ_STOP;
}

const mpf_type_t mpf_type_filter = MPF_TYPE(MPF_QSTR_filter, ITER_SUBCLASSABLE,
    (make_new, zip_make_new),
    (getiter, mpf_iter_self),
    (iternext, filter_next));

// ---------------------------------------------------------------- reversed
typedef struct reversed_obj {
    mpf_obj_base_t base;
    mpf_obj_t seq;
    size_t i;  // items left
} reversed_obj_t;

static mpf_obj_t reversed_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_new(MPF_QSTR_reversed, n_args, n_kw, 1, 1, false);
    mpf_obj_t seq = args[0];
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(seq));
    if (t->flags & MPF_TYPE_FLAG_HEAP) {
        mpf_obj_t m = mpf_type_lookup(t, MPF_QSTR___reversed__);
        if (m != MPF_OBJ_NULL) {
            return mpf_call1(m, seq);
        }
    }
#if CONFIG_RANGE_BIG
    if (mpf_obj_is_type(seq, &mpf_type_range)) {
        return mpf_range_reversed(seq);  // (its length and items may not fit a word)
    }
#endif
    if (mpf_obj_is_type(seq, &mpf_type_dict) || mpf_obj_is_type(seq, &mpf_type_dict_view)) {
        seq = mpf_list_from_iter(seq);
        t = &mpf_type_list;
    }
    if (mpf_type_get_subscr(t) == NULL || MPF_IS_SET(seq)) {
        mpf_raise_fmt(&mpf_type_TypeError, "'%T' object is not reversible", seq);
    }
    reversed_obj_t *r = mpf_new(reversed_obj_t);
    r->base.type = &mpf_type_reversed;
    r->seq = seq;
    r->i = mpf_obj_len(seq);
    return mpf_obj_from_ptr(r);
}

static mpf_obj_t reversed_next(mpf_obj_t self) {
    reversed_obj_t *r = mpf_obj_ptr(self);
    if (r->i == 0) {
        return MPF_OBJ_STOP;
    }
    r->i--;
    return mpf_subscr(r->seq, mpf_obj_new_small_int((mpf_int_t)r->i), MPF_OBJ_SENTINEL);
}

const mpf_type_t mpf_type_reversed = MPF_TYPE(MPF_QSTR_reversed, ITER_SUBCLASSABLE,
    (make_new, reversed_make_new),
    (getiter, mpf_iter_self),
    (iternext, reversed_next));
