// builtins.c -- the builtins namespace: builtin functions and the table of builtin names.
#include "mpf_int.h"
#if CONFIG_COMPILER
#include "compile.h"
#endif
#if CONFIG_REPL
#include "repl.h"
#endif
#include "port.h"

// ---------------------------------------------------------------- print / I/O
typedef struct {
    mpf_obj_t file;     // NULL: stdout
    const mpf_print_t *p;
    mpf_vstr_t buf;
} print_target_t;

// print()'s keyword [kw] (sep or end): its text, or [dflt] (one character) when it is
// absent or None; *len: the text's length.
static const char *print_text_kw(size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_qstr_t kw, const char *dflt,
    size_t *len) {
    mpf_obj_t v = mpf_arg_kw(n_args, n_kw, args, kw);
    if (v == MPF_OBJ_NULL || v == MPF_OBJ_NONE) {
        *len = 1;
        return dflt;
    }
    if (!MPF_IS_STR(v)) {
        mpf_raise_fmt(&mpf_type_TypeError, "%q must be None or a string, not %T", kw, v);
    }
    return mpf_obj_str_data(v, len);
}

#if CONFIG_MODULE_MICROPYTHON
// With heap_lock() available, print() to stdout collects its text in a buffer on the C
// stack, written out when full and at the end: it works while the heap is locked
// (without it, in a vstr on the heap).
typedef struct print_buf {
    size_t len;
    char data[128];
} print_buf_t;

static void print_buf_flush(print_buf_t *b) {
    mpf_port_stdout_write(b->data, b->len);
    b->len = 0;
}

static void print_buf_write(void *env, const char *s, size_t n) {
    print_buf_t *b = env;
    if (b->len + n > sizeof(b->data)) {
        print_buf_flush(b);
        if (n > sizeof(b->data)) {
            mpf_port_stdout_write(s, n);
            return;
        }
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
}
#endif

// A printer's write for a file object: [*env]'s write() called with the piece as a str,
// empty ones too (print(file=f), sys.print_exception(exc, f)).
void mpf_builtin_print_file_write(void *env, const char *s, size_t n) {
    mpf_obj_t dest[3];
    mpf_load_method(*(const mpf_obj_t *)env, MPF_QSTR_write, dest);
    dest[2] = mpf_obj_new_str(s, n);
    mpf_call_method_n(1, 0, dest);
}

static mpf_obj_t builtin_print(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
#if CONFIG_BUILTIN_EXTRAS
    static const mpf_qstr_t kws[] = {MPF_QSTR_sep, MPF_QSTR_end, MPF_QSTR_file, MPF_QSTR_flush};
#else
    static const mpf_qstr_t kws[] = {MPF_QSTR_sep, MPF_QSTR_end, MPF_QSTR_flush};
#endif
    mpf_arg_check_kw(n_args, n_kw, args, SIZE_MAX, sizeof(kws) / sizeof(kws[0]), kws);
    size_t sep_l, end_l;
    const char *sep_s = print_text_kw(n_args, n_kw, args, MPF_QSTR_sep, " ", &sep_l);
    const char *end_s = print_text_kw(n_args, n_kw, args, MPF_QSTR_end, "\n", &end_l);
#if CONFIG_MODULE_MICROPYTHON
    mpf_print_t pb;
    print_buf_t buf;
    buf.len = 0;
    pb.env = &buf;
    pb.write = print_buf_write;
    const mpf_print_t *p = &pb;
#else
    const mpf_print_t *p = &mpf_print_stdout;  // each piece written as it comes, as CPython's
#endif
#if CONFIG_BUILTIN_EXTRAS
    mpf_obj_t file = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_file);
    const mpf_print_t fp = {&file, mpf_builtin_print_file_write};
    bool to_file = file != MPF_OBJ_NULL && file != MPF_OBJ_NONE;
    if (to_file) {
        p = &fp;
    }
#else
    const bool to_file = false;
#endif
    // (to a file, as CPython: one file.write() per argument, separator and end, empty too)
    for (size_t i = 0; i < n_args; i++) {
        if (i > 0) {
            p->write(p->env, sep_s, sep_l);
        }
        if (to_file) {
            size_t n;
            const char *s = mpf_obj_str_data(mpf_obj_str(args[i]), &n);
            p->write(p->env, s, n);
        } else {
            mpf_obj_print(p, args[i], MPF_PRINT_STR);
        }
    }
    p->write(p->env, end_s, end_l);
#if CONFIG_MODULE_MICROPYTHON
    print_buf_flush(&buf);
#endif
    return MPF_OBJ_NONE;
}

#if CONFIG_BUILTIN_HELPERS
// A line ends at '\n', or at '\r' as a serial terminal's Enter sends it; the '\n' of a
// "\r\n" pair is then skipped at the start of the next line.
static bool input_skip_lf;

static mpf_obj_t builtin_input(size_t n_args, const mpf_obj_t *args) {
    mpf_vstr_t v;
    mpf_vstr_init(&v, 32);
    if (n_args > 0) {
        mpf_obj_t s = mpf_obj_str(args[0]);
        size_t len;
        const char *d = mpf_obj_str_data(s, &len);
        mpf_port_stdout_write(d, len);
    }
#if CONFIG_REPL
    if (mpf_readline_input) {  // a console: the REPL's line editor, with echo
        if (!mpf_readline_for_input(&v)) {
            mpf_raise_msg(&mpf_type_EOFError, "EOF when reading a line");
        }
        return mpf_str_from_utf8(v.buf, v.len);
    }
#endif
    for (;;) {
        int c = mpf_port_stdin_read();
        if (c < 0) {
            if (v.len == 0) {
                mpf_raise_msg(&mpf_type_EOFError, "EOF when reading a line");
            }
            break;
        }
        bool skip = input_skip_lf && c == '\n' && v.len == 0;
        input_skip_lf = c == '\r';
        if (skip) {
            continue;
        }
        if (c == '\n' || c == '\r') {
            break;
        }
        mpf_vstr_add_char(&v, (char)c);
    }
    return mpf_str_from_utf8(v.buf, v.len);
}
#endif // CONFIG_BUILTIN_HELPERS

// ---------------------------------------------------------------- simple functions
static mpf_obj_t builtin_len(mpf_obj_t o) {
    mpf_obj_t r = mpf_obj_len_maybe(o);
    if (r == MPF_OBJ_NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, "object of type '%T' has no len()", o);
    }
    return r;
}

static mpf_obj_t builtin_abs(mpf_obj_t o) {
    return mpf_unary_op(MPF_UNARY_OP_ABS, o);
}

// all() (stop: false) and any() (stop: true): [stop] at the first item whose truth is
// [stop], else the other
__attribute__((noinline)) static mpf_obj_t all_any(mpf_obj_t o, bool stop) {
    mpf_obj_t it = mpf_getiter(o), v;
    while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
        if (mpf_obj_is_true(v) == stop) {
            return mpf_obj_bool(stop);
        }
    }
    return mpf_obj_bool(!stop);
}

