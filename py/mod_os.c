// mod_os.c -- the os module: uname(), sep and getcwd() ('' without files or mounts) everywhere;
// on ports with a filesystem
// (CONFIG_PORT_HAS_FILESYSTEM) stat(), getcwd(), chdir(), listdir(), ilistdir(), remove(),
// mkdir(), rmdir() and rename() through the port's file functions in port.h.
#include "mpf_int.h"
#include "port.h"


// ---------------------------------------------------------------- uname
// os.uname(): the fields of CPython's uname_result, readable by name or index. Like
// CPython's it is a tuple (laid out as one, its type's parent is tuple), so
// isinstance(u, tuple) holds and "%s" % u takes its fields.
static const mpf_qstr_t uname_fields[5] = {
    MPF_QSTR_sysname, MPF_QSTR_nodename, MPF_QSTR_release, MPF_QSTR_version, MPF_QSTR_machine,
};

static mpf_obj_t uname_value(size_t i) {
    switch (i) {
        case 0:
        case 1:
            return mpf_obj_new_str(mpf_port_platform, strlen(mpf_port_platform));
        case 2:
            return mpf_obj_new_str("0.1.0", 5);
        case 3:
            return mpf_obj_new_str("mpforge 0.1.0", 13);
        default:
#ifdef CONFIG_CHIP
            return mpf_obj_new_str(CONFIG_CHIP, strlen(CONFIG_CHIP));
#else
            return mpf_obj_new_str("unknown", 7);
#endif
    }
}

static void uname_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const mpf_tuple_t *t = mpf_obj_ptr(self);
    mpf_print_str(p, "posix.uname_result(");
    for (size_t i = 0; i < 5; i++) {
        mpf_printf(p, i ? ", %q=%R" : "%q=%R", uname_fields[i], t->items[i]);
    }
    mpf_print_str(p, ")");
}

static void uname_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    const mpf_tuple_t *t = mpf_obj_ptr(self);
    for (size_t i = 0; i < 5; i++) {
        if (uname_fields[i] == attr) {
            dest[0] = t->items[i];
        }
    }
}

// Indexing, slicing and iteration are a plain tuple's, over a copy of the fields.
static mpf_obj_t uname_as_tuple(mpf_obj_t self) {
    const mpf_tuple_t *t = mpf_obj_ptr(self);
    return mpf_obj_new_tuple(t->len, t->items);
}

static mpf_obj_t uname_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    if (value != MPF_OBJ_SENTINEL) {
        return MPF_OBJ_NULL;
    }
    return mpf_subscr(uname_as_tuple(self), index, MPF_OBJ_SENTINEL);
}

static mpf_obj_t uname_getiter(mpf_obj_t self) {
    return mpf_getiter(uname_as_tuple(self));
}

static mpf_obj_t uname_unary_op(int op, mpf_obj_t self) {
    (void)self;
    return op == MPF_UNARY_OP_LEN ? mpf_obj_new_small_int(5) : op == MPF_UNARY_OP_BOOL ? MPF_OBJ_TRUE : MPF_OBJ_NULL;
}

static const mpf_type_t uname_result_type = MPF_TYPE(MPF_QSTR_uname_result, 0, (parent, &mpf_type_tuple),
    (print, uname_print),
    (unary_op, uname_unary_op),
    (attr, uname_attr),
    (subscr, uname_subscr),
    (getiter, uname_getiter));

static mpf_obj_t os_uname(void) {
    mpf_obj_t items[5];
    for (size_t i = 0; i < 5; i++) {
        items[i] = uname_value(i);
    }
    mpf_obj_t u = mpf_obj_new_tuple(5, items);
    ((mpf_tuple_t *)mpf_obj_ptr(u))->base.type = &uname_result_type;
    return u;
}

#if CONFIG_PORT_HAS_FILESYSTEM || CONFIG_MODULE_VFS
// ---------------------------------------------------------------- filesystem
// (With CONFIG_MODULE_VFS a path on a mount goes to the mounted object first: VFS_ROUTE.)
#if CONFIG_MODULE_VFS
#define VFS_ROUTE(meth, path, n, args) \
    do { \
        mpf_obj_t r_ = mpf_vfs_route(meth, path_arg(path), n, args); \
        if (r_ != MPF_OBJ_NULL) { \
            return r_; \
        } \
    } while (0)
