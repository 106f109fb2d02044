// mod_sys.c -- the sys module: argv, path, modules, exit, stdout/stderr, platform...
#include "mpf_int.h"
#include "port.h"

static mpf_obj_t sys_exit(size_t n_args, const mpf_obj_t *args) {
    mpf_raise(mpf_exc_new(&mpf_type_SystemExit, n_args, args));
}

// Text streams: sys.stdin, sys.stdout, sys.stderr, known by their names.
typedef struct textio {
    mpf_obj_base_t base;
    uintptr_t name;  // MPF_QSTR_stdin, MPF_QSTR_stdout or MPF_QSTR_stderr
} textio_t;

// write(s): a str, or (as MicroPython's consoles take, and the file transfers of ampy and
// rshell send: sys.stdout.write(hexlify(data))) a bytes-like object, its bytes as they are.
// Returns the characters written (as len() counts them), or the bytes.
static mpf_obj_t textio_write(mpf_obj_t self, mpf_obj_t s) {
    const textio_t *t = mpf_obj_ptr(self);
    size_t len;
    const char *d = mpf_obj_write_data(s, &len);
    if (t->name == MPF_QSTR_stderr) {
        mpf_port_stderr_write(d, len);
    } else {
        mpf_port_stdout_write(d, len);
    }
#if CONFIG_STR_UNICODE
    if (MPF_IS_STR(s)) {
        len = mpf_utf8_charlen((const uint8_t *)d, len);
    }
#endif
    return mpf_obj_new_small_int((mpf_int_t)len);
}

static mpf_obj_t textio_flush(mpf_obj_t self) {
    (void)self;
    return MPF_OBJ_NONE;
}

// Up to [n] characters of stdin (all when n < 0; bytes as len() counts them without
// CONFIG_STR_UNICODE), stopping after a newline when [line].
static mpf_obj_t stdin_read(mpf_int_t n, bool line) {
    mpf_vstr_t v;
    mpf_vstr_init(&v, 32);
    int c;
    mpf_int_t chars = 0;
    while ((n < 0 || chars < n) && (c = mpf_port_stdin_read()) >= 0) {
        mpf_vstr_add_char(&v, (char)c);
        chars++;
#if CONFIG_STR_UNICODE
        // n counts characters: take the rest of a multi-byte one with it
        for (unsigned k = mpf_utf8_tail_len((uint8_t)c); k > 0 && (c = mpf_port_stdin_read()) >= 0; k--) {
            mpf_vstr_add_char(&v, (char)c);
        }
#endif
        if (line && c == '\n') {
            break;
        }
    }
    return mpf_str_from_utf8(v.buf, v.len);
}

// read([size]) (mode 0) and readline([size]) (mode 1)
static mpf_obj_t textio_read_m(size_t n_args, const mpf_obj_t *args, unsigned line) {
    return stdin_read(n_args > 1 && args[1] != MPF_OBJ_NONE ? mpf_obj_get_int(args[1]) : -1, line);
}

#if CONFIG_MODULE_IO
// for line in sys.stdin: readline() until the end of input (streams iterate with io)
static mpf_obj_t textio_iternext(mpf_obj_t self) {
    (void)self;
    const mpf_obj_t line = stdin_read(-1, true);
    return mpf_obj_len(line) == 0 ? MPF_OBJ_STOP : line;
}
#define TEXTIO_ITER (getiter, mpf_iter_self), (iternext, textio_iternext),
#else
#define TEXTIO_ITER
#endif

// readinto(buf[, n]) (MicroPython's; rshell's upload takes the file's hex through it): up to
// n bytes (len(buf) by default) of stdin into buf, fewer only at the end of input. Returns
// the number read.
static mpf_obj_t textio_readinto(size_t n_args, const mpf_obj_t *args) {
    mpf_buffer_t b;
    size_t n = mpf_obj_readinto_args(n_args, args, &b);
    size_t got = 0;
    int c;
    while (got < n && (c = mpf_port_stdin_read()) >= 0) {
        ((uint8_t *)b.buf)[got++] = (uint8_t)c;
    }
    return mpf_obj_new_small_int((mpf_int_t)got);
}