static mpf_obj_t builtin_all(mpf_obj_t o) {
    return all_any(o, false);
}

static mpf_obj_t builtin_any(mpf_obj_t o) {
    return all_any(o, true);
}

#if CONFIG_BUILTIN_HELPERS
static mpf_obj_t builtin_callable(mpf_obj_t o) {
    return mpf_obj_bool(mpf_obj_is_callable(o));
}
#endif // CONFIG_BUILTIN_HELPERS

static mpf_obj_t builtin_chr(mpf_obj_t o) {
    int c = mpf_obj_get_c_int(o);
    if (c < 0 || c > 0x10FFFF) {
        mpf_raise_msg(&mpf_type_ValueError, "chr() arg not in range(0x110000)");
    }
    char buf[4];
    size_t n = mpf_utf8_encode((uint32_t)c, buf);
    return mpf_obj_new_str_qstr_maybe(buf, n);
}

static mpf_obj_t builtin_ord(mpf_obj_t o) {
    // a str's one character (UTF-8, as chr() makes it), or a bytes-like object's one byte
    mpf_buffer_t b;
    if (mpf_obj_get_buffer(o, &b, false)) {
        const uint8_t *s = b.buf;
        bool str = MPF_IS_STR(o);
        size_t n = 1;
        uint32_t c = b.len > 0 ? s[0] : 0;
        if (str && b.len > 0) {
            c = mpf_utf8_decode(s, &n);
        }
        if (n != b.len) {
            mpf_raise_fmt(&mpf_type_TypeError, "ord() expected a character, but string of length %u found",
                (unsigned)(str ? mpf_utf8_charlen(s, b.len) : b.len));
        }
        return mpf_obj_new_small_int((mpf_int_t)c);
    }
    mpf_raise_fmt(&mpf_type_TypeError, "ord() expected string of length 1, but %T found", o);
}

#if CONFIG_BUILTIN_HELPERS
static mpf_obj_t builtin_divmod(mpf_obj_t a, mpf_obj_t b) {
    mpf_obj_t t[2] = {mpf_binary_op(MPF_BINARY_OP_FLOOR_DIVIDE, a, b), mpf_binary_op(MPF_BINARY_OP_MODULO, a, b)};
    return mpf_obj_new_tuple(2, t);
}
#endif // CONFIG_BUILTIN_HELPERS

mpf_qstr_t mpf_builtin_attr_name(mpf_obj_t name) {
    if (!MPF_IS_STR(name)) {
        mpf_raise_fmt(&mpf_type_TypeError, "attribute name must be string, not '%T'", name);
    }
    if (mpf_obj_is_qstr(name)) {
        return mpf_obj_qstr_value(name);
    }
    size_t len;
    const char *s = mpf_obj_str_data(name, &len);
    return mpf_qstr_from_strn(s, len);
}

// Attribute [q] of [o] (as a method lookup when [method]: no bound method is made), or NULL
// when looking it up raises AttributeError (getattr() with a default, hasattr(), from-import).
mpf_obj_t mpf_builtin_attr_or_null(mpf_obj_t o, mpf_qstr_t q, bool method) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t dest[2];
        if (method) {
            mpf_load_method_maybe(o, q, dest);
        } else {
            dest[0] = mpf_load_attr(o, q);
        }
        mpf_nlr_pop(&nlr);
        return dest[0];
    }
    if (mpf_exc_match(nlr.exc, &mpf_type_AttributeError)) {
        return MPF_OBJ_NULL;
    }
    mpf_nlr_raise(nlr.exc);
}

static mpf_obj_t builtin_getattr(size_t n_args, const mpf_obj_t *args) {
    mpf_qstr_t q = mpf_builtin_attr_name(args[1]);
    if (n_args == 2) {
        return mpf_load_attr(args[0], q);
    }
    mpf_obj_t v = mpf_builtin_attr_or_null(args[0], q, false);
    return v != MPF_OBJ_NULL ? v : args[2];
}

static mpf_obj_t builtin_setattr(mpf_obj_t o, mpf_obj_t name, mpf_obj_t v) {
    mpf_store_attr(o, mpf_builtin_attr_name(name), v);
    return MPF_OBJ_NONE;
}

#if CONFIG_BUILTIN_HELPERS
static mpf_obj_t builtin_delattr(mpf_obj_t o, mpf_obj_t name) {
    mpf_store_attr(o, mpf_builtin_attr_name(name), MPF_OBJ_NULL);
    return MPF_OBJ_NONE;
}
#endif // CONFIG_BUILTIN_HELPERS

static mpf_obj_t builtin_hasattr(mpf_obj_t o, mpf_obj_t name) {
    return mpf_obj_bool(mpf_builtin_attr_or_null(o, mpf_builtin_attr_name(name), true) != MPF_OBJ_NULL);
}

// The running code's globals (also __import__'s default).
static mpf_obj_t builtin_globals(void) {
    mpf_frame_t *fr = mpf_state.cur_frame;
    if (fr == NULL) {
        return mpf_state.main_globals;
    }
    mpf_obj_t g = fr->fun->ctx->globals;
#if CONFIG_COMPILER
    // the code exec/eval runs in a dict subclass given as its globals: that object (its
    // namespace, the frame's locals; the dict inside it holds the globals), as CPython's
    const mpf_type_t *t = mpf_obj_type(fr->locals);
    if ((t->flags & (MPF_TYPE_FLAG_HEAP | MPF_TYPE_FLAG_METATYPE)) == MPF_TYPE_FLAG_HEAP && !mpf_obj_is_exception(fr->locals) &&
        ((const mpf_instance_t *)mpf_obj_ptr(fr->locals))->subobj == g) {
        return fr->locals;
    }
#endif
    return g;
}

#if CONFIG_BUILTIN_HELPERS

static mpf_obj_t builtin_locals(void) {
#if CONFIG_COMPILER
    return mpf_compile_frame_locals(mpf_state.cur_frame);
#else
    mpf_frame_t *fr = mpf_state.cur_frame;
    return fr ? fr->locals : mpf_state.main_globals;
#endif
}
#endif // CONFIG_BUILTIN_HELPERS

static mpf_obj_t builtin_hash(mpf_obj_t o) {
    return mpf_obj_new_int(mpf_obj_hash(o));
}

static mpf_obj_t builtin_id(mpf_obj_t o) {
    return mpf_obj_new_int_from_ull((unsigned long long)o);
}

