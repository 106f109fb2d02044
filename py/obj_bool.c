// obj_bool.c -- bool: True and False, a subclass of int.
#include "mpf.h"

const mpf_obj_singleton_t mpf_const_false_obj = {{&mpf_type_bool}};
const mpf_obj_singleton_t mpf_const_true_obj = {{&mpf_type_bool}};

static void bool_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    mpf_print_str(p, self == MPF_OBJ_TRUE ? "True" : "False");
}

static mpf_obj_t bool_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_new(MPF_QSTR_bool, n_args, n_kw, 0, 1, false);
    return n_args == 0 ? MPF_OBJ_FALSE : mpf_obj_bool(mpf_obj_is_true(args[0]));
}

static inline mpf_obj_t as_int(mpf_obj_t b) {
    return mpf_obj_new_small_int(b == MPF_OBJ_TRUE);
}

static mpf_obj_t bool_unary_op(int op, mpf_obj_t self) {
    if (op == MPF_UNARY_OP_BOOL) {
        return self;
    }
    return mpf_unary_op(op, as_int(self));
}

static mpf_obj_t bool_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op >= MPF_BINARY_OP_REVERSE_OR) {
        return mpf_binary_op(op - MPF_BINARY_OP_NORMAL_TO_REVERSE, rhs, as_int(lhs));
    }
    if (!mpf_obj_is_int(rhs)
#if CONFIG_FLOAT
        && !mpf_obj_is_type(rhs, &mpf_type_float)
#endif
    ) {
        return MPF_OBJ_NULL;
    }
    bool rb = rhs == MPF_OBJ_TRUE || rhs == MPF_OBJ_FALSE;
    mpf_obj_t r = mpf_binary_op(op, as_int(lhs), rb ? as_int(rhs) : rhs);
    // &, | and ^ (in place too) of two bools are a bool: the int result (0 or 1) as one
    int normal = op < MPF_BINARY_OP_OR ? op + MPF_BINARY_OP_INPLACE_TO_NORMAL : op;
    if (rb && normal >= MPF_BINARY_OP_OR && normal <= MPF_BINARY_OP_AND) {
        r = mpf_obj_bool(r != mpf_obj_new_small_int(0));
    }
    return r;
}

#if CONFIG_BUILTIN_EXTRAS && CONFIG_FLOAT
// .real, .imag, .numerator and .denominator: the int's (the methods come from int's locals;
// the numbers protocol comes with floats: not in the smallest configurations)
static void bool_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    mpf_type_get_attr(&mpf_type_int)(as_int(self), attr, dest);
}
#define BOOL_ATTR , (attr, bool_attr)
#else
#define BOOL_ATTR
#endif

const mpf_type_t mpf_type_bool = MPF_TYPE(MPF_QSTR_bool, 0, (parent, &mpf_type_int),
    (print, bool_print),
    (make_new, bool_make_new),
    (unary_op, bool_unary_op),
    (binary_op, bool_binary_op) BOOL_ATTR);
