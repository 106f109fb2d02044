// obj_tuple.c -- the immutable tuple, items stored inline after the header.
#include "mpf_int.h"

const mpf_tuple_t mpf_tuple_empty = {{&mpf_type_tuple}, 0};

mpf_obj_t mpf_obj_new_tuple(size_t n, const mpf_obj_t *items) {
    if (n == 0 && items != NULL) {
        return mpf_obj_from_ptr(&mpf_tuple_empty);
    }
    mpf_tuple_t *t = mpf_new_var(mpf_tuple_t, mpf_obj_t, n);
    t->base.type = &mpf_type_tuple;
    t->len = n;
    if (items != NULL && n > 0) {
        memcpy(t->items, items, n * sizeof(mpf_obj_t));
    }
    return mpf_obj_from_ptr(t);
}

static void tuple_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    mpf_seq_print(p, mpf_obj_ptr(self), MPF_SEQ_PRINT_TUPLE);
}

mpf_obj_t mpf_tuple_from_iter(mpf_obj_t iterable) {
    if (mpf_obj_is_type(iterable, &mpf_type_tuple)) {
        return iterable;
    }
    mpf_obj_t l = mpf_list_from_iter(iterable);
    const mpf_list_t *lp = mpf_obj_ptr(l);
    return mpf_obj_new_tuple(lp->len, lp->items);
}

static mpf_obj_t tuple_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    return mpf_seq_make_new(n_args, n_kw, args, mpf_tuple_from_iter);
}

static mpf_obj_t tuple_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    return mpf_seq_binary_op(op, lhs, rhs, &mpf_type_tuple, mpf_obj_new_tuple);
}

static mpf_obj_t tuple_unary_op(int op, mpf_obj_t self) {
    const mpf_tuple_t *t = mpf_obj_ptr(self);
    if (op == MPF_UNARY_OP_HASH) {
        mpf_stack_check();  // items may be tuples again: C recursion
        mpf_uint_t h = 0x345678;
        for (size_t i = 0; i < t->len; i++) {
            h = (h ^ (mpf_uint_t)mpf_obj_hash(t->items[i])) * 1000003u;
        }
        return mpf_obj_new_small_int((mpf_int_t)(h >> 2));
    }
    return mpf_seq_unary_op(op, t->len);
}

static mpf_obj_t tuple_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    if (value != MPF_OBJ_SENTINEL) {
        return MPF_OBJ_NULL;
    }
    const mpf_tuple_t *t = mpf_obj_ptr(self);
    if (mpf_obj_is_type(index, &mpf_type_slice)) {
        return mpf_seq_slice(self, index, mpf_obj_new_tuple);
    }
    return t->items[mpf_get_index(&mpf_type_tuple, &t->len, index, MPF_INDEX_LOAD)];
}

static const mpf_rom_map_elem_t tuple_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_count), MPF_ROM_PTR(&mpf_seq_count_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_index), MPF_ROM_PTR(&mpf_seq_index_obj)},
};
MPF_ROM_MAP(tuple_locals, tuple_locals_table);

const mpf_type_t mpf_type_tuple = MPF_TYPE(MPF_QSTR_tuple, MPF_TYPE_FLAG_SUBCLASSABLE,
    (print, tuple_print),
    (make_new, tuple_make_new),
    (unary_op, tuple_unary_op),
    (binary_op, tuple_binary_op),
    (subscr, tuple_subscr),
#if CONFIG_ITER_TYPE_NAMES
    (getiter, mpf_seq_tuple_getiter),
#else
    (getiter, mpf_seq_getiter),
#endif
    (locals, &tuple_locals));
