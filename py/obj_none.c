// obj_none.c -- the singletons None, Ellipsis, NotImplemented and the VM's sentinels.
#include "mpf.h"

static void none_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)self;
    (void)kind;
    mpf_print_str(p, "None");
}

// hash(None): the generic one, from its (const) address
const mpf_type_t mpf_type_none = MPF_TYPE(MPF_QSTR_NoneType, 0,
    (print, none_print));

static void ellipsis_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    // (their builtin names: the strings are in the pool already)
    mpf_printf(p, "%q", self == MPF_OBJ_ELLIPSIS ? MPF_QSTR_Ellipsis : MPF_QSTR_NotImplemented);
}

const mpf_type_t mpf_type_ellipsis = MPF_TYPE(MPF_QSTR_ellipsis, 0,
    (print, ellipsis_print));

const mpf_type_t mpf_type_not_implemented = MPF_TYPE(MPF_QSTR_NotImplementedType, 0,
    (print, ellipsis_print));

const mpf_type_t mpf_type_sentinel = MPF_TYPE(MPF_QSTR_sentinel, 0);

const mpf_obj_singleton_t mpf_const_none_obj = {{&mpf_type_none}};
const mpf_obj_singleton_t mpf_const_ellipsis_obj = {{&mpf_type_ellipsis}};
const mpf_obj_singleton_t mpf_const_notimpl_obj = {{&mpf_type_not_implemented}};
const mpf_obj_singleton_t mpf_const_stop_obj = {{&mpf_type_sentinel}};
const mpf_obj_singleton_t mpf_const_sentinel_obj = {{&mpf_type_sentinel}};
