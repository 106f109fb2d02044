// import.c -- the import system: sys.modules, builtin (C) modules, the frozen-module
// table, then .mpy files (and packages with __init__.mpy) along sys.path; with the compiler also .py sources.
#include <string.h>
#include "mpf_int.h"
#if CONFIG_COMPILER
#include "compile.h"
#endif
#include "port.h"

// Builtin modules of this build (gen/moduletable.h), consulted after sys.modules and
// before frozen and file modules. The table ends with NULL.
#define MPF_MODULE(q, obj) extern const mpf_builtin_module_t obj;
#include "moduletable.h"
#undef MPF_MODULE
extern const mpf_builtin_module_t mpf_module_builtins;
static const mpf_builtin_module_t *const builtin_modules[] = {
#define MPF_MODULE(q, obj) &obj,
#include "moduletable.h"
#undef MPF_MODULE
    NULL,
};

static mpf_obj_t str_obj(const char *s, size_t len) {
    return mpf_obj_new_str_qstr_maybe(s, len);
}

// The module object of [bm], registered in sys.modules before its init runs (an init may
// import the module's builtin submodules, which find it there).
static mpf_obj_t module_from_builtin(const mpf_builtin_module_t *bm) {
    mpf_obj_t mod = mpf_obj_new_module(bm->name);
    mpf_obj_t g = ((mpf_module_t *)mpf_obj_ptr(mod))->globals;
    mpf_module_store_rom(g, bm->members);
    mpf_dict_store(mpf_state.modules, mpf_obj_new_qstr(bm->name), mod);
    if (bm->init) {
        bm->init(mod);
    }
    return mod;
}

// The builtin module named [q] (builtins too), or NULL.
static const mpf_builtin_module_t *find_builtin(mpf_qstr_t q) {
    if (q == MPF_QSTR_builtins) {
        return &mpf_module_builtins;
    }
    const mpf_builtin_module_t *const *m = builtin_modules;
    while (*m != NULL && (*m)->name != q) {
        m++;
    }
    return *m;
}

#if CONFIG_BUILTIN_HELP
mpf_obj_t mpf_import_module_names(void) {
    mpf_obj_t names = mpf_obj_new_list(0, NULL);
    mpf_list_append(names, mpf_obj_new_qstr(MPF_QSTR_builtins));
    for (const mpf_builtin_module_t *const *m = builtin_modules; *m != NULL; m++) {
        mpf_list_append(names, mpf_obj_new_qstr((*m)->name));
    }
    for (size_t i = 0; i < mpf_frozen_count; i++) {
        const char *name = mpf_frozen_modules[i].name;
        mpf_list_append(names, str_obj(name, strlen(name)));
    }
    mpf_list_sort(names, MPF_OBJ_NULL, false);
    return names;
}
#endif

mpf_module_ctx_t *mpf_import_frozen_ctx(const mpf_frozen_module_t *fm) {
    mpf_module_ctx_t *ctx = mpf_new(mpf_module_ctx_t);
    ctx->qstrs = fm->qstrs;
    ctx->consts = fm->consts;
    return ctx;
}

// Run a loaded module's code as module [name] registered in sys.modules.
static mpf_obj_t exec_module(mpf_qstr_t name, const mpf_raw_code_t *rc, mpf_module_ctx_t *ctx, mpf_obj_t path_dir, mpf_obj_t file) {
    mpf_obj_t mod = mpf_obj_new_module(name);
    mpf_obj_t g = ((mpf_module_t *)mpf_obj_ptr(mod))->globals;
    if (path_dir != MPF_OBJ_NULL) {
        mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR___path__), path_dir);
    }
    if (file != MPF_OBJ_NULL) {
        mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR___file__), file);
    }
    mpf_obj_t key = mpf_obj_new_qstr(name);
    mpf_dict_store(mpf_state.modules, key, mod);
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_vm_run_module(rc, ctx, g);
        mpf_nlr_pop(&nlr);
        return mod;
    }
    mpf_map_lookup(mpf_dict_map(mpf_state.modules), key, MPF_MAP_REMOVE);
    mpf_nlr_raise(nlr.exc);
}