#if CONFIG_BUILTIN_HELPERS
static mpf_obj_t int_base_str(mpf_obj_t o, int base, const char *prefix) {
#if CONFIG_SLOT_WRAPPERS_TYPES
    mpf_obj_t sub = mpf_obj_native_part(o);
    if (sub != MPF_OBJ_NULL && mpf_obj_is_int(sub)) {
        o = sub;  // of a class derived from int: its int, whatever its __index__
    }
#endif
    if (!mpf_obj_is_int(o)) {
        mpf_obj_t m = mpf_type_lookup(mpf_obj_type(o), MPF_QSTR___index__);
        if (m == MPF_OBJ_NULL) {
            mpf_raise_fmt(&mpf_type_TypeError, "'%T' object cannot be interpreted as an integer", o);
        }
        o = mpf_call1(m, o);
    }
    mpf_vstr_t v;
    mpf_vstr_init(&v, 16);
    mpf_print_t p;
    mpf_vstr_print(&v, &p);
    if (mpf_int_sign(o) < 0) {
        mpf_print_str(&p, "-");
        o = mpf_unary_op(MPF_UNARY_OP_NEGATIVE, o);
    }
    mpf_print_str(&p, prefix);
    mpf_int_print(&p, o, base, false);
    return mpf_vstr_to_str(&v);
}
static mpf_obj_t builtin_bin(mpf_obj_t o) {
    return int_base_str(o, 2, "0b");
}
static mpf_obj_t builtin_oct(mpf_obj_t o) {
    return int_base_str(o, 8, "0o");
}
static mpf_obj_t builtin_hex(mpf_obj_t o) {
    return int_base_str(o, 16, "0x");
}
#endif // CONFIG_BUILTIN_HELPERS

#if CONFIG_CLASS_ADVANCED
#define meta_check mpf_meta_check
#else
#define meta_check(cls, sub, o) ((void)(cls), (void)(o), MPF_OBJ_NULL)
#endif

static mpf_obj_t builtin_isinstance(mpf_obj_t o, mpf_obj_t cls) {
#if !CONFIG_CLASS_ADVANCED
    return mpf_obj_bool(mpf_obj_isinstance(o, cls));
#else
    if (mpf_obj_is_type(cls, &mpf_type_tuple)) {
        mpf_stack_check();  // tuples nested without end
        const mpf_tuple_t *t = mpf_obj_ptr(cls);
        for (size_t i = 0; i < t->len; i++) {
            if (builtin_isinstance(o, t->items[i]) == MPF_OBJ_TRUE) {
                return MPF_OBJ_TRUE;
            }
        }
        return MPF_OBJ_FALSE;
    }
    mpf_obj_t r = mpf_obj_from_ptr(mpf_obj_type(o)) == cls ? MPF_OBJ_NULL : meta_check(cls, false, o);
    return r != MPF_OBJ_NULL ? r : mpf_obj_bool(mpf_obj_isinstance(o, cls));
#endif
}

static mpf_obj_t builtin_issubclass(mpf_obj_t a, mpf_obj_t cls) {
    if (!mpf_obj_is_class(a)) {
        mpf_raise_msg(&mpf_type_TypeError, "issubclass() arg 1 must be a class");
    }
    if (mpf_obj_is_type(cls, &mpf_type_tuple)) {
        // each item in turn (a tuple again, as CPython), up to the first true one
        mpf_stack_check();  // tuples nested without end
        const mpf_tuple_t *t = mpf_obj_ptr(cls);
        for (size_t i = 0; i < t->len; i++) {
            if (builtin_issubclass(a, t->items[i]) == MPF_OBJ_TRUE) {
                return MPF_OBJ_TRUE;
            }
        }
        return MPF_OBJ_FALSE;
    }
    if (!mpf_obj_is_class(cls)) {
        mpf_raise_msg(&mpf_type_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }
    mpf_obj_t r = meta_check(cls, true, a);
    if (r != MPF_OBJ_NULL) {
        return r;
    }
    return mpf_obj_bool(mpf_type_is_subclass(mpf_obj_ptr(a), mpf_obj_ptr(cls)));
}

static mpf_obj_t builtin_iter(size_t n_args, const mpf_obj_t *args) {
#if CONFIG_BUILTIN_EXTRAS
    if (n_args == 2) {
        // iter(callable, sentinel): a generator-like loop via a list (simple and bounded by memory)
        mpf_obj_t l = mpf_obj_new_list(0, NULL);
        for (;;) {
            mpf_obj_t v = mpf_call0(args[0]);
            if (mpf_obj_equal(v, args[1])) {
                break;
            }
            mpf_list_append(l, v);
        }
        return mpf_getiter(l);
    }
#else
    (void)n_args;
#endif
    return mpf_getiter(args[0]);
}
#if CONFIG_BUILTIN_EXTRAS
#define BUILTIN_ITER_MAX 2  // iter(callable, sentinel)
#else
#define BUILTIN_ITER_MAX 1
#endif

static mpf_obj_t builtin_next(size_t n_args, const mpf_obj_t *args) {
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(args[0]));
    if (mpf_type_get_iternext(t) == NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, "'%T' object is not an iterator", args[0]);
    }
    if ((t->flags & MPF_TYPE_FLAG_HEAP) && n_args == 1) {
        // let StopIteration(value) from __next__ pass through unchanged
        mpf_obj_t m = mpf_type_lookup(t, MPF_QSTR___next__);
        if (m != MPF_OBJ_NULL) {
            return mpf_call1(m, args[0]);
        }
    }
#if CONFIG_GENERATORS
    if (mpf_obj_is_type(args[0], &mpf_type_gen)) {
        mpf_obj_t ret;
        bool returned;
        mpf_obj_t v = mpf_gen_resume(args[0], MPF_OBJ_NONE, MPF_OBJ_NULL, &ret, &returned);
        if (!returned) {
            return v;
        }
        if (n_args > 1) {
            return args[1];
        }
        mpf_raise_stop_iteration(ret);
    }
#endif
    mpf_obj_t v = mpf_iternext(args[0]);
    if (v == MPF_OBJ_STOP) {
        if (n_args > 1) {
            return args[1];
        }
        mpf_raise_type(&mpf_type_StopIteration);
    }
    return v;
}

static mpf_obj_t min_max(size_t n_args, size_t n_kw, const mpf_obj_t *args, bool is_max) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_key, MPF_QSTR_default};
    mpf_arg_check_kw(n_args, n_kw, args, SIZE_MAX, sizeof(kws) / sizeof(kws[0]), kws);
    mpf_obj_t key = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_key);
    mpf_obj_t def = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_default);
    if (key == MPF_OBJ_NONE) {
        key = MPF_OBJ_NULL;
    }
    mpf_obj_t it;
    if (n_args == 0) {
        mpf_raise_fmt(&mpf_type_TypeError, "%s expected at least 1 argument, got 0", is_max ? "max" : "min");
    } else if (n_args == 1) {
        it = mpf_getiter(args[0]);
    } else {
        if (def != MPF_OBJ_NULL) {
            mpf_raise_fmt(&mpf_type_TypeError, "Cannot specify a default for %s() with multiple positional arguments", is_max ? "max" : "min");
        }
        it = mpf_getiter(mpf_obj_new_tuple(n_args, args));
    }
    mpf_obj_t best = MPF_OBJ_NULL, best_key = MPF_OBJ_NULL, v;
    while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
        mpf_obj_t k = key ? mpf_call1(key, v) : v;
        if (best == MPF_OBJ_NULL || mpf_obj_is_true(mpf_binary_op(is_max ? MPF_BINARY_OP_MORE : MPF_BINARY_OP_LESS, k, best_key))) {
            best = v;
            best_key = k;
        }
    }
    if (best == MPF_OBJ_NULL) {
        if (def != MPF_OBJ_NULL) {
            return def;
        }
        mpf_raise_fmt(&mpf_type_ValueError, "%s() arg is an empty sequence", is_max ? "max" : "min");
    }
    return best;
}
static mpf_obj_t builtin_min(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return min_max(n_args, n_kw, args, false);
}
static mpf_obj_t builtin_max(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return min_max(n_args, n_kw, args, true);
}