#if CONFIG_MODULE_SELECT
// select.poll() of a stream (no other code asks)
static uintptr_t textio_poll(mpf_obj_t self, uintptr_t events) {
    const textio_t *t = mpf_obj_ptr(self);
    if (t->name == MPF_QSTR_stdin) {
        return events & MPF_POLL_IN && mpf_port_stdin_ready() ? MPF_POLL_IN : 0;
    }
    return events & MPF_POLL_OUT;
}
#endif

#if CONFIG_MODULE_VFS
// ---------------------------------------------------------------- sys.stdin/stdout.buffer
// The console's bytes as they are (no "\n" -> "\r\n" on output, bytes on input): the binary
// protocol of mpremote's mount. Objects laid out as the text streams, of their own type.
static const mpf_type_t bufio_type;
static const textio_t sys_stdin_buffer_obj = {{&bufio_type}, MPF_QSTR_stdin};
static const textio_t sys_stdout_buffer_obj = {{&bufio_type}, MPF_QSTR_stdout};

// [buf]'s bytes, at most [args[2]] of them when given.
static mpf_buffer_t buffer_arg(size_t n_args, const mpf_obj_t *args) {
    mpf_buffer_t b;
    if (MPF_IS_STR(args[1]) || !mpf_obj_get_buffer(args[1], &b, false)) {
        mpf_raise_fmt(&mpf_type_TypeError, "a bytes-like object is required, not '%T'", args[1]);
    }
    if (n_args > 2) {
        mpf_int_t n = mpf_obj_get_int(args[2]);
        if (n >= 0 && (size_t)n < b.len) {
            b.len = (size_t)n;
        }
    }
    return b;
}

// write(buf[, n]): the bytes to the console as they are; their count.
static mpf_obj_t bufio_write(size_t n_args, const mpf_obj_t *args) {
    mpf_buffer_t b = buffer_arg(n_args, args);
    mpf_port_stdout_write_bin(b.buf, b.len);
    return mpf_obj_new_small_int((mpf_int_t)b.len);
}

// (readinto is the text stream's: stdin's bytes are the same either way)
// read(n): n bytes of stdin (fewer at the end of input).
static mpf_obj_t bufio_read(mpf_obj_t self, mpf_obj_t n_obj) {
    (void)self;
    mpf_int_t n = mpf_obj_get_int(n_obj);
    mpf_vstr_t v;
    mpf_vstr_init(&v, n > 0 ? (size_t)n : 1);
    for (int c; (mpf_int_t)v.len < n && (c = mpf_port_stdin_read()) >= 0;) {
        mpf_vstr_add_char(&v, (char)c);
    }
    return mpf_vstr_to_bytes(&v);
}
#endif

static const mpf_rom_map_elem_t textio_locals_table[] = {
    MPF_ROM_FUN_MODE(MPF_QSTR_read, 1, 2, textio_read_m, 0),
    MPF_ROM_FUN_2(MPF_QSTR_write, textio_write),
    MPF_ROM_FUN_1(MPF_QSTR_flush, textio_flush),
    MPF_ROM_FUN_MODE(MPF_QSTR_readline, 1, 2, textio_read_m, 1),
    MPF_ROM_FUN_VAR(MPF_QSTR_readinto, 2, 3, textio_readinto),
};
MPF_ROM_MAP(textio_locals, textio_locals_table);

#if CONFIG_MODULE_VFS
static void textio_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    const textio_t *t = mpf_obj_ptr(self);
    if (dest[0] == MPF_OBJ_NULL && attr == MPF_QSTR_buffer && t->name != MPF_QSTR_stderr) {
        dest[0] = mpf_obj_from_ptr(t->name == MPF_QSTR_stdin ? &sys_stdin_buffer_obj : &sys_stdout_buffer_obj);
    }
}

