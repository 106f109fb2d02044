// obj_module.c -- module objects: a globals dict with attribute access.
#include "mpf_int.h"

mpf_obj_t mpf_obj_new_module(mpf_qstr_t name) {
    mpf_module_t *m = mpf_new(mpf_module_t);
    m->base.type = &mpf_type_module;
    m->globals = mpf_obj_new_dict(8);
    mpf_dict_store(m->globals, mpf_obj_new_qstr(MPF_QSTR___name__), mpf_obj_new_qstr(name));
    return mpf_obj_from_ptr(m);
}

void mpf_module_store_rom(mpf_obj_t dict, const mpf_rom_map_t *m) {
    for (size_t i = 0; m != NULL && i < m->n; i++) {
        mpf_dict_store(dict, MPF_ROM_ELEM_KEY(&m->elems[i]), MPF_ROM_ELEM_VALUE(&m->elems[i]));
    }
}

static void module_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const mpf_module_t *m = mpf_obj_ptr(self);
    mpf_obj_t name = mpf_dict_get(m->globals, mpf_obj_new_qstr(MPF_QSTR___name__));
    mpf_printf(p, "<module '%O'>", name ? name : MPF_OBJ_NONE);
}

static void module_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    const mpf_module_t *m = mpf_obj_ptr(self);
    if (dest[0] == MPF_OBJ_NULL) {
        if (attr == MPF_QSTR___dict__) {
            dest[0] = m->globals;
            return;
        }
        dest[0] = mpf_map_get_qstr(mpf_dict_map(m->globals), attr);
        if (dest[0] == MPF_OBJ_NULL && attr != MPF_QSTR___getattr__) {
            // a module-level __getattr__(name) (PEP 562) answers for missing names
            mpf_obj_t ga = mpf_map_get_qstr(mpf_dict_map(m->globals), MPF_QSTR___getattr__);
            if (ga != MPF_OBJ_NULL) {
                dest[0] = mpf_call1(ga, mpf_obj_new_qstr(attr));
            }
        }
        return;
    }
    mpf_builtins_note_store(self);
    mpf_module_dict_attr_store(m->globals, attr, dest);
}

void mpf_module_dict_attr_store(mpf_obj_t dict, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[1] == MPF_OBJ_NULL) {
        if (mpf_map_lookup(mpf_dict_map(dict), mpf_obj_new_qstr(attr), MPF_MAP_REMOVE) != NULL) {
            dest[0] = MPF_OBJ_NULL;
        }
        return;
    }
    mpf_dict_store(dict, mpf_obj_new_qstr(attr), dest[1]);
    dest[0] = MPF_OBJ_NULL;
}

#if CONFIG_COMPILER
// module(name, doc=None): a new empty module (a namespace to exec code into).
static mpf_obj_t module_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_num(n_args, n_kw, 1, 2, false);
    if (!mpf_obj_is_str(args[0])) {
        mpf_raise_fmt(&mpf_type_TypeError, "module.__init__() argument 'name' must be str, not %T", args[0]);
    }
    size_t len;
    const char *s = mpf_obj_str_data(args[0], &len);
    mpf_obj_t m = mpf_obj_new_module(mpf_qstr_from_strn(s, len));
    mpf_dict_store(((mpf_module_t *)mpf_obj_ptr(m))->globals, mpf_obj_new_qstr(MPF_QSTR___doc__),
        n_args > 1 ? args[1] : MPF_OBJ_NONE);
    return m;
}
#define MODULE_MAKE_NEW , (make_new, module_make_new)
#else
#define MODULE_MAKE_NEW
#endif

const mpf_type_t mpf_type_module = MPF_TYPE(MPF_QSTR_module, 0,
    (print, module_print),
    (attr, module_attr) MODULE_MAKE_NEW);