static mpf_obj_t builtin_pow(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_base, MPF_QSTR_exp, MPF_QSTR_mod};
    mpf_obj_t a[3];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_pow, 0), 3, 3, kws, a);
    mpf_obj_t base = a[0], exp = a[1], mod = a[2];
    if (base == MPF_OBJ_NULL || exp == MPF_OBJ_NULL) {
        mpf_raise_msg(&mpf_type_TypeError, "pow() missing required argument");
    }
    if (mod == MPF_OBJ_NULL || mod == MPF_OBJ_NONE) {
        return mpf_binary_op(MPF_BINARY_OP_POWER, base, exp);
    }
#if !CONFIG_BUILTIN_POW3
    mpf_raise_msg(&mpf_type_NotImplementedError, "pow() with a modulus is disabled in this build");
#else
    if (!mpf_obj_is_int(base) || !mpf_obj_is_int(exp) || !mpf_obj_is_int(mod)) {
        mpf_raise_msg(&mpf_type_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    }
    if (mpf_int_sign(mod) == 0) {
        mpf_raise_msg(&mpf_type_ValueError, "pow() 3rd argument cannot be 0");
    }
#if CONFIG_BUILTIN_HELPERS
    if (mpf_int_sign(exp) < 0) {
        // a negative exponent: the inverse of base modulo |mod| (extended Euclid), raised
        // to -exp
        mpf_obj_t m = mpf_unary_op(MPF_UNARY_OP_ABS, mod);
        mpf_obj_t r0 = mpf_binary_op(MPF_BINARY_OP_MODULO, base, m), r1 = m;
        mpf_obj_t s0 = mpf_obj_new_small_int(1), s1 = mpf_obj_new_small_int(0);
        while (mpf_int_sign(r1) != 0) {
            mpf_obj_t q = mpf_binary_op(MPF_BINARY_OP_FLOOR_DIVIDE, r0, r1);
            mpf_obj_t r2 = mpf_binary_op(MPF_BINARY_OP_SUBTRACT, r0, mpf_binary_op(MPF_BINARY_OP_MULTIPLY, q, r1));
            mpf_obj_t s2 = mpf_binary_op(MPF_BINARY_OP_SUBTRACT, s0, mpf_binary_op(MPF_BINARY_OP_MULTIPLY, q, s1));
            r0 = r1;
            r1 = r2;
            s0 = s1;
            s1 = s2;
        }
        if (!mpf_obj_equal(r0, mpf_obj_new_small_int(1))) {
            mpf_raise_msg(&mpf_type_ValueError, "base is not invertible for the given modulus");
        }
        base = s0;
        exp = mpf_unary_op(MPF_UNARY_OP_NEGATIVE, exp);
    }
#else
    if (mpf_int_sign(exp) < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "base is not invertible for the given modulus");
    }
#endif
    // square-and-multiply with the generic operators (works for small and big ints)
    mpf_obj_t result = mpf_obj_new_small_int(1);
    base = mpf_binary_op(MPF_BINARY_OP_MODULO, base, mod);
    while (mpf_int_sign(exp) > 0) {
        if (mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_AND, exp, mpf_obj_new_small_int(1)))) {
            result = mpf_binary_op(MPF_BINARY_OP_MODULO, mpf_binary_op(MPF_BINARY_OP_MULTIPLY, result, base), mod);
        }
        exp = mpf_binary_op(MPF_BINARY_OP_RSHIFT, exp, mpf_obj_new_small_int(1));
        base = mpf_binary_op(MPF_BINARY_OP_MODULO, mpf_binary_op(MPF_BINARY_OP_MULTIPLY, base, base), mod);
    }
    return mpf_binary_op(MPF_BINARY_OP_MODULO, result, mod);
#endif // CONFIG_BUILTIN_POW3
}

static mpf_obj_t builtin_repr(mpf_obj_t o) {
    return mpf_obj_repr(o);
}

#if CONFIG_BUILTIN_EXTRAS
static mpf_obj_t builtin_ascii(mpf_obj_t o) {
    return mpf_str_ascii(o);
}
#endif

static mpf_obj_t builtin_round(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_number, MPF_QSTR_ndigits};
    mpf_obj_t a[2];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_round, 0), 2, 2, kws, a);
    mpf_obj_t x = a[0], nd = a[1];
#if CONFIG_ERROR_MSG_LEVEL >= 1
    if (x == MPF_OBJ_NULL) {
        // (terse builds raise TypeError too, from the __round__ lookup on the absent value)
        mpf_raise_msg(&mpf_type_TypeError, "round() missing required argument 'number' (pos 1)");
    }
#endif
    if (nd == MPF_OBJ_NONE) {
        nd = MPF_OBJ_NULL;
    }
    mpf_obj_t nd_given = nd;  // (for a __round__ method)
    mpf_int_t ndv;
    if (CONFIG_INT_BIG && nd != MPF_OBJ_NULL && mpf_obj_is_int(nd) && !mpf_obj_get_int_maybe(nd, &ndv)) {
        // ndigits beyond a machine word: past every digit (a float's end by 10**+-400), so an
        // int is itself or 0, a float itself or a zero, as CPython's
        if (mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_LESS, nd, mpf_obj_new_small_int(0)))) {
            if (mpf_obj_is_int(x)) {
                return mpf_obj_new_small_int(0);
            }
            nd = mpf_obj_new_small_int(-1000);
        } else {
            nd = mpf_obj_new_small_int(1000);
        }
    }
    if (mpf_obj_is_int(x)) {
        if (nd == MPF_OBJ_NULL || mpf_obj_get_int(nd) >= 0) {
            return mpf_obj_is_small_int(x) || mpf_int_is_big(x) ? x : mpf_obj_new_small_int(x == MPF_OBJ_TRUE);
        }
#if !CONFIG_BUILTIN_ROUND_INT
        mpf_raise_msg(&mpf_type_NotImplementedError, "round() of an int to negative ndigits is disabled in this build");
#else
#if !CONFIG_INT_BIG
        // small ints only: in C (a power of ten past the range rounds every value to 0)
        mpf_int_t v = mpf_obj_get_int(x), p = 1;
        for (mpf_int_t k = mpf_obj_get_int(nd); k < 0; k++) {
            if (p > MPF_SMALL_INT_MAX / 10) {
                return mpf_obj_new_small_int(0);
            }
            p *= 10;
        }
        mpf_int_t q = v / p, r = v % p;
        if (r < 0) {  // floor division
            q--;
            r += p;
        }
        if (2 * r > p || (2 * r == p && (q & 1))) {  // halves to even
            q++;
        }
        return mpf_obj_new_int(q * p);
#else
        // round to 10**-nd, halves to even
        mpf_obj_t p = mpf_binary_op(MPF_BINARY_OP_POWER, mpf_obj_new_small_int(10), mpf_unary_op(MPF_UNARY_OP_NEGATIVE, nd));
        mpf_obj_t q = mpf_binary_op(MPF_BINARY_OP_FLOOR_DIVIDE, x, p);
        mpf_obj_t r = mpf_binary_op(MPF_BINARY_OP_MODULO, x, p);
        mpf_obj_t twice = mpf_binary_op(MPF_BINARY_OP_MULTIPLY, r, mpf_obj_new_small_int(2));
        bool up = mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_MORE, twice, p)) ||
                  (mpf_obj_equal(twice, p) && mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_AND, q, mpf_obj_new_small_int(1))));
        if (up) {
            q = mpf_binary_op(MPF_BINARY_OP_ADD, q, mpf_obj_new_small_int(1));
        }
        return mpf_binary_op(MPF_BINARY_OP_MULTIPLY, q, p);