static const mpf_rom_map_elem_t bufio_locals_table[] = {
    MPF_ROM_FUN_2(MPF_QSTR_read, bufio_read),
    MPF_ROM_FUN_VAR(MPF_QSTR_readinto, 2, 3, textio_readinto),
    MPF_ROM_FUN_VAR(MPF_QSTR_write, 2, 3, bufio_write),
    MPF_ROM_FUN_1(MPF_QSTR_flush, textio_flush),
};
MPF_ROM_MAP(bufio_locals, bufio_locals_table);
#define TEXTIO_ATTR (attr, textio_attr),
#else
#define TEXTIO_ATTR
#endif

static void textio_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const textio_t *t = mpf_obj_ptr(self);
    mpf_printf(p, "<_io.TextIOWrapper name='<%q>' mode='%c' encoding='utf-8'>", (mpf_qstr_t)t->name,
        t->name == MPF_QSTR_stdin ? 'r' : 'w');
}

#if CONFIG_MODULE_SELECT
static const mpf_type_ext_t textio_poll_ext = {.poll = textio_poll};
#endif
#if CONFIG_MODULE_SELECT
#define TEXTIO_EXT , (ext, &textio_poll_ext)
#else
#define TEXTIO_EXT
#endif
const mpf_type_t mpf_type_textio = MPF_TYPE(MPF_QSTR_TextIOWrapper, 0,
    (print, textio_print), TEXTIO_ATTR
    TEXTIO_ITER
    (locals, &textio_locals) TEXTIO_EXT);
#if CONFIG_MODULE_VFS
static const mpf_type_t bufio_type = MPF_TYPE(MPF_QSTR_FileIO, 0,
    (locals, &bufio_locals) TEXTIO_EXT);
#endif

static const textio_t sys_stdin_obj = {{&mpf_type_textio}, MPF_QSTR_stdin};
static const textio_t sys_stdout_obj = {{&mpf_type_textio}, MPF_QSTR_stdout};
static const textio_t sys_stderr_obj = {{&mpf_type_textio}, MPF_QSTR_stderr};

// print_exception(exc, file=sys.stdout)
static mpf_obj_t sys_print_exception(size_t n_args, const mpf_obj_t *args) {
    // (to a file given, sys.stdout too: through its write())
    mpf_obj_t file = n_args > 1 ? args[1] : MPF_OBJ_NULL;
#if CONFIG_MODULE_IO
    if (file != MPF_OBJ_NULL) {
        // not a stream (no write method): MicroPython's OSError EINVAL, before anything prints
        mpf_obj_t dest[2];
        mpf_load_method_maybe(file, MPF_QSTR_write, dest);
        if (dest[0] == MPF_OBJ_NULL) {
            mpf_raise_oserror(22, MPF_OBJ_NONE, MPF_OBJ_NONE);
        }
    }
#endif
    const mpf_print_t fp = {&file, mpf_builtin_print_file_write};
    mpf_exc_print_tb(file != MPF_OBJ_NULL ? &fp : &mpf_print_stdout, args[0]);
    return MPF_OBJ_NONE;
}

#if CONFIG_BUILTIN_HELPERS
// getsizeof(obj): the heap bytes of [obj] and of the array a list or dict keeps its items
// in (not of the items), as CPython counts; one word for an object outside the heap.
static mpf_obj_t sys_getsizeof(mpf_obj_t o) {
    size_t n = sizeof(mpf_obj_t);
    if (mpf_obj_is_ptr(o) && mpf_gc_nbytes(mpf_obj_ptr(o)) != 0) {
        n = mpf_gc_nbytes(mpf_obj_ptr(o));
        if (mpf_obj_is_type(o, &mpf_type_list)) {
            n += mpf_gc_nbytes(((const mpf_list_t *)mpf_obj_ptr(o))->items);
        } else if (mpf_obj_is_type(o, &mpf_type_dict)) {
            n += mpf_gc_nbytes(((const mpf_dict_t *)mpf_obj_ptr(o))->map.elems);
        }
    }
    return mpf_obj_new_int((mpf_int_t)n);
}
#endif

