// mod_gc.c -- the gc module: its functions are one C function, a mode each.
#include "mpf.h"

enum { GC_COLLECT, GC_MEM_FREE, GC_MEM_ALLOC, GC_ENABLE, GC_DISABLE, GC_ISENABLED };

static mpf_obj_t gc_m(size_t n_args, const mpf_obj_t *args, unsigned mode) {
    (void)n_args;
    (void)args;
    size_t total, used, free_;
    switch (mode) {
        case GC_COLLECT:
            mpf_gc_collect();
            break;
        case GC_MEM_FREE:
        case GC_MEM_ALLOC:
            mpf_gc_info(&total, &used, &free_);
            return mpf_obj_new_int((mpf_int_t)(mode == GC_MEM_FREE ? free_ : used));
        case GC_ENABLE:
        case GC_DISABLE:
            mpf_gc_set_auto(mode == GC_ENABLE);
            break;
        default:
            return mpf_obj_bool(mpf_gc_auto());
    }
    return MPF_OBJ_NONE;
}

static const mpf_rom_map_elem_t gc_members_table[] = {
    MPF_ROM_FUN_MODE(MPF_QSTR_collect, 0, 0, gc_m, GC_COLLECT),
    MPF_ROM_FUN_MODE(MPF_QSTR_mem_free, 0, 0, gc_m, GC_MEM_FREE),
    MPF_ROM_FUN_MODE(MPF_QSTR_mem_alloc, 0, 0, gc_m, GC_MEM_ALLOC),
    MPF_ROM_FUN_MODE(MPF_QSTR_enable, 0, 0, gc_m, GC_ENABLE),
    MPF_ROM_FUN_MODE(MPF_QSTR_disable, 0, 0, gc_m, GC_DISABLE),
    MPF_ROM_FUN_MODE(MPF_QSTR_isenabled, 0, 0, gc_m, GC_ISENABLED),
};
MPF_ROM_MAP(gc_members, gc_members_table);

MPF_REGISTER_MODULE(MPF_QSTR_gc, mpf_module_gc);
const mpf_builtin_module_t mpf_module_gc = {MPF_QSTR_gc, &gc_members, NULL};