#endif // !CONFIG_INT_BIG
#endif
    }
#if CONFIG_FLOAT
    if (mpf_obj_is_type(x, &mpf_type_float)) {
        return mpf_float_round(x, nd);
    }
#endif
    mpf_obj_t m = mpf_type_lookup(mpf_obj_type(x), MPF_QSTR___round__);
    if (m != MPF_OBJ_NULL) {
        return nd_given ? mpf_call2(m, x, nd_given) : mpf_call1(m, x);
    }
#if CONFIG_SLOT_WRAPPERS_TYPES
    // an instance of a class derived from int or float: its number's (int's, float's __round__)
    mpf_obj_t sub = mpf_obj_native_number(x);
    if (sub != MPF_OBJ_NULL) {
        const mpf_obj_t sa[2] = {sub, nd_given ? nd_given : MPF_OBJ_NONE};
        return builtin_round(2, 0, sa);
    }
#endif
    mpf_raise_fmt(&mpf_type_TypeError, "type %T doesn't define __round__ method", x);
}

static mpf_obj_t builtin_sorted(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args != 1) {
        mpf_raise_fmt(&mpf_type_TypeError, "sorted expected 1 argument, got %u", (unsigned)n_args);
    }
    mpf_obj_t l = mpf_list_from_iter(args[0]);
    mpf_list_sort_kw(l, n_kw, args + 1);
    return l;
}

static mpf_obj_t builtin_sum(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    static const mpf_qstr_t kws[] = {MPF_QSTRID_NULL, MPF_QSTR_start};  // sum(iterable, /, start=0)
    mpf_obj_t a[2];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_sum, 0), 2, 2, kws, a);
    mpf_obj_t start = a[1];
    if (n_args < 1) {
        mpf_raise_msg(&mpf_type_TypeError, "sum() takes at least 1 positional argument (0 given)");
    }
    mpf_obj_t acc = start ? start : mpf_obj_new_small_int(0);
    if (MPF_IS_STR(acc)) {
        mpf_raise_msg(&mpf_type_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    }
    mpf_obj_t it = mpf_getiter(args[0]), v;
    while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
        acc = mpf_binary_op(MPF_BINARY_OP_ADD, acc, v);
    }
    return acc;
}

static mpf_obj_t builtin_format(size_t n_args, const mpf_obj_t *args) {
#if CONFIG_STR_FORMAT
    if (n_args > 1 && !MPF_IS_STR(args[1])) {
        mpf_raise_fmt(&mpf_type_TypeError, "format() argument 2 must be str, not %T", args[1]);
    }
    return mpf_format_obj(args[0], n_args > 1 ? args[1] : mpf_obj_new_qstr(MPF_QSTRE_));
#else
    (void)n_args;
    return mpf_obj_str(args[0]);
#endif
}

#if CONFIG_BUILTIN_HELPERS
// dir(): names of a module, class or instance, sorted.
static void dir_add_map(mpf_obj_t l, const mpf_map_t *m) {
    for (size_t i = 0; i < m->used; i++) {
        if (m->elems[i].key != MPF_OBJ_NULL) {
            mpf_list_append(l, m->elems[i].key);
        }
    }
}
// The attributes builtin types answer in their attr slot (in no table), listed by dir() as
// CPython's: each type, then up to 5 names (0 after the last).
static const struct {
    const mpf_type_t *type;
    uint16_t names[5];
} dir_attrs[] = {
#if CONFIG_BUILTIN_EXTRAS
    {&mpf_type_int, {MPF_QSTR_real, MPF_QSTR_imag, MPF_QSTR_numerator, MPF_QSTR_denominator}},
#endif
#if CONFIG_FLOAT
    {&mpf_type_float, {MPF_QSTR_real, MPF_QSTR_imag}},
#endif
#if CONFIG_BUILTIN_COMPLEX
    {&mpf_type_complex, {MPF_QSTR_real, MPF_QSTR_imag}},
#endif
    {&mpf_type_range, {MPF_QSTR_start, MPF_QSTR_stop, MPF_QSTR_step}},
    {&mpf_type_slice, {MPF_QSTR_start, MPF_QSTR_stop, MPF_QSTR_step}},
#if CONFIG_BUILTIN_MEMORYVIEW
    {&mpf_type_memoryview, {MPF_QSTR_obj, MPF_QSTR_nbytes, MPF_QSTR_readonly, MPF_QSTR_itemsize, MPF_QSTR_format}},
#endif
#if CONFIG_BUILTIN_PROPERTY
    {&mpf_type_property, {MPF_QSTR_fget, MPF_QSTR_fset, MPF_QSTR_fdel}},
#endif
    {&mpf_type_BaseException, {MPF_QSTR_args}},
#if CONFIG_GENERATORS
    {&mpf_type_gen, {MPF_QSTR_gi_running, MPF_QSTR_gi_code}},
#endif
};

