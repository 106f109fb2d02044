// mod_vfs.c -- the vfs module and the mount table (CONFIG_MODULE_VFS): Python objects that
// implement MicroPython's VFS protocol (mount, umount, open, ilistdir, stat, statvfs, chdir,
// getcwd, mkdir, remove, rename, rmdir) mounted at a path with vfs.mount(obj, path) (also
// os.mount). A path under a mount point goes to the object (the rest of the path, "/..."; a
// relative path as it is while the current directory is in the mount): the os functions,
// open() and import. Other paths are the port's own file system, which is mounted at "/";
// a port without one has only "/", holding the mount points. This is how mpremote's
// `mount DIR` serves a host directory to a board: its RemoteFS class, sent over the raw
// REPL, is mounted at /remote.
//
// The table (mpf_state.vfs_mounts) is a list of (obj, path) tuples; mpf_state.vfs_cur is
// the tuple of the mount the current directory is in (NULL: the port's own). Both go at a
// soft reset, as MicroPython's mounts do (mpremote mounts again).
#include "mpf_int.h"
#include "port.h"

// errno values as MicroPython (and Linux) number them, as the rest of the core raises them,
// whatever the C library's are (emscripten's differ)
enum { VFS_EPERM = 1, VFS_ENOENT = 2, VFS_EEXIST = 17, VFS_EINVAL = 22, VFS_ERANGE = 34 };

static mpf_obj_t mounts(void) {
    if (mpf_state.vfs_mounts == MPF_OBJ_NULL) {
        mpf_state.vfs_mounts = mpf_obj_new_list(0, NULL);
    }
    return mpf_state.vfs_mounts;
}

static bool same_text(mpf_obj_t a, mpf_obj_t b) {
    size_t la, lb;
    const char *sa = mpf_obj_str_data(a, &la);
    const char *sb = mpf_obj_str_data(b, &lb);
    return la == lb && memcmp(sa, sb, la) == 0;
}

static mpf_obj_t *mount_item(size_t i) {
    mpf_list_t *l = mpf_obj_ptr(mounts());
    return ((mpf_tuple_t *)mpf_obj_ptr(l->items[i]))->items;
}

mpf_obj_t mpf_vfs_lookup(const char *path, mpf_obj_t *rel) {
    size_t n = strlen(path);
    if (path[0] != '/') {
        if (mpf_state.vfs_cur == MPF_OBJ_NULL) {
            return MPF_OBJ_NULL;
        }
        *rel = mpf_obj_new_str(path, n);
        return ((mpf_tuple_t *)mpf_obj_ptr(mpf_state.vfs_cur))->items[0];
    }
    size_t best = 0, best_len = 0;
    const mpf_list_t *l = mpf_obj_ptr(mounts());
    for (size_t i = 0; i < l->len; i++) {
        size_t m;
        const char *mp = mpf_obj_str_data(mount_item(i)[1], &m);
        bool under = m == 1 || (n >= m && memcmp(path, mp, m) == 0 && (n == m || path[m] == '/'));
        if (under && m > best_len) {
            best = i + 1;
            best_len = m;
        }
    }
    if (best == 0) {
        return MPF_OBJ_NULL;
    }
    // the path inside the mount, from its "/" (the mount point itself: "/")
    size_t skip = best_len == 1 ? 0 : best_len;
    *rel = n == skip ? mpf_obj_new_str("/", 1) : mpf_obj_new_str(path + skip, n - skip);
    return mount_item(best - 1)[0];
}

mpf_obj_t mpf_vfs_call(mpf_obj_t vfs, mpf_qstr_t meth, size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t d[4];
    mpf_load_method(vfs, meth, d);
    for (size_t i = 0; i < n_args && i < 2; i++) {
        d[2 + i] = args[i];
    }
    return mpf_call_method_n(n_args, 0, d);
}

mpf_obj_t mpf_vfs_route(mpf_qstr_t meth, const char *path, size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t a[2];
    mpf_obj_t vfs = mpf_vfs_lookup(path, &a[0]);
    if (vfs == MPF_OBJ_NULL) {
        return MPF_OBJ_NULL;
    }
    if (n_args > 0) {
        a[1] = args[0];
    }
    return mpf_vfs_call(vfs, meth, n_args + 1, a);
}