#if CONFIG_PORT_HAS_FILESYSTEM || CONFIG_MODULE_VFS
// The size of the file at [path], -1 absent, -2 a directory: on a mount (CONFIG_MODULE_VFS)
// or the port's.
static long file_size(const char *path) {
#if CONFIG_MODULE_VFS
    long size = mpf_vfs_file_size(path);
    if (size != MPF_VFS_NOT_MOUNTED) {
        return size;
    }
#endif
    return mpf_port_file_size(path);
}

static bool file_read(const char *path, uint8_t *buf, size_t len) {
#if CONFIG_MODULE_VFS
    int r = mpf_vfs_file_read(path, buf, len);
    if (r >= 0) {
        return r == 1;
    }
#endif
    return mpf_port_file_read(path, buf, len);
}

// .mpy files are imported where the port has files (its loader is linked anyway), and
// from a mount with CONFIG_MODULE_VFS_MPY (the loader's cost on a board without files) or
// without the compiler (then .mpy is all a mount can offer).
#define IMPORT_MPY (CONFIG_PORT_HAS_FILESYSTEM || CONFIG_MODULE_VFS_MPY || !CONFIG_COMPILER)

// Load [path] as an .mpy image; raises ImportError on a bad file. NULL if absent.
static bool load_file(const char *path, mpf_load_result_t *res) {
    long size = file_size(path);
    if (size < 0) {
        return false;
    }
    uint8_t *buf = mpf_gc_alloc((size_t)size + 1, false);
    if (!file_read(path, buf, (size_t)size)) {
        mpf_raise_fmt(&mpf_type_OSError, "cannot read %s", path);
    }
#if CONFIG_COMPILER
    size_t pl = strlen(path);
    if (pl > 3 && strcmp(path + pl - 3, ".py") == 0) {
        // source: compiled here (raises SyntaxError naming the file)
        size_t n = (size_t)size;
        const char *src = mpf_compile_decode((const char *)buf, &n);
        *res = mpf_compile(src, n, path, MPF_COMPILE_EXEC);
        return true;
    }
#endif
#if IMPORT_MPY
    *res = mpf_load_mpy(buf, (size_t)size);
    if (res->error != NULL) {
        mpf_raise_fmt(&mpf_type_ImportError, "%s: invalid .mpy file: %s", path, res->error);
    }
    return true;
#else
    (void)res;
    return false;  // (only .py files are looked for)
#endif
}

// Try directory [dir] for module [last] of [fullname]. Returns the module or NULL.
static mpf_obj_t try_dir(mpf_obj_t dir, const char *last, size_t last_len, mpf_qstr_t fullname) {
    size_t dl;
    const char *d = mpf_obj_str_data(dir, &dl);
    mpf_vstr_t v;
    mpf_vstr_init(&v, dl + last_len + 16);
    if (dl > 0) {
        mpf_vstr_add_strn(&v, d, dl);
        if (d[dl - 1] != '/') {
            mpf_vstr_add_char(&v, '/');
        }
    }
    mpf_vstr_add_strn(&v, last, last_len);
    size_t base_len = v.len;
    mpf_load_result_t res;
#if IMPORT_MPY
    mpf_vstr_add_strn(&v, ".mpy", 5);  // with the NUL
    if (load_file(v.buf, &res)) {
        return exec_module(fullname, res.rc, res.ctx, MPF_OBJ_NULL, mpf_obj_new_str(v.buf, v.len - 1));
    }
#endif
#if CONFIG_COMPILER
    v.len = base_len;
    mpf_vstr_add_strn(&v, ".py", 4);
    if (load_file(v.buf, &res)) {
        return exec_module(fullname, res.rc, res.ctx, MPF_OBJ_NULL, mpf_obj_new_str(v.buf, v.len - 1));
    }
#endif
#if IMPORT_MPY
    v.len = base_len;
    mpf_vstr_add_strn(&v, "/__init__.mpy", 14);
    if (load_file(v.buf, &res)) {
        return exec_module(fullname, res.rc, res.ctx, mpf_obj_new_str(v.buf, base_len), mpf_obj_new_str(v.buf, v.len - 1));
    }
#endif
#if CONFIG_COMPILER
    v.len = base_len;
    mpf_vstr_add_strn(&v, "/__init__.py", 13);
    if (load_file(v.buf, &res)) {
        return exec_module(fullname, res.rc, res.ctx, mpf_obj_new_str(v.buf, base_len), mpf_obj_new_str(v.buf, v.len - 1));
    }
#endif
    v.len = base_len;
    mpf_vstr_add_char(&v, 0);
    if (file_size(v.buf) == -2) {
        // a directory without __init__: a namespace package
        mpf_obj_t mod = mpf_obj_new_module(fullname);
        mpf_dict_store(((mpf_module_t *)mpf_obj_ptr(mod))->globals, mpf_obj_new_qstr(MPF_QSTR___path__), mpf_obj_new_str(v.buf, base_len));
        mpf_dict_store(mpf_state.modules, mpf_obj_new_qstr(fullname), mod);
        return mod;
    }
    return MPF_OBJ_NULL;
}
#endif