// The names in builtin type [c]'s table (a bytearray's also bytes' methods, which it
// answers: lookup_in in runtime.c) and its dir_attrs.
static void dir_add_locals(mpf_obj_t l, const mpf_type_t *c) {
    for (size_t i = 0; i < sizeof(dir_attrs) / sizeof(dir_attrs[0]); i++) {
        for (size_t k = 0; k < 5 && dir_attrs[i].type == c && dir_attrs[i].names[k] != 0; k++) {
            mpf_list_append(l, mpf_obj_new_qstr(dir_attrs[i].names[k]));
        }
    }
    for (const mpf_rom_map_t *m = mpf_type_get_locals(mpf_type_slots(c)); m != NULL;) {
        for (size_t k = 0; k < m->n; k++) {
            mpf_list_append(l, MPF_ROM_ELEM_KEY(&m->elems[k]));
        }
#if CONFIG_BUILTIN_BYTEARRAY
        m = c == &mpf_type_bytearray && m != mpf_bytes_locals ? mpf_bytes_locals : NULL;
#else
        m = NULL;
#endif
    }
}
static void dir_add_type(mpf_obj_t l, const mpf_type_t *t) {
    if (mpf_class_mro(t) != MPF_OBJ_NULL) {
        const mpf_tuple_t *mro = mpf_obj_ptr(mpf_class_mro(t));
        for (size_t i = 0; i < mro->len; i++) {
            const mpf_type_t *c = mpf_obj_ptr(mro->items[i]);
            if (mpf_class_dict(c) != NULL) {
                dir_add_map(l, mpf_class_dict(c));
            } else {
                dir_add_locals(l, c);
            }
        }
        return;
    }
    for (const mpf_type_t *c = t; c != NULL; c = mpf_type_parent(c)) {
        dir_add_locals(l, c);
    }
}
#if !CONFIG_REPL_COMPLETION
static  // (only here: inlined)
#endif
mpf_obj_t mpf_builtin_dir_sorted(mpf_obj_t l) {
    mpf_list_sort(l, MPF_OBJ_NULL, false);
    mpf_list_t *lp = mpf_obj_ptr(l);
    size_t j = 0;
    for (size_t i = 0; i < lp->len; i++) {
        if (j == 0 || !mpf_obj_equal(lp->items[j - 1], lp->items[i])) {
            lp->items[j++] = lp->items[i];
        }
    }
    lp->len = j;
    return l;
}

static mpf_obj_t builtin_dir(size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t l = mpf_obj_new_list(0, NULL);
    if (n_args == 0) {
        mpf_obj_t loc = builtin_locals();
#if CONFIG_COMPILER
        if (!mpf_obj_is_type(loc, &mpf_type_dict)) {
            // the locals eval/exec were given may be any mapping: its keys()
            mpf_obj_t m[2];
            mpf_load_method(loc, MPF_QSTR_keys, m);
            l = mpf_list_from_iter(mpf_call_method_n(0, 0, m));
        } else
#endif
        {
            dir_add_map(l, mpf_dict_map(loc));
        }
    } else {
        mpf_obj_t o = args[0];
        if (mpf_obj_is_type(o, &mpf_type_module)) {
            dir_add_map(l, mpf_dict_map(((const mpf_module_t *)mpf_obj_ptr(o))->globals));
        } else if (mpf_obj_is_class(o)) {
            dir_add_type(l, mpf_obj_ptr(o));
        } else {
            const mpf_type_t *t = mpf_obj_type(o);
            mpf_obj_t d = (t->flags & MPF_TYPE_FLAG_HEAP) ? mpf_type_lookup(t, MPF_QSTR___dir__) : MPF_OBJ_NULL;
            if (d != MPF_OBJ_NULL && !mpf_obj_is_type(d, &mpf_type_fun_builtin)) {
                // the class's own __dir__: its names, sorted (as CPython, no duplicates removed)
                l = mpf_list_from_iter(mpf_call1(d, o));
                mpf_list_sort(l, MPF_OBJ_NULL, false);
                return l;
            }
            if (t->flags & MPF_TYPE_FLAG_HEAP) {
                dir_add_map(l, &((const mpf_instance_t *)mpf_obj_ptr(o))->members);
            }
            dir_add_type(l, t);
        }
    }
    return mpf_builtin_dir_sorted(l);
}

mpf_obj_t mpf_builtin_dir(mpf_obj_t o) {
    return builtin_dir(1, &o);
}

static mpf_obj_t builtin_vars(size_t n_args, const mpf_obj_t *args) {
    if (n_args == 0) {
        return builtin_locals();
    }
    mpf_obj_t dest[2];
    mpf_load_method_maybe(args[0], MPF_QSTR___dict__, dest);
    if (dest[0] == MPF_OBJ_NULL) {
        mpf_raise_msg(&mpf_type_TypeError, "vars() argument must have __dict__ attribute");
    }
    return dest[1] == MPF_OBJ_NULL ? dest[0] : mpf_load_attr(args[0], MPF_QSTR___dict__);
}
#endif // CONFIG_BUILTIN_HELPERS

static mpf_obj_t builtin_import(size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t fromlist = n_args > 3 ? args[3] : MPF_OBJ_NONE;
    mpf_int_t level = n_args > 4 ? mpf_obj_get_int(args[4]) : 0;
    mpf_obj_t globals = n_args > 1 && args[1] != MPF_OBJ_NONE ? args[1] : builtin_globals();
#if CONFIG_ERROR_MSG_LEVEL >= 1 && CONFIG_COMPILER
    if (!MPF_IS_STR(args[0])) {
        mpf_raise_msg(&mpf_type_TypeError, "module name must be a string");   // (CPython 3.11's)
    }
#endif
    const mpf_qstr_t name = mpf_builtin_attr_name(args[0]);
#if CONFIG_ERROR_MSG_LEVEL >= 1
    // (argument checks: left out of terse builds, as mpf_arg_check_kw)
    if (level < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "level must be >= 0");
    }
    if (name == MPF_QSTRE_ && level == 0) {
        mpf_raise_msg(&mpf_type_ValueError, "Empty module name");
    }
#endif
    return mpf_import_name(name, fromlist, level, globals);
}

#if CONFIG_BUILTIN_HELPERS
// __import__(name, globals=None, locals=None, fromlist=(), level=0), each also by keyword
static mpf_obj_t builtin_import_kw(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    static const mpf_qstr_t names[5] = {MPF_QSTR_name, MPF_QSTR_globals, MPF_QSTR_locals, MPF_QSTR_fromlist, MPF_QSTR_level};
    mpf_obj_t v[5];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR___import__, 0), 5, 5, names, v);
    mpf_arg_required(MPF_QSTR___import__, names, v, 1);
    for (size_t i = 1; i < 5; i++) {
        v[i] = v[i] == MPF_OBJ_NULL ? (i == 4 ? mpf_obj_new_small_int(0) : MPF_OBJ_NONE) : v[i];
    }
    return builtin_import(5, v);
}
#endif

