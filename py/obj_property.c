// obj_property.c -- property objects (getter/setter/deleter decorators).
#include "mpf.h"

static mpf_obj_t property_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_property_t *p = mpf_new(mpf_property_t);
    p->base.type = &mpf_type_property;
    static const mpf_qstr_t kws[] = {MPF_QSTR_fget, MPF_QSTR_fset, MPF_QSTR_fdel, MPF_QSTR_doc};
    mpf_obj_t a[4];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_property, 0), 4, 4, kws, a);
    p->fget = a[0];
    p->fset = a[1];
    p->fdel = a[2];
    return mpf_obj_from_ptr(p);
}

static mpf_obj_t property_copy(mpf_obj_t self, int which, mpf_obj_t f) {
    const mpf_property_t *o = mpf_obj_ptr(self);
    mpf_property_t *p = mpf_new(mpf_property_t);
    *p = *o;
    if (which == 0) {
        p->fget = f;
    } else if (which == 1) {
        p->fset = f;
    } else {
        p->fdel = f;
    }
    return mpf_obj_from_ptr(p);
}

static mpf_obj_t property_getter(mpf_obj_t self, mpf_obj_t f) {
    return property_copy(self, 0, f);
}
static mpf_obj_t property_setter(mpf_obj_t self, mpf_obj_t f) {
    return property_copy(self, 1, f);
}
static mpf_obj_t property_deleter(mpf_obj_t self, mpf_obj_t f) {
    return property_copy(self, 2, f);
}

static const mpf_rom_map_elem_t property_locals_table[] = {
    MPF_ROM_FUN_2(MPF_QSTR_getter, property_getter),
    MPF_ROM_FUN_2(MPF_QSTR_setter, property_setter),
    MPF_ROM_FUN_2(MPF_QSTR_deleter, property_deleter),
};
MPF_ROM_MAP(property_locals, property_locals_table);

static void property_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    const mpf_property_t *p = mpf_obj_ptr(self);
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    if (attr == MPF_QSTR_fget) {
        dest[0] = p->fget ? p->fget : MPF_OBJ_NONE;
    } else if (attr == MPF_QSTR_fset) {
        dest[0] = p->fset ? p->fset : MPF_OBJ_NONE;
    } else if (attr == MPF_QSTR_fdel) {
        dest[0] = p->fdel ? p->fdel : MPF_OBJ_NONE;
    }
}

const mpf_type_t mpf_type_property = MPF_TYPE(MPF_QSTR_property, 0,
    (make_new, property_make_new),
    (attr, property_attr),
    (locals, &property_locals));
