// mod_errno.c -- the errno module: POSIX error numbers (the Linux values, which
// CPython reports on the host and which OSError carries on every port) and errorcode,
// the reverse mapping built on import from the same table, read-only as MicroPython's
// (a dict whose mutating methods raise TypeError).
#include "mpf.h"

// Name -> number; errorcode is derived from these entries, so each number appears
// first under the name CPython's errorcode gives it; aliases come last.
static const mpf_rom_map_elem_t errno_members_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_EPERM), MPF_ROM_INT(1)},
    {MPF_ROM_QSTR(MPF_QSTR_ENOENT), MPF_ROM_INT(2)},
    {MPF_ROM_QSTR(MPF_QSTR_ESRCH), MPF_ROM_INT(3)},
    {MPF_ROM_QSTR(MPF_QSTR_EINTR), MPF_ROM_INT(4)},
    {MPF_ROM_QSTR(MPF_QSTR_EIO), MPF_ROM_INT(5)},
    {MPF_ROM_QSTR(MPF_QSTR_ENXIO), MPF_ROM_INT(6)},
    {MPF_ROM_QSTR(MPF_QSTR_E2BIG), MPF_ROM_INT(7)},
    {MPF_ROM_QSTR(MPF_QSTR_ENOEXEC), MPF_ROM_INT(8)},
    {MPF_ROM_QSTR(MPF_QSTR_EBADF), MPF_ROM_INT(9)},
    {MPF_ROM_QSTR(MPF_QSTR_ECHILD), MPF_ROM_INT(10)},
    {MPF_ROM_QSTR(MPF_QSTR_EAGAIN), MPF_ROM_INT(11)},
    {MPF_ROM_QSTR(MPF_QSTR_ENOMEM), MPF_ROM_INT(12)},
    {MPF_ROM_QSTR(MPF_QSTR_EACCES), MPF_ROM_INT(13)},
    {MPF_ROM_QSTR(MPF_QSTR_EFAULT), MPF_ROM_INT(14)},
    {MPF_ROM_QSTR(MPF_QSTR_EBUSY), MPF_ROM_INT(16)},
    {MPF_ROM_QSTR(MPF_QSTR_EEXIST), MPF_ROM_INT(17)},
    {MPF_ROM_QSTR(MPF_QSTR_EXDEV), MPF_ROM_INT(18)},
    {MPF_ROM_QSTR(MPF_QSTR_ENODEV), MPF_ROM_INT(19)},
    {MPF_ROM_QSTR(MPF_QSTR_ENOTDIR), MPF_ROM_INT(20)},
    {MPF_ROM_QSTR(MPF_QSTR_EISDIR), MPF_ROM_INT(21)},
    {MPF_ROM_QSTR(MPF_QSTR_EINVAL), MPF_ROM_INT(22)},
    {MPF_ROM_QSTR(MPF_QSTR_ENFILE), MPF_ROM_INT(23)},
    {MPF_ROM_QSTR(MPF_QSTR_EMFILE), MPF_ROM_INT(24)},
    {MPF_ROM_QSTR(MPF_QSTR_ENOTTY), MPF_ROM_INT(25)},
    {MPF_ROM_QSTR(MPF_QSTR_EFBIG), MPF_ROM_INT(27)},
    {MPF_ROM_QSTR(MPF_QSTR_ENOSPC), MPF_ROM_INT(28)},
    {MPF_ROM_QSTR(MPF_QSTR_ESPIPE), MPF_ROM_INT(29)},
    {MPF_ROM_QSTR(MPF_QSTR_EROFS), MPF_ROM_INT(30)},
    {MPF_ROM_QSTR(MPF_QSTR_EMLINK), MPF_ROM_INT(31)},
    {MPF_ROM_QSTR(MPF_QSTR_EPIPE), MPF_ROM_INT(32)},
    {MPF_ROM_QSTR(MPF_QSTR_EDOM), MPF_ROM_INT(33)},
    {MPF_ROM_QSTR(MPF_QSTR_ERANGE), MPF_ROM_INT(34)},
    {MPF_ROM_QSTR(MPF_QSTR_EDEADLOCK), MPF_ROM_INT(35)},
    {MPF_ROM_QSTR(MPF_QSTR_ENAMETOOLONG), MPF_ROM_INT(36)},
    {MPF_ROM_QSTR(MPF_QSTR_ENOSYS), MPF_ROM_INT(38)},
    {MPF_ROM_QSTR(MPF_QSTR_ENOTEMPTY), MPF_ROM_INT(39)},
    {MPF_ROM_QSTR(MPF_QSTR_ELOOP), MPF_ROM_INT(40)},
    {MPF_ROM_QSTR(MPF_QSTR_ENOTSOCK), MPF_ROM_INT(88)},
    {MPF_ROM_QSTR(MPF_QSTR_EMSGSIZE), MPF_ROM_INT(90)},
    {MPF_ROM_QSTR(MPF_QSTR_EPROTONOSUPPORT), MPF_ROM_INT(93)},
    {MPF_ROM_QSTR(MPF_QSTR_ENOTSUP), MPF_ROM_INT(95)},
    {MPF_ROM_QSTR(MPF_QSTR_EAFNOSUPPORT), MPF_ROM_INT(97)},
    {MPF_ROM_QSTR(MPF_QSTR_EADDRINUSE), MPF_ROM_INT(98)},
    {MPF_ROM_QSTR(MPF_QSTR_EADDRNOTAVAIL), MPF_ROM_INT(99)},
    {MPF_ROM_QSTR(MPF_QSTR_ENETDOWN), MPF_ROM_INT(100)},
    {MPF_ROM_QSTR(MPF_QSTR_ENETUNREACH), MPF_ROM_INT(101)},
    {MPF_ROM_QSTR(MPF_QSTR_ECONNABORTED), MPF_ROM_INT(103)},
    {MPF_ROM_QSTR(MPF_QSTR_ECONNRESET), MPF_ROM_INT(104)},
    {MPF_ROM_QSTR(MPF_QSTR_ENOBUFS), MPF_ROM_INT(105)},
    {MPF_ROM_QSTR(MPF_QSTR_EISCONN), MPF_ROM_INT(106)},
    {MPF_ROM_QSTR(MPF_QSTR_ENOTCONN), MPF_ROM_INT(107)},
    {MPF_ROM_QSTR(MPF_QSTR_ETIMEDOUT), MPF_ROM_INT(110)},
    {MPF_ROM_QSTR(MPF_QSTR_ECONNREFUSED), MPF_ROM_INT(111)},
    {MPF_ROM_QSTR(MPF_QSTR_EHOSTUNREACH), MPF_ROM_INT(113)},
    {MPF_ROM_QSTR(MPF_QSTR_EALREADY), MPF_ROM_INT(114)},
    {MPF_ROM_QSTR(MPF_QSTR_EINPROGRESS), MPF_ROM_INT(115)},
    {MPF_ROM_QSTR(MPF_QSTR_EDEADLK), MPF_ROM_INT(35)},
    {MPF_ROM_QSTR(MPF_QSTR_EOPNOTSUPP), MPF_ROM_INT(95)},
    {MPF_ROM_QSTR(MPF_QSTR_EWOULDBLOCK), MPF_ROM_INT(11)},
};
MPF_ROM_MAP(errno_members, errno_members_table);