// Import one module [fullname] whose parent package (or NULL) is [parent]; when it is not
// found, ModuleNotFoundError, or NULL if [quiet].
static mpf_obj_t import_one(mpf_qstr_t fullname, mpf_obj_t parent, const char *last, size_t last_len, bool quiet) {
    mpf_obj_t key = mpf_obj_new_qstr(fullname);
    mpf_obj_t mod = mpf_dict_get(mpf_state.modules, key);
    if (mod != MPF_OBJ_NULL) {
        return mod;
    }
    // (a dotted builtin name is a builtin module's submodule, such as os.path)
    const mpf_builtin_module_t *bm = find_builtin(fullname);
    if (bm != NULL) {
        mod = module_from_builtin(bm);
    }
    size_t fl;
    const char *fs = mpf_qstr_data(fullname, &fl);
    for (size_t i = 0; i < mpf_frozen_count && mod == MPF_OBJ_NULL; i++) {
        const mpf_frozen_module_t *fm = &mpf_frozen_modules[i];
        if (strlen(fm->name) == fl && memcmp(fm->name, fs, fl) == 0) {
            mod = exec_module(fullname, fm->rc, mpf_import_frozen_ctx(fm), fm->is_package ? str_obj(fs, fl) : MPF_OBJ_NULL, MPF_OBJ_NULL);
            break;
        }
    }
#if CONFIG_PORT_HAS_FILESYSTEM || CONFIG_MODULE_VFS
    if (mod == MPF_OBJ_NULL) {
        if (parent != MPF_OBJ_NULL) {
            mpf_obj_t path = !mpf_obj_is_type(parent, &mpf_type_module) ? MPF_OBJ_NULL : mpf_dict_get(((mpf_module_t *)mpf_obj_ptr(parent))->globals, mpf_obj_new_qstr(MPF_QSTR___path__));
            if (path != MPF_OBJ_NULL && MPF_IS_STR(path)) {
                mod = try_dir(path, last, last_len, fullname);
            }
        } else {
            const mpf_list_t *sp = mpf_obj_ptr(mpf_state.sys_path);
            for (size_t i = 0; i < sp->len && mod == MPF_OBJ_NULL; i++) {
                if (MPF_IS_STR(sp->items[i])) {
                    mod = try_dir(sp->items[i], last, last_len, fullname);
                }
            }
        }
    }
#else
    (void)last;
    (void)last_len;
#endif
#if CONFIG_IMPORT_U_ALIASES
    if (mod == MPF_OBJ_NULL && parent == MPF_OBJ_NULL && fl > 1 && fs[0] == 'u') {
        // MicroPython's old name of a builtin module (utime, ujson...): the module itself
        mpf_qstr_t base = mpf_qstr_find(fs + 1, fl - 1);
        if (base != 0 && base != MPF_QSTR_builtins && find_builtin(base) != NULL) {
            return import_one(base, MPF_OBJ_NULL, fs + 1, fl - 1, quiet);
        }
    }
#endif
    if (mod == MPF_OBJ_NULL) {
        if (quiet) {
            return mod;
        }
#if CONFIG_EXC_ATTRS
        mpf_raise_with(mpf_exc_new_fmt(&mpf_type_ModuleNotFoundError, "No module named '%q'", fullname), MPF_QSTR_name, key, 0,
            MPF_OBJ_NULL);
#else
        mpf_raise_fmt(&mpf_type_ModuleNotFoundError, "No module named '%q'", fullname);
#endif
    }
    if (parent != MPF_OBJ_NULL) {
        mpf_store_attr(parent, mpf_qstr_from_strn(last, last_len), mod);
    }
    return mod;
}