#else
#define VFS_ROUTE(meth, path, n, args) ((void)0)
#endif
// The bytes of a str path argument, NUL-terminated for the port.
static const char *path_arg(mpf_obj_t o) {
    if (!MPF_IS_STR(o)) {
        mpf_raise_fmt(&mpf_type_TypeError, "path should be string, not %T", o);
    }
    return mpf_str_cstr(o);
}

// stat(path): a 10-tuple (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)
// with what the port reports: the file type bits of mode and the size.
static mpf_obj_t os_stat(mpf_obj_t path) {
    VFS_ROUTE(MPF_QSTR_stat, path, 0, NULL);
    const char *p = path_arg(path);
    // "" is the current directory, as MicroPython's VFS resolves it (mpremote's `fs cp -r
    // DIR :` asks whether ":" exists with os.stat(""))
    long size = mpf_port_file_size(*p != '\0' ? p : ".");
    if (size == -1) {
        mpf_raise_oserror(2, path, MPF_OBJ_NONE);
    }
    mpf_obj_t items[10];
    for (size_t i = 0; i < 10; i++) {
        items[i] = mpf_obj_new_small_int(0);
    }
    items[0] = mpf_obj_new_small_int(size == -2 ? 0x4000 : 0x8000);  // S_IFDIR / S_IFREG
    items[6] = mpf_obj_new_int(size < 0 ? 0 : (mpf_int_t)size);
#if CONFIG_PORT_HAS_WALL_CLOCK && CONFIG_PORT_HAS_FILESYSTEM
    int64_t times[3];
    if (mpf_port_file_times(*p != '\0' ? p : ".", times)) {
        for (size_t i = 0; i < 3; i++) {  // st_atime, st_mtime, st_ctime
            items[7 + i] = mpf_obj_new_int_from_ll(times[i]);
        }
    }
#endif
    return mpf_obj_new_tuple(10, items);
}

static mpf_obj_t os_getcwd(void) {
#if CONFIG_MODULE_VFS
    mpf_obj_t cwd = mpf_vfs_getcwd();
    if (cwd != MPF_OBJ_NULL) {
        return cwd;
    }
#endif
    char buf[512];
    int e = mpf_port_getcwd(buf, sizeof(buf));
    if (e != 0) {
        mpf_raise_oserror(e, MPF_OBJ_NONE, MPF_OBJ_NONE);
    }
    return mpf_obj_new_str(buf, strlen(buf));
}

static void listdir_add(void *env, const char *name) {
    mpf_list_append(*(mpf_obj_t *)env, mpf_obj_new_str(name, strlen(name)));
}

// listdir(path='.'): the names in the directory, sorted (CPython's order is the file
// system's; sorting makes it deterministic).
static mpf_obj_t os_listdir(size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t path = n_args > 0 ? args[0] : mpf_obj_new_str(".", 1);
    mpf_obj_t list = mpf_obj_new_list(0, NULL);
#if CONFIG_MODULE_VFS
    mpf_obj_t it = mpf_vfs_route(MPF_QSTR_ilistdir, path_arg(path), 0, NULL);
    if (it != MPF_OBJ_NULL) {
        it = mpf_getiter(it);
        for (mpf_obj_t e; (e = mpf_iternext(it)) != MPF_OBJ_STOP;) {
            mpf_list_append(list, mpf_subscr(e, mpf_obj_new_small_int(0), MPF_OBJ_SENTINEL));
        }
    } else
#endif
    {
        int e = mpf_port_listdir(path_arg(path), listdir_add, &list);
        if (e != 0) {
            mpf_raise_oserror(e, path, MPF_OBJ_NONE);
        }
    }
    mpf_list_sort(list, MPF_OBJ_NULL, false);
    return list;
}