// ---------------------------------------------------------------- read-only dict
// Laid out as a dict (mpf_dict_t) with dict as its parent, so dict's reading methods and
// slots work on it unchanged; stores, deletions and the mutating methods raise TypeError
// (dict's own methods called through dict, dict.pop(errorcode, 1), are not guarded: the
// map has no read-only flag).


static MPF_NORETURN void fixed_refuse(void) {
    mpf_raise_msg(&mpf_type_TypeError, "'dict' object is read-only");
}

static mpf_obj_t fixed_method(size_t n_args, const mpf_obj_t *args) {
    (void)n_args;
    (void)args;
    fixed_refuse();
}

static const mpf_rom_map_elem_t fixed_locals_table[] = {
    MPF_ROM_FUN_VAR(MPF_QSTR_pop, 1, 3, fixed_method),
    MPF_ROM_FUN_VAR(MPF_QSTR_popitem, 1, 1, fixed_method),
    MPF_ROM_FUN_VAR(MPF_QSTR_setdefault, 1, 3, fixed_method),
    MPF_ROM_FUN_VAR(MPF_QSTR_update, 1, 2, fixed_method),
    MPF_ROM_FUN_VAR(MPF_QSTR_clear, 1, 1, fixed_method),
    MPF_ROM_FUN_VAR(MPF_QSTR___setitem__, 3, 3, fixed_method),
    MPF_ROM_FUN_VAR(MPF_QSTR___delitem__, 2, 2, fixed_method),
    MPF_ROM_FUN_VAR(MPF_QSTR___ior__, 2, 2, fixed_method),
};
MPF_ROM_MAP(fixed_locals, fixed_locals_table);

static void fixed_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    mpf_type_get_print(&mpf_type_dict)(p, self, kind);
}

static mpf_obj_t fixed_unary_op(int op, mpf_obj_t self) {
    return mpf_type_get_unary_op(&mpf_type_dict)(op, self);
}

static mpf_obj_t fixed_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op == MPF_BINARY_OP_INPLACE_OR) {
        fixed_refuse();
    }
    return mpf_type_get_binary_op(&mpf_type_dict)(op, lhs, rhs);
}

static mpf_obj_t fixed_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    if (value != MPF_OBJ_SENTINEL) {
        fixed_refuse();
    }
    return mpf_type_get_subscr(&mpf_type_dict)(self, index, value);
}

static mpf_obj_t fixed_getiter(mpf_obj_t self) {
    return mpf_type_get_getiter(&mpf_type_dict)(self);
}

static const mpf_type_t errno_fixed_dict_type = MPF_TYPE(MPF_QSTR_dict, MPF_TYPE_FLAG_UNHASHABLE, (parent, &mpf_type_dict),
    (print, fixed_print),
    (unary_op, fixed_unary_op),
    (binary_op, fixed_binary_op),
    (subscr, fixed_subscr),
    (getiter, fixed_getiter),
    (locals, &fixed_locals));

// errorcode: number -> name for every entry above, the first name of a number winning.
static void errno_init(mpf_obj_t mod) {
    mpf_obj_t g = ((mpf_module_t *)mpf_obj_ptr(mod))->globals;
    size_t n = sizeof(errno_members_table) / sizeof(errno_members_table[0]);
    mpf_obj_t codes = mpf_obj_new_dict(n);
    for (size_t i = 0; i < n; i++) {
        mpf_map_elem_t *e = mpf_map_lookup(mpf_dict_map(codes), MPF_ROM_ELEM_VALUE(&errno_members_table[i]), MPF_MAP_LOOKUP_ADD);
        if (e->value == MPF_OBJ_NULL) {
            e->value = MPF_ROM_ELEM_KEY(&errno_members_table[i]);
        }
    }
    ((mpf_dict_t *)mpf_obj_ptr(codes))->base.type = &errno_fixed_dict_type;
    mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR_errorcode), codes);
}

const mpf_builtin_module_t mpf_module_errno = {MPF_QSTR_errno, &errno_members, errno_init};
MPF_REGISTER_MODULE(MPF_QSTR_errno, mpf_module_errno);