#if CONFIG_BUILTIN_HELPERS
mpf_obj_t mpf_import_stmt(mpf_qstr_t name, mpf_obj_t fromlist, mpf_int_t level, mpf_obj_t globals) {
    // builtins.__import__ can only have been replaced by a store into the builtins module, or
    // exec/eval gave the running code builtins of its own
    if (mpf_state.builtins_changed) {
        mpf_obj_t f = mpf_builtin_name(MPF_QSTR___import__);   // (exec's own __builtins__ too)
        if (f == MPF_OBJ_NULL) {
            mpf_raise_msg(&mpf_type_ImportError, "__import__ not found");   // CPython's words
        }
        if (f != mpf_rom_map_get(mpf_builtins_map, MPF_QSTR___import__)) {
            const mpf_obj_t args[5] = {mpf_obj_new_qstr(name), globals, MPF_OBJ_NONE, fromlist, mpf_obj_new_small_int(level)};
            return mpf_call(f, 5, 0, args);
        }
    }
    return mpf_import_name(name, fromlist, level, globals);
}
#endif

MPF_NORETURN static void raise_no_parent(void) {
    mpf_raise_msg(&mpf_type_ImportError, "attempted relative import with no known parent package");
}

mpf_obj_t mpf_import_name(mpf_qstr_t name, mpf_obj_t fromlist, mpf_int_t level, mpf_obj_t globals) {
    size_t nl;
    const char *ns = mpf_qstr_data(name, &nl);
    mpf_vstr_t full;
    mpf_vstr_init(&full, nl + 16);
    if (level > 0) {
        mpf_obj_t cur = mpf_dict_get(globals, mpf_obj_new_qstr(MPF_QSTR___name__));
        mpf_obj_t is_pkg = mpf_dict_get(globals, mpf_obj_new_qstr(MPF_QSTR___path__));
        if (cur == MPF_OBJ_NULL || !MPF_IS_STR(cur)) {
            raise_no_parent();
        }
        size_t cl;
        const char *cs = mpf_obj_str_data(cur, &cl);
        size_t plen = cl;
        mpf_int_t up = is_pkg != MPF_OBJ_NULL ? level - 1 : level;
        for (mpf_int_t i = 0; i < up; i++) {
            while (plen > 0 && cs[plen - 1] != '.') {
                plen--;
            }
            if (plen == 0) {
                raise_no_parent();
            }
            plen--;
        }
        // (a module that is not a package strips at least its own name: __main__ has no
        // parent left)
        if (plen == 0) {
            raise_no_parent();
        }
        mpf_vstr_add_strn(&full, cs, plen);
        if (nl > 0) {
            mpf_vstr_add_char(&full, '.');
        }
    }
    mpf_vstr_add_strn(&full, ns, nl);
    // import each dotted prefix
    mpf_obj_t top = MPF_OBJ_NULL, parent = MPF_OBJ_NULL, mod = MPF_OBJ_NULL;
    size_t start = 0;
    for (size_t i = 0; i <= full.len; i++) {
        if (i == full.len || full.buf[i] == '.') {
            mpf_qstr_t q = mpf_qstr_from_strn(full.buf, i);
            mod = import_one(q, parent, full.buf + start, i - start, false);
            if (top == MPF_OBJ_NULL) {
                top = mod;
            }
            parent = mod;
            start = i + 1;
        }
    }
    bool has_from = fromlist != MPF_OBJ_NONE && fromlist != MPF_OBJ_NULL && mpf_obj_is_true(fromlist);
    if (has_from || level > 0) {
        return mod;
    }
    return top;
}