long mpf_vfs_file_size(const char *path) {
    mpf_obj_t rel;
    mpf_obj_t vfs = mpf_vfs_lookup(path, &rel);
    if (vfs == MPF_OBJ_NULL) {
        return MPF_VFS_NOT_MOUNTED;
    }
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t st = mpf_vfs_call(vfs, MPF_QSTR_stat, 1, &rel);
        mpf_nlr_pop(&nlr);
        size_t n;
        mpf_obj_t *items;
        mpf_obj_get_array(st, &n, &items);
        if (n < 7) {
            return -1;
        }
        return (mpf_obj_get_int(items[0]) & 0x4000) ? -2 : (long)mpf_obj_get_int(items[6]);
    }
    if (mpf_exc_match(nlr.exc, &mpf_type_OSError)) {
        return -1;  // absent (the far end of mpremote's mount answers with an errno)
    }
    mpf_nlr_raise(nlr.exc);
}

int mpf_vfs_file_read(const char *path, uint8_t *buf, size_t len) {
    mpf_obj_t a[2];
    mpf_obj_t vfs = mpf_vfs_lookup(path, &a[0]);
    if (vfs == MPF_OBJ_NULL) {
        return -1;
    }
    a[1] = mpf_obj_new_str("rb", 2);
    mpf_obj_t f = mpf_vfs_call(vfs, MPF_QSTR_open, 2, a);
    mpf_obj_t data = mpf_vfs_call(f, MPF_QSTR_read, 0, NULL);
    mpf_vfs_call(f, MPF_QSTR_close, 0, NULL);
    mpf_buffer_t b;
    if (!mpf_obj_get_buffer(data, &b, false) || b.len != len) {
        return 0;
    }
    memcpy(buf, b.buf, len);
    return 1;
}

// open(file, mode='r', ...): a path on a mount is the mount's open(path, mode); any other
// is the port's open() (without one: OSError ENOENT).
static mpf_obj_t vfs_open(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args > 0 && MPF_IS_STR(args[0])) {
        mpf_obj_t a[2];
        mpf_obj_t vfs = mpf_vfs_lookup(mpf_str_cstr(args[0]), &a[0]);
        if (vfs != MPF_OBJ_NULL) {
            a[1] = n_args > 1 ? args[1] : mpf_obj_new_str("r", 1);
            for (size_t i = 0; i < n_kw; i++) {
                if (args[n_args + 2 * i] == mpf_obj_new_qstr(MPF_QSTR_mode)) {
                    a[1] = args[n_args + 2 * i + 1];
                }
            }
            return mpf_vfs_call(vfs, MPF_QSTR_open, 2, a);
        }
    }
#if CONFIG_BUILTIN_OPEN
    return mpf_call(mpf_obj_from_ptr(&mpf_port_open_obj), n_args, n_kw, args);
#else
    mpf_raise_oserror(VFS_ENOENT, n_args > 0 ? args[0] : MPF_OBJ_NONE, MPF_OBJ_NONE);
#endif
}
const mpf_fun_builtin_t mpf_vfs_open_obj = MPF_FUN_INIT_KW(MPF_QSTR_open, 1, vfs_open);

#if CONFIG_PORT_HAS_FILESYSTEM
// The port's own file system, mounted at "/" (what vfs.mount() lists for it).
static void root_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)self;
    (void)kind;
    mpf_print_str(p, "<VfsPosix>");
}
static const mpf_type_t vfs_posix_type = MPF_TYPE(MPF_QSTR_VfsPosix, 0, (print, root_print));
static const mpf_obj_base_t vfs_root = {&vfs_posix_type};
#endif

