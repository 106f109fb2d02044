// mod_os_path.c -- the os.path submodule (CONFIG_MODULE_OS_PATH, on ports with a file system):
// CPython's posixpath for str paths: join, split, basename, dirname, splitext, isabs,
// normpath, abspath, and exists, isdir, isfile through the port's file functions.
// Registered as the builtin module "os.path"; os binds it as its attribute path (mod_os.c).
#include "mpf.h"
#include "port.h"

// The bytes of the str path argument [o], else CPython's TypeError (bytes paths are not
// supported: they raise it too).
static const char *path_data(mpf_obj_t o, size_t *len) {
    if (!MPF_IS_STR(o)) {
        mpf_raise_fmt(&mpf_type_TypeError, "expected str, bytes or os.PathLike object, not %T", o);
    }
    return mpf_obj_str_data(o, len);
}

// The index after the last '/' of [s] (0 without one): where the tail starts.
static size_t tail_start(const char *s, size_t n) {
    while (n > 0 && s[n - 1] != '/') {
        n--;
    }
    return n;
}

// The length of the head of [s] (of [i] bytes, up to its last '/'): without its trailing
// slashes unless it is slashes only, as posixpath.split.
static size_t head_len(const char *s, size_t i) {
    size_t h = i;
    while (h > 0 && s[h - 1] == '/') {
        h--;
    }
    return h == 0 ? i : h;
}

static mpf_obj_t path_split(mpf_obj_t path) {
    size_t n;
    const char *s = path_data(path, &n);
    size_t i = tail_start(s, n);
    const mpf_obj_t items[2] = {mpf_obj_new_str(s, head_len(s, i)), mpf_obj_new_str(s + i, n - i)};
    return mpf_obj_new_tuple(2, items);
}

static mpf_obj_t path_basename(mpf_obj_t path) {
    size_t n;
    const char *s = path_data(path, &n);
    size_t i = tail_start(s, n);
    return mpf_obj_new_str(s + i, n - i);
}

static mpf_obj_t path_dirname(mpf_obj_t path) {
    size_t n;
    const char *s = path_data(path, &n);
    return mpf_obj_new_str(s, head_len(s, tail_start(s, n)));
}

// splitext(p): (root, ext), ext from the last '.' of the last component that is not one of
// its leading dots ('.bashrc' has no extension).
static mpf_obj_t path_splitext(mpf_obj_t path) {
    size_t n;
    const char *s = path_data(path, &n);
    size_t start = tail_start(s, n), dot = n;
    while (dot > start && s[dot - 1] != '.') {
        dot--;
    }
    size_t cut = n;
    if (dot > start) {
        for (size_t i = start; i < dot - 1; i++) {
            if (s[i] != '.') {
                cut = dot - 1;
                break;
            }
        }
    }
    const mpf_obj_t items[2] = {mpf_obj_new_str(s, cut), mpf_obj_new_str(s + cut, n - cut)};
    return mpf_obj_new_tuple(2, items);
}

static mpf_obj_t path_isabs(mpf_obj_t path) {
    size_t n;
    const char *s = path_data(path, &n);
    return mpf_obj_bool(n > 0 && s[0] == '/');
}

// join(a, *p): each absolute part restarts the path; a '/' between parts where the path so
// far does not end with one.
static mpf_obj_t path_join(size_t n_args, const mpf_obj_t *args) {
    mpf_vstr_t v;
    mpf_vstr_init(&v, 32);
    for (size_t k = 0; k < n_args; k++) {
        if (k > 0 && !MPF_IS_STR(args[k])) {
            mpf_raise_fmt(&mpf_type_TypeError, "join() argument must be str, bytes, or os.PathLike object, not '%T'", args[k]);
        }
        size_t n;
        const char *s = path_data(args[k], &n);
        if (n > 0 && s[0] == '/') {
            v.len = 0;
        } else if (v.len > 0 && v.buf[v.len - 1] != '/') {
            mpf_vstr_add_char(&v, '/');
        }
        mpf_vstr_add_strn(&v, s, n);
    }
    return mpf_vstr_to_str(&v);
}

