// seq.c -- what tuple, list and the other sequences share: printing (with the guard
// against self-reference), comparison, `in`, + and *, slicing, the item iterator,
// count() and index(). Prefix mpf_seq_.
#include "mpf_int.h"

size_t mpf_seq_clamp_index(mpf_int_t i, size_t len) {
    if (i < 0) {
        i += (mpf_int_t)len;
        if (i < 0) {
            i = 0;
        }
    }
    return (size_t)i > len ? len : (size_t)i;
}

size_t mpf_seq_slice_count(mpf_int_t start, mpf_int_t stop, mpf_int_t step) {
    if (step > 0 ? start >= stop : start <= stop) {
        return 0;
    }
    mpf_int_t span = step > 0 ? stop - start : start - stop;
    mpf_int_t astep = step > 0 ? step : -step;
    return (size_t)((span + astep - 1) / astep);
}

// Containers being printed right now, to print a self-reference as [...] / {...}.
#define REPR_DEPTH 32
static const void *repr_active[REPR_DEPTH];
static size_t repr_depth;

static bool repr_enter(const void *o) {
    for (size_t i = 0; i < repr_depth && i < REPR_DEPTH; i++) {
        if (repr_active[i] == o) {
            return false;
        }
    }
    if (repr_depth < REPR_DEPTH) {
        repr_active[repr_depth] = o;
    }
    repr_depth++;
    return true;
}

// The items of [c] (see mpf_seq_print), read afresh for each one: an item's repr may
// change the container (and move its items).
static void print_items(const mpf_print_t *p, const void *c, mpf_seq_print_t kind) {
    const char *sep = "";
    size_t i = 0;
    for (;; i++) {
        mpf_obj_t o;
        if (kind == MPF_SEQ_PRINT_DICT) {
            const mpf_map_t *m = c;
            if (i >= m->used) {
                break;
            }
            const mpf_map_elem_t *e = &m->elems[i];
            if (e->key == MPF_OBJ_NULL) {
                continue;  // a deleted entry
            }
            mpf_print_str(p, sep);
            mpf_obj_print(p, e->key, MPF_PRINT_REPR);
            mpf_print_str(p, ": ");
            o = e->value;
        } else {
            const mpf_list_t *l = c;
            const mpf_tuple_t *t = c;
            if (i >= (kind == MPF_SEQ_PRINT_LIST ? l->len : t->len)) {
                break;
            }
            mpf_print_str(p, sep);
            o = kind == MPF_SEQ_PRINT_LIST ? l->items[i] : t->items[i];
        }
        mpf_obj_print(p, o, MPF_PRINT_REPR);
        sep = ", ";
    }
    if (i == 1 && kind == MPF_SEQ_PRINT_TUPLE) {
        mpf_print_str(p, ",");  // (x,)
    }
}

void mpf_seq_print(const mpf_print_t *p, const void *c, mpf_seq_print_t kind) {
    static const char brackets[][3] = {"()", "[]", "{}"};
    mpf_print_strn(p, &brackets[kind][0], 1);
    if (!repr_enter(c)) {
        mpf_print_str(p, "...");
    } else {
        mpf_nlr_t nlr;
        mpf_nlr_push(&nlr);
        if (setjmp(nlr.jb) != 0) {
            repr_depth--;
            mpf_nlr_raise(nlr.exc);
        }
        print_items(p, c, kind);
        mpf_nlr_pop(&nlr);
        repr_depth--;
    }
    mpf_print_strn(p, &brackets[kind][1], 1);
}

// Where list or tuple [o] keeps its length and its items. A comparison may run Python code
// (__eq__, __lt__...) that grows or shrinks a list, which moves its items to a new block and
// frees the old one: the loops below read both afresh at each step through this.
typedef struct {
    const size_t *len;
    mpf_obj_t *const *items;
    mpf_obj_t *fixed;  // a tuple's (they never move)
} seq_ref_t;

static void seq_ref(mpf_obj_t o, seq_ref_t *r) {
    if (mpf_obj_is_type(o, &mpf_type_list)) {
        mpf_list_t *l = mpf_obj_ptr(o);
        r->len = &l->len;
        r->items = &l->items;
    } else {
        mpf_tuple_t *t = mpf_obj_ptr(o);  // a tuple, or a native subtype laid out as one
        r->len = &t->len;
        r->fixed = t->items;
        r->items = &r->fixed;
    }
}

mpf_obj_t mpf_seq_contains(mpf_obj_t seq, mpf_obj_t value) {
    seq_ref_t r;
    seq_ref(seq, &r);
    for (size_t i = 0; i < *r.len; i++) {
        if (mpf_obj_equal((*r.items)[i], value)) {
            return MPF_OBJ_TRUE;
        }
    }
    return MPF_OBJ_FALSE;
}