// mount(obj, path, *, readonly=False, mkfs=False): obj.mount(readonly, mkfs), then paths
// under [path] are obj's. mount(): the list of (obj, path).
static mpf_obj_t vfs_mount(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_obj, MPF_QSTR_path, MPF_QSTR_readonly, MPF_QSTR_mkfs};
    mpf_obj_t a[4];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_mount, 0), 2, 4, kws, a);
    const mpf_list_t *l = mpf_obj_ptr(mounts());
    if (a[0] == MPF_OBJ_NULL) {
        mpf_obj_t list = mpf_obj_new_list(0, NULL);
#if CONFIG_PORT_HAS_FILESYSTEM
        const mpf_obj_t root[2] = {mpf_obj_from_ptr(&vfs_root), mpf_obj_new_str("/", 1)};
        mpf_list_append(list, mpf_obj_new_tuple(2, root));
#endif
        for (size_t i = 0; i < l->len; i++) {
            mpf_list_append(list, l->items[i]);
        }
        return list;
    }
    if (a[1] == MPF_OBJ_NULL || !MPF_IS_STR(a[1])) {
        mpf_raise_msg(&mpf_type_TypeError, "mount(obj, path): path must be a str");
    }
    size_t n;
    const char *p = mpf_obj_str_data(a[1], &n);
    while (n > 1 && p[n - 1] == '/') {
        n--;
    }
    if (n == 0 || p[0] != '/') {
        mpf_raise_oserror(VFS_EINVAL, a[1], MPF_OBJ_NONE);
    }
    mpf_obj_t path = mpf_obj_new_str(p, n);
    bool taken = CONFIG_PORT_HAS_FILESYSTEM && n == 1;  // the port's own is at "/"
    for (size_t i = 0; i < l->len; i++) {
        taken = taken || same_text(mount_item(i)[1], path);
    }
    if (taken) {
        mpf_raise_oserror(VFS_EPERM, path, MPF_OBJ_NONE);
    }
    mpf_obj_t d[4];
    mpf_load_method_maybe(a[0], MPF_QSTR_mount, d);
    if (d[0] != MPF_OBJ_NULL) {
        d[2] = mpf_obj_bool(a[2] != MPF_OBJ_NULL && mpf_obj_is_true(a[2]));
        d[3] = mpf_obj_bool(a[3] != MPF_OBJ_NULL && mpf_obj_is_true(a[3]));
        mpf_call_method_n(2, 0, d);
    }
    const mpf_obj_t entry[2] = {a[0], path};
    mpf_list_append(mounts(), mpf_obj_new_tuple(2, entry));
    return MPF_OBJ_NONE;
}
const mpf_fun_builtin_t mpf_vfs_mount_obj = MPF_FUN_INIT_KW(MPF_QSTR_mount, 0, vfs_mount);

// umount(path or obj): obj.umount(), and the mount is gone (the current directory, if it
// was in it, is "/" again).
static mpf_obj_t vfs_umount(mpf_obj_t target) {
    mpf_list_t *l = mpf_obj_ptr(mounts());
    for (size_t i = 0; i < l->len; i++) {
        const mpf_obj_t *m = mount_item(i);
        if (m[0] == target || (MPF_IS_STR(target) && same_text(m[1], target))) {
            mpf_obj_t obj = m[0];  // (held here: the entry leaves the table)
            memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(mpf_obj_t));
            l->items[--l->len] = MPF_OBJ_NULL;
            if (mpf_state.vfs_cur != MPF_OBJ_NULL && ((mpf_tuple_t *)mpf_obj_ptr(mpf_state.vfs_cur))->items[0] == obj) {
                mpf_state.vfs_cur = MPF_OBJ_NULL;
            }
            mpf_obj_t d[2];
            mpf_load_method_maybe(obj, MPF_QSTR_umount, d);
            if (d[0] != MPF_OBJ_NULL) {
                mpf_call_method_n(0, 0, d);
            }
            return MPF_OBJ_NONE;
        }
    }
    mpf_raise_oserror(VFS_EINVAL, MPF_IS_STR(target) ? target : MPF_OBJ_NONE, MPF_OBJ_NONE);
}
const mpf_fun_builtin_t mpf_vfs_umount_obj = MPF_FUN_INIT_1(MPF_QSTR_umount, vfs_umount);

