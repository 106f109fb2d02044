// mod_types.c -- the types module: CPython's names for the interpreter's own types,
// for isinstance() tests and annotations.
#include "mpf.h"

#if CONFIG_ASYNC
// types.coroutine(f): a generator is already awaitable here, so the decorator hands the
// function back unchanged (CPython marks its code object instead).
static mpf_obj_t types_coroutine(mpf_obj_t fun) {
    return fun;
}
#endif

static const mpf_rom_map_elem_t types_members_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR___name__), MPF_ROM_QSTR(MPF_QSTR_types)},
    {MPF_ROM_QSTR(MPF_QSTR_FunctionType), MPF_ROM_PTR(&mpf_type_fun_bc)},
    {MPF_ROM_QSTR(MPF_QSTR_LambdaType), MPF_ROM_PTR(&mpf_type_fun_bc)},
    {MPF_ROM_QSTR(MPF_QSTR_MethodType), MPF_ROM_PTR(&mpf_type_bound_meth)},
    {MPF_ROM_QSTR(MPF_QSTR_BuiltinFunctionType), MPF_ROM_PTR(&mpf_type_fun_builtin)},
    {MPF_ROM_QSTR(MPF_QSTR_BuiltinMethodType), MPF_ROM_PTR(&mpf_type_fun_builtin)},
    {MPF_ROM_QSTR(MPF_QSTR_MethodDescriptorType), MPF_ROM_PTR(&mpf_type_method_desc)},
    {MPF_ROM_QSTR(MPF_QSTR_ModuleType), MPF_ROM_PTR(&mpf_type_module)},
    {MPF_ROM_QSTR(MPF_QSTR_NoneType), MPF_ROM_PTR(&mpf_type_none)},
    {MPF_ROM_QSTR(MPF_QSTR_EllipsisType), MPF_ROM_PTR(&mpf_type_ellipsis)},
    {MPF_ROM_QSTR(MPF_QSTR_NotImplementedType), MPF_ROM_PTR(&mpf_type_not_implemented)},
    {MPF_ROM_QSTR(MPF_QSTR_CellType), MPF_ROM_PTR(&mpf_type_cell)},
#if CONFIG_GENERATORS
    {MPF_ROM_QSTR(MPF_QSTR_GeneratorType), MPF_ROM_PTR(&mpf_type_gen)},
#endif
#if CONFIG_ASYNC
    MPF_ROM_FUN_1(MPF_QSTR_coroutine, types_coroutine),
#endif
};
MPF_ROM_MAP(types_members, types_members_table);

const mpf_builtin_module_t mpf_module_types = {MPF_QSTR_types, &types_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_types, mpf_module_types);