mpf_obj_t mpf_import_from(mpf_obj_t mod, mpf_qstr_t name) {
    // (an AttributeError, from a module's __getattr__, is the ImportError below)
    mpf_obj_t v = mpf_builtin_attr_or_null(mod, name, false);
    if (v != MPF_OBJ_NULL) {
        return v;
    }
    if (mpf_obj_is_type(mod, &mpf_type_module)) {
        mpf_obj_t g = ((mpf_module_t *)mpf_obj_ptr(mod))->globals;
        mpf_obj_t mname = mpf_dict_get(g, mpf_obj_new_qstr(MPF_QSTR___name__));
        if (mpf_dict_get(g, mpf_obj_new_qstr(MPF_QSTR___path__)) != MPF_OBJ_NULL && mname != MPF_OBJ_NULL && MPF_IS_STR(mname)) {
            size_t ml, nl;
            const char *ms = mpf_obj_str_data(mname, &ml);
            const char *ns = mpf_qstr_data(name, &nl);
            mpf_vstr_t v;
            mpf_vstr_init(&v, ml + nl + 2);
            mpf_vstr_add_strn(&v, ms, ml);
            mpf_vstr_add_char(&v, '.');
            mpf_vstr_add_strn(&v, ns, nl);
            // a submodule not imported yet (an error inside it is raised as it is)
            mpf_obj_t sub = import_one(mpf_qstr_from_strn(v.buf, v.len), mod, ns, nl, true);
            if (sub != MPF_OBJ_NULL) {
                return sub;
            }
        }
#if CONFIG_EXC_ATTRS
        // (with the module's name and file, as CPython's)
        mpf_obj_t file = mpf_dict_get(g, mpf_obj_new_qstr(MPF_QSTR___file__));
        mpf_obj_t e = file != MPF_OBJ_NULL && MPF_IS_STR(file)
            ? mpf_exc_new_fmt(&mpf_type_ImportError, "cannot import name '%q' from %R (%O)", name, mname ? mname : MPF_OBJ_NONE, file)
            : mpf_exc_new_fmt(&mpf_type_ImportError, "cannot import name '%q' from %R (unknown location)", name, mname ? mname : MPF_OBJ_NONE);
        mpf_raise_with(e, MPF_QSTR_name, mname, MPF_QSTR_path, file);
#else
        mpf_raise_fmt(&mpf_type_ImportError, "cannot import name '%q' from '%O' (unknown location)", name, mname ? mname : MPF_OBJ_NONE);
#endif
    }
    mpf_raise_fmt(&mpf_type_ImportError, "cannot import name '%q'", name);
}

// The name [k] of an entry `from [mod] import *` copies: a str, else TypeError naming [what].
static const char *import_all_name(mpf_obj_t k, const char *what, size_t *len) {
    if (!MPF_IS_STR(k)) {
        mpf_raise_fmt(&mpf_type_TypeError, "%s must be str, not %T", what, k);
    }
    return mpf_obj_str_data(k, len);
}

// `from [mod] import *` into [dict]: the names in [mod]'s __all__, else those of its
// __dict__ not starting with '_', each bound to getattr([mod], name), as CPython does. [mod]
// is usually a module, but sys.modules may hold any object (a class, an instance: their
// __dict__ views, with CONFIG_CLASS_DICT).
void mpf_import_all(mpf_obj_t mod, mpf_obj_t dict) {
    mpf_obj_t names = mpf_builtin_attr_or_null(mod, MPF_QSTR___all__, false);  // (getattr(mod, '__all__', None))
    bool all = names != MPF_OBJ_NULL;
    if (!all) {
        names = mpf_builtin_attr_or_null(mod, MPF_QSTR___dict__, false);
        if (names == MPF_OBJ_NULL) {
            mpf_raise_msg(&mpf_type_ImportError, "from-import-* object has no __dict__ and no __all__");
        }
    }
    mpf_obj_t it = mpf_getiter(names), n;
    while ((n = mpf_iternext(it)) != MPF_OBJ_STOP) {
        size_t len;
        const char *s = import_all_name(n, all ? "Item in __all__" : "Key in __dict__", &len);
        if (all || len == 0 || s[0] != '_') {
            mpf_qstr_t q = mpf_qstr_from_strn(s, len);
            // (an item store: exec's locals may be any mapping)
            mpf_subscr(dict, mpf_obj_new_qstr(q), mpf_load_attr(mod, q));
        }
    }
}