// sys.implementation: an object with name and version. The name is our own, 'mpforge': a
// program testing for 'micropython' takes that interpreter's code paths, which rely on its
// departures from CPython (negative int.to_bytes() without signed=, a metaclass __init__ run
// after a __new__ returning a plain type...) that this core does not copy.
static void impl_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    (void)self;
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    if (attr == MPF_QSTR_name) {
        dest[0] = mpf_obj_new_qstr(MPF_QSTR_mpforge);
    } else if (attr == MPF_QSTR_version) {
        mpf_obj_t v[3] = {mpf_obj_new_small_int(0), mpf_obj_new_small_int(1), mpf_obj_new_small_int(0)};
        dest[0] = mpf_obj_new_tuple(3, v);
    } else if (attr == MPF_QSTR__mpy) {
        dest[0] = mpf_obj_new_small_int(0x0306);
    }
}

static void impl_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)self;
    (void)kind;
    mpf_print_str(p, "namespace(name='mpforge', version=(0, 1, 0))");
}

const mpf_type_t mpf_type_sys_impl = MPF_TYPE(MPF_QSTR_SimpleNamespace, 0,
    (print, impl_print),
    (attr, impl_attr));
static const mpf_obj_singleton_t sys_impl_obj = {{&mpf_type_sys_impl}};

static const struct {
    mpf_obj_base_t base;
    size_t len;
    mpf_obj_t items[3];
} version_info_obj = {{&mpf_type_tuple}, 3, {MPF_ROM_INT(3), MPF_ROM_INT(11), MPF_ROM_INT(0)}};

static const mpf_rom_map_elem_t sys_members_table[] = {
    MPF_ROM_FUN_VAR(MPF_QSTR_exit, 0, 1, sys_exit),
    {MPF_ROM_QSTR(MPF_QSTR_stdin), MPF_ROM_PTR(&sys_stdin_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_stdout), MPF_ROM_PTR(&sys_stdout_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_stderr), MPF_ROM_PTR(&sys_stderr_obj)},
    MPF_ROM_FUN_VAR(MPF_QSTR_print_exception, 1, 2, sys_print_exception),
#if CONFIG_EXC_ATTRS
    MPF_ROM_FUN_0(MPF_QSTR_exc_info, mpf_exc_info),
#endif
    {MPF_ROM_QSTR(MPF_QSTR_implementation), MPF_ROM_PTR(&sys_impl_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_version_info), MPF_ROM_PTR(&version_info_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_byteorder), MPF_ROM_QSTR(MPF_QSTR_little)},
#if CONFIG_BUILTIN_HELPERS
    MPF_ROM_FUN_1(MPF_QSTR_getsizeof, sys_getsizeof),
#endif
};
MPF_ROM_MAP(sys_members, sys_members_table);

// the language level (as sys.version_info) and our own identity
#define SYS_VERSION "3.11.0; mpforge 0.1.0"

static void sys_init(mpf_obj_t mod) {
    mpf_obj_t g = ((mpf_module_t *)mpf_obj_ptr(mod))->globals;
    mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR_argv), mpf_state.sys_argv);
    mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR_path), mpf_state.sys_path);
    mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR_modules), mpf_state.modules);
    mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR_platform), mpf_obj_new_str(mpf_port_platform, strlen(mpf_port_platform)));
#if CONFIG_INT_BIG
    // the largest machine-word int, as CPython's Py_ssize_t (2**63-1 on 64-bit hosts)
    mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR_maxsize), mpf_obj_new_int_from_ll(INTPTR_MAX));
#else
    mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR_maxsize), mpf_obj_new_int(MPF_SMALL_INT_MAX));
#endif
    mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR_version), mpf_obj_new_str(SYS_VERSION, sizeof(SYS_VERSION) - 1));
}

MPF_REGISTER_MODULE(MPF_QSTR_sys, mpf_module_sys);
const mpf_builtin_module_t mpf_module_sys = {MPF_QSTR_sys, &sys_members, sys_init};