// Compare lists or tuples [a] and [b] lexicographically with [op] (a comparison operator).
// The first pair of items that differ decides (== and != need no order: sequences of other
// lengths differ without comparing items, as CPython); else the lengths do.
mpf_obj_t mpf_seq_compare(int op, mpf_obj_t a, mpf_obj_t b) {
    seq_ref_t ra, rb;
    seq_ref(a, &ra);
    seq_ref(b, &rb);
    bool eq_op = op == MPF_BINARY_OP_EQUAL || op == MPF_BINARY_OP_NOT_EQUAL;
    if (eq_op && *ra.len != *rb.len) {
        return mpf_obj_compare_result(op, 1);
    }
    for (size_t i = 0; i < *ra.len && i < *rb.len; i++) {
        mpf_obj_t x = (*ra.items)[i], y = (*rb.items)[i];
        if (!mpf_obj_equal(x, y)) {
            return eq_op ? mpf_obj_compare_result(op, 1) : mpf_binary_op(op, x, y);
        }
    }
    return mpf_obj_compare_result(op, *ra.len < *rb.len ? -1 : *ra.len > *rb.len);
}

mpf_obj_t mpf_seq_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs, const mpf_type_t *type,
    mpf_obj_t (*make)(size_t, const mpf_obj_t *)) {
    if (op == MPF_BINARY_OP_IN) {
        return mpf_seq_contains(lhs, rhs);
    }
    size_t an, bn, total;
    mpf_obj_t *a, *b;
    if (op == MPF_BINARY_OP_MULTIPLY || op == MPF_BINARY_OP_INPLACE_MULTIPLY || op == MPF_BINARY_OP_REVERSE_MULTIPLY) {
        mpf_int_t n;
        if (!mpf_obj_get_index_maybe(rhs, &n)) {
            return MPF_OBJ_NULL;
        }
        mpf_obj_get_array(lhs, &an, &a);  // (after __index__, which may have changed a list)
        if (__builtin_mul_overflow(an, (size_t)(n < 0 ? 0 : n), &total)) {
            mpf_raise_memory_error();
        }
        b = a;
        bn = an;
    } else {
        // + and the comparisons: with the same type only
        if (!mpf_obj_is_type(rhs, type)) {
            return MPF_OBJ_NULL;
        }
        if (op <= MPF_BINARY_OP_NOT_EQUAL) {  // (LESS .. NOT_EQUAL come first)
            mpf_stack_check();  // items may be sequences again: C recursion
            return mpf_seq_compare(op, lhs, rhs);
        }
        if (op != MPF_BINARY_OP_ADD && op != MPF_BINARY_OP_INPLACE_ADD) {
            return MPF_OBJ_NULL;
        }
        mpf_obj_get_array(lhs, &an, &a);
        mpf_obj_get_array(rhs, &bn, &b);
        total = an + bn;
    }
    // a's items, then b's until the result is full (b is a again for *)
    mpf_obj_t r = make(total, NULL);  // the allocator checks total * item size
    size_t rn;
    mpf_obj_t *out;
    mpf_obj_get_array(r, &rn, &out);
    if (total != 0) {
        memcpy(out, a, an * sizeof(mpf_obj_t));
        for (size_t k = an; k < total; k += bn) {
            memcpy(out + k, b, bn * sizeof(mpf_obj_t));
        }
    }
    return r;
}

// tuple() and list(): [from_iter] of the one optional argument, of () without it.
mpf_obj_t mpf_seq_make_new(size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_obj_t (*from_iter)(mpf_obj_t)) {
    mpf_arg_check_num(n_args, n_kw, 0, 1, false);
    return from_iter(n_args ? args[0] : mpf_obj_from_ptr(&mpf_tuple_empty));
}

mpf_obj_t mpf_seq_unary_op(int op, size_t len) {
#if CONFIG_VM_FAST_PATHS
    if (op == MPF_UNARY_OP_BOOL) {
        return mpf_obj_bool(len != 0);  // a call less for `if items:`
    }
#endif
    return op == MPF_UNARY_OP_LEN ? mpf_obj_new_small_int((mpf_int_t)len) : MPF_OBJ_NULL;
}