// normpath(p) of the bytes [s]: '.' and empty components dropped, 'x/..' folded, '..' kept
// at the start of a relative path and dropped at the root; one or three-plus leading slashes
// become one, exactly two stay (POSIX leaves '//' to the implementation); '' is '.'.
static mpf_obj_t normpath_str(const char *s, size_t n) {
    if (n == 0) {
        return mpf_obj_new_str(".", 1);
    }
    size_t lead = s[0] != '/' ? 0 : n >= 2 && s[1] == '/' && (n == 2 || s[2] != '/') ? 2 : 1;
    mpf_vstr_t v;
    mpf_vstr_init(&v, n + 1);
    mpf_vstr_add_strn(&v, "//", lead);
    size_t kept = 0, dotdots = 0;  // components in v; the leading '..' among them
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && s[b] != '/') {
            b++;
        }
        size_t len = b - a;
        bool up = len == 2 && s[a] == '.' && s[a + 1] == '.';
        if (up && kept > dotdots) {
            // drop the last component (not a '..')
            if (--kept == 0) {
                v.len = lead;
            } else {
                while (v.buf[--v.len] != '/') {
                }
            }
        } else if ((len > 1 || (len == 1 && s[a] != '.')) && !(up && lead > 0)) {
            if (kept++ > 0) {
                mpf_vstr_add_char(&v, '/');
            }
            mpf_vstr_add_strn(&v, s + a, len);
            dotdots += up;
        }
        a = b + 1;
    }
    if (v.len == 0) {
        mpf_vstr_add_char(&v, '.');
    }
    return mpf_vstr_to_str(&v);
}

static mpf_obj_t path_normpath(mpf_obj_t path) {
    size_t n;
    const char *s = path_data(path, &n);
    return normpath_str(s, n);
}

// abspath(p): normpath(join(getcwd(), p)).
static mpf_obj_t path_abspath(mpf_obj_t path) {
    size_t n;
    const char *s = path_data(path, &n);
    if (n > 0 && s[0] == '/') {
        return normpath_str(s, n);
    }
    char cwd[512];
    int e = mpf_port_getcwd(cwd, sizeof(cwd));
    if (e != 0) {
        mpf_raise_oserror(e, MPF_OBJ_NONE, MPF_OBJ_NONE);
    }
    mpf_vstr_t v;
    mpf_vstr_init(&v, strlen(cwd) + n + 2);
    mpf_vstr_add_strn(&v, cwd, strlen(cwd));
    mpf_vstr_add_char(&v, '/');
    mpf_vstr_add_strn(&v, s, n);
    return normpath_str(v.buf, v.len);
}

// What the port reports for the path [o]: -1 absent, -2 a directory, else a file's size.
static long path_stat(mpf_obj_t o) {
    if (!MPF_IS_STR(o)) {
        mpf_raise_fmt(&mpf_type_TypeError, "stat: path should be string, bytes, os.PathLike or integer, not %T", o);
    }
    return mpf_port_file_size(mpf_str_cstr(o));
}

static mpf_obj_t path_exists(mpf_obj_t path) {
    return mpf_obj_bool(path_stat(path) != -1);
}

static mpf_obj_t path_isdir(mpf_obj_t path) {
    return mpf_obj_bool(path_stat(path) == -2);
}

static mpf_obj_t path_isfile(mpf_obj_t path) {
    return mpf_obj_bool(path_stat(path) >= 0);
}

static const mpf_rom_map_elem_t os_path_members_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_sep), MPF_ROM_QSTR(MPF_QSTRE__2f)},
    MPF_ROM_FUN_VAR(MPF_QSTR_join, 1, MPF_FUN_ARGS_ANY, path_join),
    MPF_ROM_FUN_1(MPF_QSTR_split, path_split),
    MPF_ROM_FUN_1(MPF_QSTR_basename, path_basename),
    MPF_ROM_FUN_1(MPF_QSTR_dirname, path_dirname),
    MPF_ROM_FUN_1(MPF_QSTR_splitext, path_splitext),
    MPF_ROM_FUN_1(MPF_QSTR_isabs, path_isabs),
    MPF_ROM_FUN_1(MPF_QSTR_normpath, path_normpath),
    MPF_ROM_FUN_1(MPF_QSTR_abspath, path_abspath),
    MPF_ROM_FUN_1(MPF_QSTR_exists, path_exists),
    MPF_ROM_FUN_1(MPF_QSTR_isdir, path_isdir),
    MPF_ROM_FUN_1(MPF_QSTR_isfile, path_isfile),
};
MPF_ROM_MAP(os_path_members, os_path_members_table);

const mpf_builtin_module_t mpf_module_os_path = {MPF_QSTRE_os_2epath, &os_path_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTRE_os_2epath, mpf_module_os_path);
