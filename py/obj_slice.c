// obj_slice.c -- slice objects.
#include "mpf.h"

mpf_obj_t mpf_obj_new_slice(mpf_obj_t start, mpf_obj_t stop, mpf_obj_t step) {
    mpf_slice_t *s = mpf_new(mpf_slice_t);
    s->base.type = &mpf_type_slice;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return mpf_obj_from_ptr(s);
}

static void slice_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const mpf_slice_t *s = mpf_obj_ptr(self);
    mpf_printf(p, "slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static mpf_obj_t slice_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_new(MPF_QSTR_slice, n_args, n_kw, 1, 3, false);
    if (n_args == 1) {
        return mpf_obj_new_slice(MPF_OBJ_NONE, args[0], MPF_OBJ_NONE);
    }
    return mpf_obj_new_slice(args[0], args[1], n_args == 3 ? args[2] : MPF_OBJ_NONE);
}

static void slice_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    const mpf_slice_t *s = mpf_obj_ptr(self);
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    if (attr == MPF_QSTR_start) {
        dest[0] = s->start;
    } else if (attr == MPF_QSTR_stop) {
        dest[0] = s->stop;
    } else if (attr == MPF_QSTR_step) {
        dest[0] = s->step;
    }
}

#if CONFIG_BUILTIN_EXTRAS
static mpf_obj_t slice_indices(mpf_obj_t self, mpf_obj_t len) {
    mpf_int_t start, stop, step;
    size_t n = (size_t)mpf_obj_get_int(len);
    mpf_slice_indices(self, &n, &start, &stop, &step);
    mpf_obj_t t[3] = {mpf_obj_new_int(start), mpf_obj_new_int(stop), mpf_obj_new_int(step)};
    return mpf_obj_new_tuple(3, t);
}

static const mpf_rom_map_elem_t slice_locals_table[] = {
    MPF_ROM_FUN_2(MPF_QSTR_indices, slice_indices),
};
MPF_ROM_MAP(slice_locals, slice_locals_table);
#endif

static mpf_obj_t slice_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op == MPF_BINARY_OP_EQUAL && mpf_obj_is_type(rhs, &mpf_type_slice)) {
        const mpf_slice_t *a = mpf_obj_ptr(lhs), *b = mpf_obj_ptr(rhs);
        return mpf_obj_bool(mpf_obj_equal(a->start, b->start) && mpf_obj_equal(a->stop, b->stop) && mpf_obj_equal(a->step, b->step));
    }
    return MPF_OBJ_NULL;
}

#if CONFIG_BUILTIN_EXTRAS
#define SLICE_LOCALS , (locals, &slice_locals)
#else
#define SLICE_LOCALS
#endif
const mpf_type_t mpf_type_slice = MPF_TYPE(MPF_QSTR_slice, MPF_TYPE_FLAG_UNHASHABLE,
    (print, slice_print),
    (make_new, slice_make_new),
    (binary_op, slice_binary_op),
    (attr, slice_attr) SLICE_LOCALS);