// ilistdir(path='.'): MicroPython's listing that tools such as mpremote (`fs ls`) use: an
// iterator of (name, type, inode, size) with type 0x4000 for a directory, 0x8000 for a
// file, inode 0; in listdir()'s order.
static mpf_obj_t os_ilistdir(size_t n_args, const mpf_obj_t *args) {
#if CONFIG_MODULE_VFS
    mpf_obj_t it = mpf_vfs_route(MPF_QSTR_ilistdir, n_args > 0 ? path_arg(args[0]) : ".", 0, NULL);
    if (it != MPF_OBJ_NULL) {
        return mpf_getiter(it);
    }
#endif
    mpf_obj_t names = os_listdir(n_args, args);
    size_t dir_len = 1;
    const char *dir = n_args > 0 ? mpf_obj_str_data(args[0], &dir_len) : ".";
    size_t n;
    mpf_obj_t *items;
    mpf_obj_get_array(names, &n, &items);
    mpf_obj_t entries = mpf_obj_new_list(0, NULL);
    mpf_vstr_t path;
    mpf_vstr_init(&path, dir_len + 32);
    for (size_t i = 0; i < n; i++) {
        size_t name_len;
        const char *name = mpf_obj_str_data(items[i], &name_len);
        path.len = 0;
        mpf_vstr_add_strn(&path, dir, dir_len);
        mpf_vstr_add_char(&path, '/');
        mpf_vstr_add_strn(&path, name, name_len);
        mpf_vstr_add_char(&path, '\0');
        long size = mpf_port_file_size(path.buf);
        mpf_obj_t entry[4] = {
            items[i],
            mpf_obj_new_small_int(size == -2 ? 0x4000 : 0x8000),
            mpf_obj_new_small_int(0),
            mpf_obj_new_int(size < 0 ? 0 : (mpf_int_t)size),
        };
        mpf_list_append(entries, mpf_obj_new_tuple(4, entry));
    }
    return mpf_getiter(entries);
}

// One-path operations: chdir, remove, mkdir, rmdir.
#define OS_PATH_FUN(name, portfn) \
    static mpf_obj_t os_##name(mpf_obj_t path) { \
        VFS_ROUTE(MPF_QSTR_##name, path, 0, NULL); \
        int e = portfn(path_arg(path)); \
        if (e != 0) { \
            mpf_raise_oserror(e, path, MPF_OBJ_NONE); \
        } \
        return MPF_OBJ_NONE; \
    } \
    MPF_FUN_1(os_##name##_obj, MPF_QSTR_##name, os_##name);

OS_PATH_FUN(remove, mpf_port_remove)
OS_PATH_FUN(unlink, mpf_port_remove)
OS_PATH_FUN(mkdir, mpf_port_mkdir)
OS_PATH_FUN(rmdir, mpf_port_rmdir)

// chdir(path): into a mount (its chdir() with the path inside it), or the port's directory.
static mpf_obj_t os_chdir(mpf_obj_t path) {
#if CONFIG_MODULE_VFS
    mpf_obj_t rel;
    mpf_obj_t vfs = mpf_vfs_lookup(path_arg(path), &rel);
    if (vfs != MPF_OBJ_NULL) {
        mpf_vfs_call(vfs, MPF_QSTR_chdir, 1, &rel);
        mpf_vfs_chdir_done(vfs);
        return MPF_OBJ_NONE;
    }
#endif
    int e = mpf_port_chdir(path_arg(path));
    if (e != 0) {
        mpf_raise_oserror(e, path, MPF_OBJ_NONE);
    }
#if CONFIG_MODULE_VFS
    mpf_vfs_chdir_done(MPF_OBJ_NULL);
#endif
    return MPF_OBJ_NONE;
}
MPF_FUN_1(os_chdir_obj, MPF_QSTR_chdir, os_chdir);

#if CONFIG_PORT_HAS_FILESYSTEM
// getenv(key, default=None)
static mpf_obj_t os_getenv(size_t n_args, const mpf_obj_t *args) {
    if (!MPF_IS_STR(args[0])) {
        mpf_raise_fmt(&mpf_type_TypeError, "str expected, not %T", args[0]);
    }
    const char *v = mpf_port_getenv(mpf_str_cstr(args[0]));
    return v != NULL ? mpf_obj_new_str(v, strlen(v)) : n_args > 1 ? args[1] : MPF_OBJ_NONE;
}

static mpf_obj_t os_urandom(mpf_obj_t n_obj) {
    mpf_int_t n = mpf_obj_get_int(n_obj);
    if (n < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "negative argument not allowed");
    }
    mpf_vstr_t v;
    mpf_vstr_init(&v, (size_t)n);
    int e = mpf_port_urandom((uint8_t *)v.buf, (size_t)n);
    if (e != 0) {
        mpf_raise_oserror(e, MPF_OBJ_NONE, MPF_OBJ_NONE);
    }
    v.len = (size_t)n;
    return mpf_vstr_to_bytes(&v);
}

#endif

