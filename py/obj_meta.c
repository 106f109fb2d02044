// obj_meta.c -- the parts of CONFIG_CLASS_ADVANCED that name special methods no other
// part of the core uses (__prepare__, __instancecheck__, __subclasscheck__,
// __class_getitem__, __subclasses__): a file of its own, built only with that option,
// so that a build without it carries none of these names in its string pool.
#include "mpf_int.h"

mpf_obj_t mpf_meta_check(mpf_obj_t cls, bool sub, mpf_obj_t o) {
    const mpf_type_t *meta = mpf_obj_type(cls);
    if (MPF_LIKELY(meta == &mpf_type_type) || !mpf_obj_is_class(cls)) {
        return MPF_OBJ_NULL;
    }
    mpf_obj_t m = mpf_type_lookup(meta, sub ? MPF_QSTR___subclasscheck__ : MPF_QSTR___instancecheck__);
    return m == MPF_OBJ_NULL ? MPF_OBJ_NULL : mpf_obj_bool(mpf_obj_is_true(mpf_call2(m, cls, o)));
}

mpf_obj_t mpf_meta_prepare(mpf_obj_t meta, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t prep[2] = {MPF_OBJ_NULL, MPF_OBJ_NULL};
    mpf_load_method_maybe(meta, MPF_QSTR___prepare__, prep);
    if (prep[0] == MPF_OBJ_NULL) {
        return MPF_OBJ_NULL;
    }
    mpf_obj_t ns = mpf_call_var_kw(prep[0], prep[1], 2, n_kw, args, 0);
    if (!mpf_obj_is_type(ns, &mpf_type_dict)) {
        mpf_raise_fmt(&mpf_type_TypeError, "%q.__prepare__() must return a mapping, not %T",
            mpf_obj_is_class(meta) ? mpf_type_name(mpf_obj_ptr(meta)) : MPF_QSTR_type, ns);
    }
    return ns;
}

void mpf_meta_wrap_class_getitem(mpf_map_t *ns) {
    mpf_map_elem_t *e = mpf_map_lookup(ns, mpf_obj_new_qstr(MPF_QSTR___class_getitem__), MPF_MAP_LOOKUP);
    if (e != NULL && mpf_obj_is_type(e->value, &mpf_type_fun_bc)) {
        mpf_wrapper_t *w = mpf_new(mpf_wrapper_t);
        w->base.type = &mpf_type_classmethod;
        w->fun = e->value;
        e->value = mpf_obj_from_ptr(w);
    }
}

mpf_obj_t mpf_meta_class_getitem(mpf_obj_t cls, mpf_obj_t index) {
    mpf_obj_t dest[3];
    mpf_load_method_maybe(cls, MPF_QSTR___class_getitem__, dest);
    if (dest[0] != MPF_OBJ_NULL) {
        dest[2] = index;
        return mpf_call_method_n(1, 0, dest);
    }
    const mpf_type_t *t = mpf_obj_ptr(cls);
    if (!(t->flags & MPF_TYPE_FLAG_HEAP)) {
        return cls;  // list[int] and friends in annotations
    }
    mpf_raise_fmt(&mpf_type_TypeError, "type '%q' is not subscriptable", mpf_type_name(t));
}

MPF_FUN_1(subclasses_obj, MPF_QSTR___subclasses__, mpf_type_subclasses);

mpf_obj_t mpf_meta_type_method(mpf_qstr_t q) {
    return q == MPF_QSTR___subclasses__ ? mpf_obj_from_ptr(&subclasses_obj) : MPF_OBJ_NULL;
}