// ---------------------------------------------------------------- the table
// The builtins named by their own name (a type's, or a builtin function defined in another
// file), by pointer alone: 4 bytes each instead of a 6-byte name and value entry.
static const void *const builtins_objs[] = {
    &mpf_builtin_build_class_obj,
    &mpf_type_range,
    &mpf_type_int,
    &mpf_type_str,
    &mpf_type_list,
    &mpf_type_dict,
    &mpf_type_tuple,
    &mpf_type_bool,
    &mpf_type_bytes,
    &mpf_type_object,
    &mpf_type_type,
    &mpf_type_slice,
    &mpf_type_super,
    &mpf_type_classmethod,
    &mpf_type_staticmethod,
    &mpf_type_enumerate,
    &mpf_type_zip,
    &mpf_type_map,
    &mpf_type_filter,
#if CONFIG_BUILTIN_REVERSED
    &mpf_type_reversed,
#endif
#if CONFIG_FLOAT
    &mpf_type_float,
#endif
#if CONFIG_BUILTIN_COMPLEX
    &mpf_type_complex,
#endif
#if CONFIG_BUILTIN_SET
    &mpf_type_set,
#endif
#if CONFIG_BUILTIN_FROZENSET
    &mpf_type_frozenset,
#endif
#if CONFIG_BUILTIN_BYTEARRAY
    &mpf_type_bytearray,
#endif
#if CONFIG_BUILTIN_MEMORYVIEW
    &mpf_type_memoryview,
#endif
#if CONFIG_BUILTIN_PROPERTY
    &mpf_type_property,
#endif
#if CONFIG_MODULE_VFS
    &mpf_vfs_open_obj,  // (a mount's open(), or the port's)
#elif CONFIG_BUILTIN_OPEN
    &mpf_port_open_obj,
#endif
    &mpf_type_BaseException,
#if CONFIG_EXC_FULL_TYPES
#define BUILTIN_EXC_(n, p) &mpf_type_##n,
    MPF_EXC_LIST(BUILTIN_EXC_)
#undef BUILTIN_EXC_
#endif
};

// The builtin functions, each an entry (no object elsewhere: only this table names them),
// then the others by name, and __import__ (the import statement compares with it).
static const mpf_rom_map_elem_t builtins_table[] = {
    MPF_ROM_FUN_KW(MPF_QSTR_print, 0, builtin_print),
    MPF_ROM_FUN_1(MPF_QSTR_len, builtin_len),
    MPF_ROM_FUN_1(MPF_QSTR_abs, builtin_abs),
    MPF_ROM_FUN_1(MPF_QSTR_all, builtin_all),
    MPF_ROM_FUN_1(MPF_QSTR_any, builtin_any),
    MPF_ROM_FUN_1(MPF_QSTR_chr, builtin_chr),
    MPF_ROM_FUN_1(MPF_QSTR_ord, builtin_ord),
    MPF_ROM_FUN_VAR(MPF_QSTR_getattr, 2, 3, builtin_getattr),
    MPF_ROM_FUN_3(MPF_QSTR_setattr, builtin_setattr),
    MPF_ROM_FUN_2(MPF_QSTR_hasattr, builtin_hasattr),
    MPF_ROM_FUN_1(MPF_QSTR_hash, builtin_hash),
    MPF_ROM_FUN_1(MPF_QSTR_id, builtin_id),
    MPF_ROM_FUN_2(MPF_QSTR_isinstance, builtin_isinstance),
    MPF_ROM_FUN_2(MPF_QSTR_issubclass, builtin_issubclass),
    MPF_ROM_FUN_VAR(MPF_QSTR_iter, 1, BUILTIN_ITER_MAX, builtin_iter),
    MPF_ROM_FUN_VAR(MPF_QSTR_next, 1, 2, builtin_next),
    MPF_ROM_FUN_KW(MPF_QSTR_min, 0, builtin_min),
    MPF_ROM_FUN_KW(MPF_QSTR_max, 0, builtin_max),
    MPF_ROM_FUN_KW(MPF_QSTR_pow, 0, builtin_pow),
    MPF_ROM_FUN_1(MPF_QSTR_repr, builtin_repr),
#if CONFIG_BUILTIN_EXTRAS
    MPF_ROM_FUN_1(MPF_QSTR_ascii, builtin_ascii),
#endif
    MPF_ROM_FUN_KW(MPF_QSTR_round, 0, builtin_round),
    MPF_ROM_FUN_KW(MPF_QSTR_sorted, 0, builtin_sorted),
    MPF_ROM_FUN_KW(MPF_QSTR_sum, 0, builtin_sum),
    MPF_ROM_FUN_VAR(MPF_QSTR_format, 1, 2, builtin_format),
#if CONFIG_COMPILER
    MPF_ROM_FUN_MODE(MPF_QSTR_eval, 1, 3, mpf_builtin_eval_exec, MPF_COMPILE_EVAL),
#if CONFIG_FUNCTION_CLOSURE
    MPF_ROM_FUN_KW(MPF_QSTR_exec, 0, mpf_builtin_eval_exec_closure),
#else
    MPF_ROM_FUN_MODE(MPF_QSTR_exec, 1, 3, mpf_builtin_eval_exec, MPF_COMPILE_EXEC),
#endif
    MPF_ROM_FUN_KW(MPF_QSTR_compile, 0, mpf_builtin_compile),
    MPF_ROM_FUN_1(MPF_QSTR___repl_print__, mpf_builtin_repl_print),
#endif
#if CONFIG_BUILTIN_HELPERS
    MPF_ROM_FUN_1(MPF_QSTR_bin, builtin_bin),
    MPF_ROM_FUN_1(MPF_QSTR_oct, builtin_oct),
    MPF_ROM_FUN_1(MPF_QSTR_hex, builtin_hex),
    MPF_ROM_FUN_2(MPF_QSTR_divmod, builtin_divmod),
    MPF_ROM_FUN_1(MPF_QSTR_callable, builtin_callable),
    MPF_ROM_FUN_2(MPF_QSTR_delattr, builtin_delattr),
    MPF_ROM_FUN_0(MPF_QSTR_globals, builtin_globals),
    MPF_ROM_FUN_0(MPF_QSTR_locals, builtin_locals),
    MPF_ROM_FUN_VAR(MPF_QSTR_dir, 0, 1, builtin_dir),
    MPF_ROM_FUN_VAR(MPF_QSTR_vars, 0, 1, builtin_vars),
    MPF_ROM_FUN_VAR(MPF_QSTR_input, 0, 1, builtin_input),
#endif
#if CONFIG_BUILTIN_HELP
    MPF_ROM_FUN_VAR(MPF_QSTR_help, 0, 1, mpf_help),
#endif
    {MPF_ROM_QSTR(MPF_QSTR___name__), MPF_ROM_QSTR(MPF_QSTR_builtins)},
#if CONFIG_BUILTIN_HELPERS
    MPF_ROM_FUN_KW(MPF_QSTR___import__, 0, builtin_import_kw),
#else
    MPF_ROM_FUN_VAR(MPF_QSTR___import__, 1, 5, builtin_import),
#endif
    {MPF_ROM_QSTR(MPF_QSTR_Ellipsis), MPF_ROM_PTR(&mpf_const_ellipsis_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_NotImplemented), MPF_ROM_PTR(&mpf_const_notimpl_obj)},
};
MPF_ROM_MAP(builtins_map, builtins_table);
const mpf_rom_map_t *const mpf_builtins_map = &builtins_map;