static mpf_obj_t os_rename(mpf_obj_t from, mpf_obj_t to) {
#if CONFIG_MODULE_VFS
    mpf_obj_t a[2];
    mpf_obj_t vfs = mpf_vfs_lookup(path_arg(from), &a[0]);
    mpf_obj_t vfs_to = mpf_vfs_lookup(path_arg(to), &a[1]);
    if (vfs != vfs_to) {
        mpf_raise_oserror(18, from, to);  // EXDEV: not on one file system
    }
    if (vfs != MPF_OBJ_NULL) {
        return mpf_vfs_call(vfs, MPF_QSTR_rename, 2, a);
    }
#endif
    int e = mpf_port_rename(path_arg(from), path_arg(to));
    if (e != 0) {
        mpf_raise_oserror(e, from, to);
    }
    return MPF_OBJ_NONE;
}

#if CONFIG_MODULE_VFS
// statvfs(path): the mount's statvfs(), or the port's file system's figures as a 10-tuple.
static mpf_obj_t os_statvfs(mpf_obj_t path) {
    VFS_ROUTE(MPF_QSTR_statvfs, path, 0, NULL);
    uint32_t v[10];
    int e = mpf_port_statvfs(path_arg(path), v);
    if (e != 0) {
        mpf_raise_oserror(e, path, MPF_OBJ_NONE);
    }
    mpf_obj_t items[10];
    for (size_t i = 0; i < 10; i++) {
        items[i] = mpf_obj_new_int((mpf_int_t)v[i]);
    }
    return mpf_obj_new_tuple(10, items);
}
#endif
#else
// getcwd() without a filesystem or mounts: '' (no current directory). IDEs ask it on
// connecting (Thonny's back-end: an error there and it does not connect; '' tells it the
// board has no directories).
static mpf_obj_t os_getcwd(void) {
    return mpf_obj_new_qstr(MPF_QSTRE_);
}
#endif // CONFIG_PORT_HAS_FILESYSTEM || CONFIG_MODULE_VFS

static const mpf_rom_map_elem_t os_members_table[] = {
    MPF_ROM_FUN_0(MPF_QSTR_uname, os_uname),
    {MPF_ROM_QSTR(MPF_QSTR_sep), MPF_ROM_QSTR(MPF_QSTRE__2f)},
    MPF_ROM_FUN_0(MPF_QSTR_getcwd, os_getcwd),
#if CONFIG_PORT_HAS_FILESYSTEM || CONFIG_MODULE_VFS
    MPF_ROM_FUN_1(MPF_QSTR_stat, os_stat),
    {MPF_ROM_QSTR(MPF_QSTR_chdir), MPF_ROM_PTR(&os_chdir_obj)},
    MPF_ROM_FUN_VAR(MPF_QSTR_listdir, 0, 1, os_listdir),
    MPF_ROM_FUN_VAR(MPF_QSTR_ilistdir, 0, 1, os_ilistdir),
    {MPF_ROM_QSTR(MPF_QSTR_remove), MPF_ROM_PTR(&os_remove_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_unlink), MPF_ROM_PTR(&os_unlink_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_mkdir), MPF_ROM_PTR(&os_mkdir_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_rmdir), MPF_ROM_PTR(&os_rmdir_obj)},
    MPF_ROM_FUN_2(MPF_QSTR_rename, os_rename),
#endif
#if CONFIG_PORT_HAS_FILESYSTEM
    MPF_ROM_FUN_VAR(MPF_QSTR_getenv, 1, 2, os_getenv),
    MPF_ROM_FUN_1(MPF_QSTR_urandom, os_urandom),
#endif
#if CONFIG_MODULE_VFS
    MPF_ROM_FUN_1(MPF_QSTR_statvfs, os_statvfs),
    {MPF_ROM_QSTR(MPF_QSTR_mount), MPF_ROM_PTR(&mpf_vfs_mount_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_umount), MPF_ROM_PTR(&mpf_vfs_umount_obj)},
#endif
};
MPF_ROM_MAP(os_members, os_members_table);

#if CONFIG_MODULE_OS_PATH
// os.path is imported with os (as CPython's os binds it), so `import os` then os.path works.
static void os_init(mpf_obj_t mod) {
    (void)mod;
    mpf_import_name(MPF_QSTRE_os_2epath, MPF_OBJ_NONE, 0, MPF_OBJ_NULL);
}
#define OS_INIT os_init
#else
#define OS_INIT NULL
#endif

const mpf_builtin_module_t mpf_module_os = {MPF_QSTR_os, &os_members, OS_INIT};
MPF_REGISTER_MODULE(MPF_QSTR_os, mpf_module_os);
