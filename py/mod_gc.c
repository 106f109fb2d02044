// mod_gc.c -- the gc module.
#include "mpf.h"

static mpf_obj_t gc_collect(void) {
    mpf_gc_collect();
    return MPF_OBJ_NONE;
}

static mpf_obj_t gc_mem_free(void) {
    size_t total, used, free_;
    mpf_gc_info(&total, &used, &free_);
    return mpf_obj_new_int((mpf_int_t)free_);
}

static mpf_obj_t gc_mem_alloc(void) {
    size_t total, used, free_;
    mpf_gc_info(&total, &used, &free_);
    return mpf_obj_new_int((mpf_int_t)used);
}

static mpf_obj_t gc_enable(void) {
    mpf_gc_set_auto(true);
    return MPF_OBJ_NONE;
}

static mpf_obj_t gc_disable(void) {
    mpf_gc_set_auto(false);
    return MPF_OBJ_NONE;
}

static mpf_obj_t gc_isenabled(void) {
    return mpf_obj_bool(mpf_gc_auto());
}

static const mpf_rom_map_elem_t gc_members_table[] = {
    MPF_ROM_FUN_0(MPF_QSTR_collect, gc_collect),
    MPF_ROM_FUN_0(MPF_QSTR_mem_free, gc_mem_free),
    MPF_ROM_FUN_0(MPF_QSTR_mem_alloc, gc_mem_alloc),
    MPF_ROM_FUN_0(MPF_QSTR_enable, gc_enable),
    MPF_ROM_FUN_0(MPF_QSTR_disable, gc_disable),
    MPF_ROM_FUN_0(MPF_QSTR_isenabled, gc_isenabled),
};
MPF_ROM_MAP(gc_members, gc_members_table);

MPF_REGISTER_MODULE(MPF_QSTR_gc, mpf_module_gc);
const mpf_builtin_module_t mpf_module_gc = {MPF_QSTR_gc, &gc_members, NULL};