// Items [start:stop:step] of list or tuple [seq] (the native object) as a new array object
// made by [make]. The items are read after the slice's bounds, whose __index__ may have
// changed the list.
mpf_obj_t mpf_seq_slice(mpf_obj_t seq, mpf_obj_t slice, mpf_obj_t (*make)(size_t, const mpf_obj_t *)) {
    mpf_int_t start, stop, step;
    const mpf_obj_t *items;
    if (mpf_obj_is_type(seq, &mpf_type_list)) {
        const mpf_list_t *l = mpf_obj_ptr(seq);
        mpf_slice_indices(slice, &l->len, &start, &stop, &step);
        items = l->items;
    } else {
        const mpf_tuple_t *t = mpf_obj_ptr(seq);
        mpf_slice_indices(slice, &t->len, &start, &stop, &step);
        items = t->items;
    }
    if (step == 1) {
        return make(stop > start ? (size_t)(stop - start) : 0, items + start);
    }
    mpf_obj_t r = make(mpf_seq_slice_count(start, stop, step), NULL);
    mpf_obj_t *out;
    size_t olen;
    mpf_obj_get_array(r, &olen, &out);
    size_t k = 0;
    for (mpf_int_t i = start; step > 0 ? i < stop : i > stop; i += step) {
        out[k++] = items[i];
    }
    return r;
}

// Iterator over an array held by a tuple or list (re-reads the length each step).
typedef struct array_iter {
    mpf_obj_base_t base;
    mpf_obj_t seq;
    size_t i;
} array_iter_t;

static mpf_obj_t array_iter_next(mpf_obj_t self) {
    array_iter_t *it = mpf_obj_ptr(self);
    size_t len;
    mpf_obj_t *items;
    mpf_obj_get_array(it->seq, &len, &items);
    if (it->i >= len) {
        return MPF_OBJ_STOP;
    }
    return items[it->i++];
}

#if CONFIG_ITER_TYPE_NAMES
#define ARRAY_ITER_NAME MPF_QSTR_list_iterator
#else
#define ARRAY_ITER_NAME MPF_QSTR_iterator
#endif
static const mpf_type_t array_iter_type = MPF_TYPE(ARRAY_ITER_NAME, 0,
    (getiter, mpf_iter_self),
    (iternext, array_iter_next));
#if CONFIG_ITER_TYPE_NAMES
static const mpf_type_t tuple_iter_type = MPF_TYPE(MPF_QSTR_tuple_iterator, 0,
    (getiter, mpf_iter_self),
    (iternext, array_iter_next));
#endif

static inline mpf_obj_t seq_iter_new(mpf_obj_t self, const mpf_type_t *type) {
    array_iter_t *it = mpf_new(array_iter_t);
    it->base.type = type;
    it->seq = self;
    it->i = 0;
    return mpf_obj_from_ptr(it);
}

mpf_obj_t mpf_seq_getiter(mpf_obj_t self) {
    return seq_iter_new(self, &array_iter_type);
}

#if CONFIG_ITER_TYPE_NAMES
mpf_obj_t mpf_seq_tuple_getiter(mpf_obj_t self) {
    return seq_iter_new(self, &tuple_iter_type);
}
#endif

// count(x) (mode 0) and index(x[, start[, stop]]) (mode 1) of a tuple or list. The items
// are read afresh at each step: an item's __eq__ may change the list.
static mpf_obj_t seq_find_m(size_t n_args, const mpf_obj_t *args, unsigned index) {
    size_t len, i = 0, stop = SIZE_MAX;
    mpf_obj_t *items;
    mpf_obj_get_array(args[0], &len, &items);
    if (n_args > 2) {
        i = mpf_seq_clamp_index(mpf_obj_get_slice_index(args[2]), len);
    }
    if (n_args > 3) {
        stop = mpf_seq_clamp_index(mpf_obj_get_slice_index(args[3]), len);
    }
    mpf_int_t n = 0;
    for (;; i++) {
        mpf_obj_get_array(args[0], &len, &items);
        if (i >= len || i >= stop) {
            break;
        }
        if (mpf_obj_equal(items[i], args[1])) {
            if (index) {
                return mpf_obj_new_small_int((mpf_int_t)i);
            }
            n++;
        }
    }
    if (!index) {
        return mpf_obj_new_small_int(n);
    }
    if (mpf_obj_is_type(args[0], &mpf_type_tuple)) {
        mpf_raise_msg(&mpf_type_ValueError, "tuple.index(x): x not in tuple");
    }
    mpf_raise_fmt(&mpf_type_ValueError, "%R is not in list", args[1]);
}
const mpf_fun_builtin_t mpf_seq_count_obj = MPF_FUN_INIT_MODE(MPF_QSTR_count, 2, 2, seq_find_m, 0);
const mpf_fun_builtin_t mpf_seq_index_obj = MPF_FUN_INIT_MODE(MPF_QSTR_index, 2, 4, seq_find_m, 1);