void mpf_vfs_chdir_done(mpf_obj_t vfs) {
    mpf_state.vfs_cur = MPF_OBJ_NULL;
    if (vfs == MPF_OBJ_NULL) {
        return;
    }
    const mpf_list_t *l = mpf_obj_ptr(mounts());
    for (size_t i = 0; i < l->len; i++) {
        if (mount_item(i)[0] == vfs) {
            mpf_state.vfs_cur = l->items[i];
        }
    }
}

mpf_obj_t mpf_vfs_getcwd(void) {
    if (mpf_state.vfs_cur == MPF_OBJ_NULL) {
        return MPF_OBJ_NULL;
    }
    const mpf_obj_t *m = ((mpf_tuple_t *)mpf_obj_ptr(mpf_state.vfs_cur))->items;
    mpf_obj_t mount_point = m[1];  // (held here: the call may umount it)
    mpf_obj_t cwd = mpf_vfs_call(m[0], MPF_QSTR_getcwd, 0, NULL);
    size_t ml, cl;
    const char *mp = mpf_obj_str_data(mount_point, &ml);
    const char *c = mpf_obj_str_data(cwd, &cl);
    while (cl > 0 && c[cl - 1] == '/') {
        cl--;
    }
    if (ml == 1) {
        ml = 0;  // mounted at "/"
    }
    mpf_vstr_t v;
    mpf_vstr_init(&v, ml + cl + 1);
    mpf_vstr_add_strn(&v, mp, ml);
    if (cl > 0 && c[0] != '/') {
        mpf_vstr_add_char(&v, '/');
    }
    mpf_vstr_add_strn(&v, c, cl);
    if (v.len == 0) {
        mpf_vstr_add_char(&v, '/');
    }
    return mpf_vstr_to_str(&v);
}

#if !CONFIG_PORT_HAS_FILESYSTEM
// ---------------------------------------------------------------- a port without files
// Its file system is "/" alone, the directory the mount points are in: what py/port.h's
// file functions report for the paths no mount takes.
long mpf_port_file_size(const char *path) {
    return strcmp(path, "/") == 0 ? -2 : -1;
}

bool mpf_port_file_read(const char *path, uint8_t *buf, size_t len) {
    (void)path;
    (void)buf;
    (void)len;
    return false;
}

int mpf_port_getcwd(char *buf, size_t len) {
    if (len < 2) {
        return VFS_ERANGE;
    }
    buf[0] = '/';
    buf[1] = '\0';
    return 0;
}

int mpf_port_chdir(const char *path) {
    return strcmp(path, "/") == 0 ? 0 : VFS_ENOENT;
}

int mpf_port_listdir(const char *path, void (*fn)(void *env, const char *name), void *env) {
    if (strcmp(path, "/") != 0) {
        return VFS_ENOENT;
    }
    const mpf_list_t *l = mpf_obj_ptr(mounts());
    for (size_t i = 0; i < l->len; i++) {
        const char *mp = mpf_str_cstr(mount_item(i)[1]);
        if (mp[1] != '\0' && strchr(mp + 1, '/') == NULL) {
            fn(env, mp + 1);
        }
    }
    return 0;
}

static int no_file(const char *path) {
    (void)path;
    return VFS_ENOENT;
}
int mpf_port_remove(const char *path) {
    return no_file(path);
}
int mpf_port_mkdir(const char *path) {
    return strcmp(path, "/") == 0 ? VFS_EEXIST : VFS_EPERM;
}
int mpf_port_rmdir(const char *path) {
    return no_file(path);
}
int mpf_port_rename(const char *from, const char *to) {
    (void)to;
    return no_file(from);
}
int mpf_port_statvfs(const char *path, uint32_t out[10]) {
    memset(out, 0, 10 * sizeof(uint32_t));
    return strcmp(path, "/") == 0 ? 0 : VFS_ENOENT;
}
#endif

static const mpf_rom_map_elem_t vfs_members_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_mount), MPF_ROM_PTR(&mpf_vfs_mount_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_umount), MPF_ROM_PTR(&mpf_vfs_umount_obj)},
};
MPF_ROM_MAP(vfs_members, vfs_members_table);

const mpf_builtin_module_t mpf_module_vfs = {MPF_QSTR_vfs, &vfs_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_vfs, mpf_module_vfs);