#define N_BUILTIN_OBJS (sizeof(builtins_objs) / sizeof(builtins_objs[0]))
// The builtins named by their own name: builtins_objs, then (without CONFIG_EXC_FULL_TYPES)
// the compact exception types, their one array, instead of a pointer to each.
#if CONFIG_EXC_FULL_TYPES
#define N_BUILTINS N_BUILTIN_OBJS
#else
#define N_BUILTINS (N_BUILTIN_OBJS + MPF_EXC_NUM)
#endif
static const void *builtin_obj(size_t i) {
#if !CONFIG_EXC_FULL_TYPES
    if (i >= N_BUILTIN_OBJS) {
        return &mpf_exc_types[i - N_BUILTIN_OBJS];
    }
#endif
    return builtins_objs[i];
}

// The name of builtin [i]: a builtin function's or a type's (a compact exception type's
// too: its name is where a type's is).
static mpf_qstr_t builtin_obj_name(size_t i) {
    const void *o = builtin_obj(i);
#if CONFIG_FUN_FULL_OBJECTS
    bool fun = ((const mpf_obj_base_t *)o)->type == &mpf_type_fun_builtin;
#else
    bool fun = *(const uint8_t *)o & 1;  // a builtin function's first byte (no type word)
#endif
    return fun ? MPF_FUN_NAME((const mpf_fun_builtin_t *)o) : ((const mpf_type_t *)o)->name;
}

// The builtin [q] as the build defines it (whatever a program stored into the builtins
// module), or NULL.
static mpf_obj_t builtin_find(mpf_qstr_t q) {
    mpf_obj_t v = mpf_rom_map_get(&builtins_map, q);
    for (size_t i = 0; v == MPF_OBJ_NULL && i < N_BUILTINS; i++) {
        if (builtin_obj_name(i) == q) {
            v = mpf_obj_from_ptr(builtin_obj(i));
        }
    }
    return v;
}

// `import builtins`: a module holding the builtin names (a copy; once a program stores
// into it, mpf_builtin_lookup consults it first): the table's entries, then these, and _
// once a value was shown (mpf_builtin_repl_print).
static void builtins_init(mpf_obj_t mod) {
    mpf_obj_t g = ((const mpf_module_t *)mpf_obj_ptr(mod))->globals;
    for (size_t i = 0; i < N_BUILTINS; i++) {
        mpf_dict_store(g, mpf_obj_new_qstr(builtin_obj_name(i)), mpf_obj_from_ptr(builtin_obj(i)));
    }
#if CONFIG_COMPILER
    if (mpf_state.repl_last != MPF_OBJ_NULL) {
        mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR__), mpf_state.repl_last);
    }
#endif
}
const mpf_builtin_module_t mpf_module_builtins = {MPF_QSTR_builtins, &builtins_map, builtins_init};

// Direct-mapped cache of builtin lookups (qstr -> value); values are const objects.
// CONFIG_BUILTIN_CACHE_SIZE entries (8 bytes each on a 32-bit chip), 0: no cache.
#define BUILTIN_CACHE_SIZE CONFIG_BUILTIN_CACHE_SIZE
_Static_assert((BUILTIN_CACHE_SIZE & (BUILTIN_CACHE_SIZE - 1)) == 0, "CONFIG_BUILTIN_CACHE_SIZE must be 0 or a power of two");
#if BUILTIN_CACHE_SIZE
static struct {
    mpf_qstr_t q;
    mpf_obj_t v;
} builtin_cache[BUILTIN_CACHE_SIZE];
#endif

// The value of [q] in the builtins module once a program has stored into or deleted
// from it (builtins.abs = f changes what abs means everywhere, as CPython), else NULL.
static mpf_obj_t changed_builtin(mpf_qstr_t q) {
    mpf_obj_t g = mpf_builtins_dict();
    return g != MPF_OBJ_NULL ? mpf_map_get_qstr(mpf_dict_map(g), q) : MPF_OBJ_NULL;
}

mpf_obj_t mpf_builtins_dict(void) {
    mpf_obj_t b = mpf_dict_get(mpf_state.modules, mpf_obj_new_qstr(MPF_QSTR_builtins));
    if (b == MPF_OBJ_NULL || !mpf_obj_is_type(b, &mpf_type_module)) {
        return MPF_OBJ_NULL;
    }
    return ((const mpf_module_t *)mpf_obj_ptr(b))->globals;
}

void mpf_builtins_note_store(mpf_obj_t module) {
    const mpf_module_t *m = mpf_obj_ptr(module);
    if (mpf_map_get_qstr(mpf_dict_map(m->globals), MPF_QSTR___name__) == mpf_obj_new_qstr(MPF_QSTR_builtins)) {
        mpf_state.builtins_changed = true;
    }
}

#if CONFIG_COMPILER
mpf_obj_t mpf_builtin_name(mpf_qstr_t q) {
    const mpf_frame_t *fr = mpf_state.cur_frame;
    if (MPF_UNLIKELY(mpf_state.builtins_changed) && fr != NULL) {
        // the running code's own builtins, when exec/eval ran it in globals with a
        // __builtins__: a dict, a module's dict, or any object, subscripted as CPython
        // does (None: a TypeError)
        mpf_obj_t own = fr->fun->ctx->builtins;
        if (own != MPF_OBJ_NULL) {
            mpf_obj_t v = mpf_obj_is_type(own, &mpf_type_dict) ? mpf_map_get_qstr(mpf_dict_map(own), q)
                                                               : mpf_vm_mapping_item(own, q, MPF_OBJ_SENTINEL);
            if (v == MPF_OBJ_NULL && q == MPF_QSTR___build_class__) {
                mpf_raise_msg(&mpf_type_NameError, "__build_class__ not found");
            }
            return v;
        }
    }
    return mpf_builtin_lookup(q);
}
#endif

mpf_obj_t mpf_builtin_lookup(mpf_qstr_t q) {
    if (MPF_UNLIKELY(mpf_state.builtins_changed)) {
        mpf_obj_t v = changed_builtin(q);
        if (v != MPF_OBJ_NULL) {
            return v;
        }
    }
#if BUILTIN_CACHE_SIZE
    size_t h = q & (BUILTIN_CACHE_SIZE - 1);
    if (builtin_cache[h].q == q) {
        return builtin_cache[h].v;
    }
#endif
    mpf_obj_t v = builtin_find(q);
#if BUILTIN_CACHE_SIZE
    if (v != MPF_OBJ_NULL) {
        builtin_cache[h].q = q;
        builtin_cache[h].v = v;
    }
#endif
#if CONFIG_COMPILER
    if (v == MPF_OBJ_NULL && q == MPF_QSTR__) {
        v = mpf_state.repl_last;   // (the REPL's last value, NULL before one)
    }
#endif
#if CONFIG_BUILTIN_HELPERS
    if (v == MPF_OBJ_NULL && q == MPF_QSTR___builtins__) {
        // (a global of every CPython module: here the builtins module, not cached, as it
        // lives on the heap)
        v = mpf_import_name(MPF_QSTR_builtins, MPF_OBJ_NONE, 0, MPF_OBJ_NULL);
    }
#endif
    return v;
}
