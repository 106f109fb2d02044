// obj_except.c -- the builtin exception hierarchy, raising helpers and tracebacks.
#include "mpf_int.h"

mpf_exc_t *mpf_exc_native(mpf_obj_t o) {
    if (mpf_obj_is_exception(o)) {
        return mpf_obj_ptr(o);
    }
    return NULL;
}

bool mpf_obj_is_exception(mpf_obj_t o) {
    if (!mpf_obj_is_ptr(o)) {
        return false;
    }
    return (mpf_obj_type(o)->flags & MPF_TYPE_FLAGS_EXC) != 0;
}

bool mpf_exc_match(mpf_obj_t exc, const mpf_type_t *t) {
    return mpf_type_is_subclass(mpf_obj_type(exc), t);
}

mpf_obj_t mpf_exc_new(const mpf_type_t *t, size_t n_args, const mpf_obj_t *args) {
    mpf_exc_t *e = mpf_gc_alloc_maybe(sizeof(mpf_exc_t));
    if (e == NULL) {
        mpf_raise_memory_error();
    }
    e->inst.base.type = t;
    e->args = mpf_obj_new_tuple(n_args, args);
    return mpf_obj_from_ptr(e);
}

mpf_obj_t mpf_exc_new_msg(const mpf_type_t *t, const char *msg) {
    mpf_obj_t s = mpf_obj_new_str(msg, strlen(msg));
    return mpf_exc_new(t, 1, &s);
}

mpf_obj_t mpf_exc_instantiate(mpf_obj_t e, mpf_obj_t value) {
    if (mpf_obj_is_class(e)) {
        if (!mpf_type_is_subclass(mpf_obj_ptr(e), &mpf_type_BaseException)) {
            mpf_raise_msg(&mpf_type_TypeError, "exceptions must derive from BaseException");
        }
        mpf_obj_t inst;
        if (value == MPF_OBJ_NULL || value == MPF_OBJ_NONE) {
            inst = mpf_call0(e);
        } else if (mpf_obj_isinstance(value, e)) {
            inst = value;
        } else if (mpf_obj_is_type(value, &mpf_type_tuple)) {
            const mpf_tuple_t *t = mpf_obj_ptr(value);
            inst = mpf_call(e, t->len, 0, t->items);
        } else {
            inst = mpf_call1(e, value);
        }
        if (!mpf_obj_is_exception(inst)) {
            mpf_raise_fmt(&mpf_type_TypeError, "calling %R should have returned an instance of BaseException, not %T", e, inst);
        }
        return inst;
    }
    if (!mpf_obj_is_exception(e)) {
        mpf_raise_msg(&mpf_type_TypeError, "exceptions must derive from BaseException");
    }
    if (value != MPF_OBJ_NULL && value != MPF_OBJ_NONE) {
        mpf_raise_msg(&mpf_type_TypeError, "instance exception may not have a separate value");
    }
    return e;
}

MPF_NORETURN void mpf_raise(mpf_obj_t exc) {
    if (mpf_obj_is_class(exc)) {
        exc = mpf_exc_instantiate(exc, MPF_OBJ_NULL);
    }
    mpf_nlr_raise(exc);
}

MPF_NORETURN void mpf_raise_type(const mpf_type_t *t) {
    mpf_raise(mpf_exc_new(t, 0, NULL));
}

#if CONFIG_ERROR_MSG_LEVEL == 0
MPF_NORETURN void mpf_raise_type_error(void) {
    mpf_raise_type(&mpf_type_TypeError);
}

MPF_NORETURN void mpf_raise_value_error(void) {
    mpf_raise_type(&mpf_type_ValueError);
}

#if !CONFIG_EXC_FULL_TYPES
// (not inlined: a call site passes a byte, not the address)
__attribute__((noinline)) MPF_NORETURN void mpf_raise_exc_index(unsigned i) {
    mpf_raise_type((const mpf_type_t *)(const void *)&mpf_exc_types[i].base);
}
#endif
#endif

// The names in parentheses: at ERROR_MSG_LEVEL 0 they are also macros (mpf.h).
MPF_NORETURN void (mpf_raise_msg)(const mpf_type_t *t, const char *msg) {
#if CONFIG_ERROR_MSG_LEVEL == 0
    (void)msg;
    mpf_raise_type(t);
#else
    mpf_raise(mpf_exc_new_msg(t, msg));
#endif
}

#if CONFIG_ERROR_MSG_LEVEL > 0
static mpf_obj_t exc_new_vfmt(const mpf_type_t *t, const char *fmt, va_list ap) {
    mpf_vstr_t v;
    mpf_vstr_init(&v, 64);
    mpf_print_t p;
    mpf_vstr_print(&v, &p);
    mpf_vprintf(&p, fmt, ap);
    mpf_obj_t s = mpf_vstr_to_str(&v);
    return mpf_exc_new(t, 1, &s);
}

mpf_obj_t (mpf_exc_new_fmt)(const mpf_type_t *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    mpf_obj_t e = exc_new_vfmt(t, fmt, ap);
    va_end(ap);
    return e;
}
#endif

MPF_NORETURN void (mpf_raise_fmt)(const mpf_type_t *t, const char *fmt, ...) {
#if CONFIG_ERROR_MSG_LEVEL == 0
    (void)fmt;
    mpf_raise_type(t);
#else
    va_list ap;
    va_start(ap, fmt);
    mpf_obj_t e = exc_new_vfmt(t, fmt, ap);
    va_end(ap);
    mpf_raise(e);
#endif
}

#if CONFIG_EXC_ATTRS
MPF_NORETURN void mpf_raise_with(mpf_obj_t exc, mpf_qstr_t q0, mpf_obj_t v0, mpf_qstr_t q1, mpf_obj_t v1) {
    mpf_map_t *m = &((mpf_exc_t *)mpf_obj_ptr(exc))->inst.members;
    if (v0 != MPF_OBJ_NULL) {
        mpf_map_lookup(m, mpf_obj_new_qstr(q0), MPF_MAP_LOOKUP_ADD)->value = v0;
    }
    if (v1 != MPF_OBJ_NULL) {
        mpf_map_lookup(m, mpf_obj_new_qstr(q1), MPF_MAP_LOOKUP_ADD)->value = v1;
    }
    mpf_raise(exc);
}
#endif

MPF_NORETURN void mpf_raise_stop_iteration(mpf_obj_t value) {
    if (value == MPF_OBJ_NONE) {
        mpf_raise_type(&mpf_type_StopIteration);
    }
    mpf_raise(mpf_exc_new(&mpf_type_StopIteration, 1, &value));
}

MPF_NORETURN void mpf_raise_key_error(mpf_obj_t key) {
    mpf_raise(mpf_exc_new(&mpf_type_KeyError, 1, &key));
}

MPF_NORETURN void mpf_raise_name_error(mpf_qstr_t name) {
#if CONFIG_ERROR_MSG_LEVEL >= 2 && CONFIG_EXC_ATTRS
    mpf_raise_with(mpf_exc_new_fmt(&mpf_type_NameError, "name '%q' is not defined", name), MPF_QSTR_name, mpf_obj_new_qstr(name), 0,
        MPF_OBJ_NULL);
#elif CONFIG_EXC_ATTRS
    mpf_raise_with(mpf_exc_new_fmt(&mpf_type_NameError, "name not defined"), MPF_QSTR_name, mpf_obj_new_qstr(name), 0, MPF_OBJ_NULL);
#elif CONFIG_ERROR_MSG_LEVEL >= 2
    mpf_raise_fmt(&mpf_type_NameError, "name '%q' is not defined", name);
#else
    (void)name;
    mpf_raise_msg(&mpf_type_NameError, "name not defined");
#endif
}

MPF_NORETURN void mpf_raise_memory_error(void) {
#if CONFIG_EMERGENCY_EXCEPTION
    // the preallocated instance; none only while mpf_init runs, with no handler to catch
    // anything (mpf_nlr_raise stops the program then)
    mpf_obj_t e = mpf_state.emergency_exc;
    if (e != MPF_OBJ_NULL) {
        mpf_exc_t *ex = mpf_obj_ptr(e);
        ex->tb_len = 0;
        ex->tb = NULL;
        ex->tb_alloc = 0;
        ex->cause = MPF_OBJ_NULL;
        ex->context = MPF_OBJ_NULL;
    }
    mpf_nlr_raise(e);
#else
    mpf_exc_t *ex = mpf_gc_alloc_maybe(sizeof(mpf_exc_t));
    if (ex == NULL) {
        // the one in mpf_state's roots, emptied of what its last raise left (a traceback array
        // and a __context__ the GC may have reused since)
        static const mpf_tuple_t no_args = {{&mpf_type_tuple}, 0};
        ex = &mpf_state.memory_error;
        memset(ex, 0, sizeof(*ex));
        ex->inst.base.type = &mpf_type_MemoryError;
        ex->args = mpf_obj_from_ptr(&no_args);
        mpf_nlr_raise(mpf_obj_from_ptr(ex));
    }
    ex->inst.base.type = &mpf_type_MemoryError;
    ex->args = mpf_obj_new_tuple(0, (const mpf_obj_t *)&ex);
    mpf_nlr_raise(mpf_obj_from_ptr(ex));
#endif
}

#if CONFIG_GENERATORS
// (mpf_int.h) __cause__ and __context__ are the StopIteration, as CPython's
mpf_obj_t mpf_exc_stop_in_gen(mpf_obj_t stop) {
    mpf_obj_t e = mpf_exc_new_msg(&mpf_type_RuntimeError, "generator raised StopIteration");
#if CONFIG_EXC_CHAINING
    mpf_exc_t *x = mpf_obj_ptr(e);
    x->cause = x->context = stop;
#else
    (void)stop;
#endif
    return e;
}
#endif

mpf_obj_t mpf_exc_value(mpf_obj_t exc) {
    mpf_exc_t *e = mpf_exc_native(exc);
    if (e == NULL) {
        return MPF_OBJ_NONE;
    }
    const mpf_tuple_t *a = mpf_obj_ptr(e->args);
    return a->len > 0 ? a->items[0] : MPF_OBJ_NONE;
}

void mpf_exc_add_tb(mpf_obj_t exc, mpf_qstr_t file, size_t line, mpf_qstr_t name) {
    mpf_exc_t *e = mpf_exc_native(exc);
    if (e == NULL || exc == mpf_state.emergency_exc) {
        return;
    }
    if (e->tb_len == e->tb_alloc) {
        size_t na = e->tb_alloc ? e->tb_alloc * 2 : 4;
        mpf_tb_entry_t *nt = mpf_gc_alloc_maybe(na * sizeof(mpf_tb_entry_t));
        if (nt == NULL) {
            return;
        }
        if (e->tb_len) {
            memcpy(nt, e->tb, e->tb_len * sizeof(mpf_tb_entry_t));
        }
        e->tb = nt;
        e->tb_alloc = na;
    }
    e->tb[e->tb_len].file = file;
    e->tb[e->tb_len].line = line;
    e->tb[e->tb_len].name = name;
    e->tb_len++;
}

#if CONFIG_EXC_CHAINING
// Longest chain of causes/contexts printed before a traceback (CPython prints them
// all, minus repeats; a bound keeps a pathological chain from flooding a console).
#define TB_CHAIN_MAX 16

// The exception printed before [e]'s traceback and whether it was the direct cause
// (`raise ... from`) rather than the context being handled; NULL if none. A __cause__
// of None (`from None`) suppresses the context, as __suppress_context__ does.
static mpf_obj_t tb_chain_prev(const mpf_exc_t *e, bool *is_cause) {
    *is_cause = e->cause != MPF_OBJ_NULL && e->cause != MPF_OBJ_NONE;
    if (*is_cause) {
        return mpf_obj_is_exception(e->cause) ? e->cause : MPF_OBJ_NULL;
    }
    if (e->cause == MPF_OBJ_NULL && e->context != MPF_OBJ_NULL && mpf_obj_is_exception(e->context)) {
        return e->context;
    }
    return MPF_OBJ_NULL;
}
#endif

// The traceback of [exc] alone (no chain): the entries, then "Type: message".
#if CONFIG_COMPILER
// The location of a SyntaxError's args [a] in CPython's form, (msg, (filename, lineno,
// offset, text[, end_lineno, end_offset])): that 4- or 6-tuple, else NULL.
static const mpf_tuple_t *syntax_loc(const mpf_tuple_t *a) {
    if (a->len == 2 && mpf_obj_is_type(a->items[1], &mpf_type_tuple)) {
        const mpf_tuple_t *loc = mpf_obj_ptr(a->items[1]);
        return (loc->len | 2) == 6 ? loc : NULL;
    }
    return NULL;
}
#endif

static void print_one_tb(const mpf_print_t *p, mpf_obj_t exc);

#if CONFIG_EXC_CHAINING
// The exceptions whose tracebacks are being printed, newest first (on the C stack).
typedef struct tb_seen {
    mpf_obj_t exc;
    const struct tb_seen *next;
} tb_seen_t;

// Print the chain that ends at [exc] oldest first, as CPython does: the exception before
// it unless it is one of [seen] (an exception can end up in its own context) or the chain
// is [depth] + 1 == TB_CHAIN_MAX long already, then [exc]'s own traceback.
static void print_chain(const mpf_print_t *p, mpf_obj_t exc, const tb_seen_t *seen, size_t depth) {
    tb_seen_t me = {exc, seen};
    bool is_cause = false;
    mpf_exc_t *e = mpf_exc_native(exc);
    mpf_obj_t prev = e != NULL && depth + 1 < TB_CHAIN_MAX ? tb_chain_prev(e, &is_cause) : MPF_OBJ_NULL;
    for (const tb_seen_t *s = &me; s != NULL; s = s->next) {
        if (s->exc == prev) {
            prev = MPF_OBJ_NULL;
        }
    }
    if (prev != MPF_OBJ_NULL) {
        print_chain(p, prev, &me, depth + 1);
        mpf_print_str(p, is_cause ? "\nThe above exception was the direct cause of the following exception:\n\n"
                                  : "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    print_one_tb(p, exc);
}
#endif

void mpf_exc_print_tb(const mpf_print_t *p, mpf_obj_t exc) {
#if !CONFIG_EXC_CHAINING
    print_one_tb(p, exc);
#else
    print_chain(p, exc, NULL, 0);
#endif
}

// sys.tracebacklimit when the program set it to an int (entries printed per traceback,
// the outermost ones; none and no header when <= 0), else SIZE_MAX.
static size_t tb_limit(void) {
#if !CONFIG_MODULE_SYS
    return SIZE_MAX;  // no sys module, so no sys.tracebacklimit
#else
    mpf_obj_t sys = mpf_dict_get(mpf_state.modules, mpf_obj_new_qstr(MPF_QSTR_sys));
    if (sys == MPF_OBJ_NULL || !mpf_obj_is_type(sys, &mpf_type_module)) {
        return SIZE_MAX;
    }
    mpf_obj_t v = mpf_dict_get(((const mpf_module_t *)mpf_obj_ptr(sys))->globals, mpf_obj_new_qstr(MPF_QSTR_tracebacklimit));
    mpf_int_t n;
    if (v == MPF_OBJ_NULL || !mpf_obj_is_int(v) || !mpf_obj_get_int_maybe(v, &n)) {
        return SIZE_MAX;
    }
    return n <= 0 ? 0 : (size_t)n;
#endif
}

static void print_one_tb(const mpf_print_t *p, mpf_obj_t exc) {
    mpf_exc_t *e = mpf_exc_native(exc);
    size_t limit = tb_limit();
    if (e != NULL && e->tb_len > 0 && limit > 0) {
        mpf_print_str(p, "Traceback (most recent call last):\n");
        // tb[] is innermost first; the limit keeps the outermost entries (as the traceback module does)
        size_t stop = e->tb_len > limit ? e->tb_len - limit : 0;
        for (size_t i = e->tb_len; i-- > stop;) {
            mpf_printf(p, "  File \"%q\", line %u, in %q\n", e->tb[i].file, (unsigned)e->tb[i].line, e->tb[i].name);
        }
    }
    mpf_obj_t msg = exc;
#if CONFIG_COMPILER
    const mpf_tuple_t *sa = e != NULL && mpf_exc_match(exc, &mpf_type_SyntaxError) ? mpf_obj_ptr(e->args) : NULL;
    const mpf_tuple_t *loc = sa != NULL ? syntax_loc(sa) : NULL;
    if (loc != NULL) {
        // the offending line with a caret under the column, as CPython shows it, then
        // "Type: msg" below
        mpf_printf(p, "  File \"%O\", line %O\n", loc->items[0], loc->items[1]);
#if CONFIG_COMPILER_ERROR_DETAIL
        if (mpf_obj_is_str(loc->items[3])) {
            size_t n;
            const char *t = mpf_obj_str_data(loc->items[3], &n);
            size_t skip = 0;
            while (skip < n && (t[skip] == ' ' || t[skip] == '\t' || t[skip] == '\f')) {
                skip++;
            }
            while (n > skip && (t[n - 1] == '\r' || t[n - 1] == '\n')) {
                n--;
            }
            mpf_printf(p, "    %.*s\n", (int)(n - skip), t + skip);
            mpf_int_t col = mpf_obj_is_small_int(loc->items[2]) ? mpf_obj_small_int_value(loc->items[2]) : 0;
            if (col > (mpf_int_t)skip) {
                // (none for a column in the indent: CPython's "unexpected indent", TabError)
                // the text's 4 spaces of indent, then one a column before the caret's (at
                // most one past the text's end)
                size_t at = (size_t)col - 1 < n ? (size_t)col - 1 : n;
                for (size_t i = at - skip + 4; i > 0; i--) {
                    mpf_print_str(p, " ");
                }
                mpf_print_str(p, "^\n");
            }
        }
#endif
        msg = sa->items[0];
    }
#endif
    // "module.Type: str(exc)" (no module for __main__), or the type alone when that is empty
    mpf_type_print_class_name(p, mpf_obj_type(exc), true);
    size_t n;
    const char *s = mpf_obj_str_data(mpf_obj_str(msg), &n);
    mpf_printf(p, n > 0 ? ": %.*s\n" : "\n", (int)n, s);
#if CONFIG_EXC_ATTRS
    // the notes add_note() added, a line each (str() of one that is not a str), as CPython
    mpf_obj_t notes = e != NULL ? mpf_map_get_qstr(&e->inst.members, MPF_QSTR___notes__) : MPF_OBJ_NULL;
    if (notes != MPF_OBJ_NULL && mpf_obj_is_type(notes, &mpf_type_list)) {
        const mpf_list_t *l = mpf_obj_ptr(notes);
        for (size_t i = 0; i < l->len; i++) {
            mpf_printf(p, "%O\n", l->items[i]);
        }
    }
#endif
}

// str(e): '' / str(arg) / str(args); KeyError with one arg uses repr.
#if CONFIG_EXC_ATTRS && CONFIG_ERROR_MSG_EXACT
// The args of a UnicodeDecodeError or UnicodeEncodeError made of CPython's five (encoding,
// object, start, end, reason: a str, a bytes-like or str, two ints, a str); else NULL.
static const mpf_tuple_t *codec_error_args(mpf_obj_t self) {
    const mpf_tuple_t *a = mpf_obj_ptr(((const mpf_exc_t *)mpf_obj_ptr(self))->args);
    if (a->len != 5 || !(mpf_exc_match(self, &mpf_type_UnicodeDecodeError) || mpf_exc_match(self, &mpf_type_UnicodeEncodeError)) ||
        !MPF_IS_STR(a->items[0]) || MPF_IS_STR(a->items[1]) != mpf_exc_match(self, &mpf_type_UnicodeEncodeError) ||
        !mpf_obj_is_int(a->items[2]) || !mpf_obj_is_int(a->items[3]) || !MPF_IS_STR(a->items[4])) {
        return NULL;
    }
    return a;
}
#endif

static void exc_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    mpf_exc_t *e = mpf_obj_ptr(self);
    const mpf_tuple_t *a = mpf_obj_ptr(e->args);
    if (kind == MPF_PRINT_REPR) {
        // Type(arg), or Type followed by the repr of the args tuple: Type(), Type(a, b)
        mpf_printf(p, a->len == 1 ? "%T(%R)" : "%T%R", self, a->len == 1 ? a->items[0] : e->args);
        return;
    }
#if CONFIG_COMPILER
    if (mpf_exc_match(self, &mpf_type_SyntaxError)) {
        // str(msg) (None without args), then as CPython " (file, line N)": the file's base
        // name when a str, the line when an int, each left out otherwise (the attributes as
        // they are now: of SyntaxError(msg, (filename, lineno, offset, text)) or stored over)
        mpf_obj_print(p, mpf_load_attr(self, MPF_QSTR_msg), MPF_PRINT_STR);
        mpf_obj_t file = mpf_load_attr(self, MPF_QSTR_filename), line = mpf_load_attr(self, MPF_QSTR_lineno);
        const char *sep = " (";
        if (mpf_obj_is_str(file)) {
            size_t n;
            const char *f = mpf_obj_str_data(file, &n);
            const char *b = f + n;
            while (b > f && b[-1] != '/') {
                b--;
            }
            mpf_printf(p, " (%.*s", (int)(f + n - b), b);
            sep = ", ";
        }
        if (mpf_obj_is_int(line) && line != MPF_OBJ_TRUE && line != MPF_OBJ_FALSE) {   // (an int, not a bool)
            mpf_printf(p, "%sline %O", sep, line);
            sep = ", ";
        }
        if (sep[0] == ',') {
            mpf_print_str(p, ")");
        }
        return;
    }
#endif
    if (a->len == 0) {
        return;
    }
    if (a->len == 1) {
        mpf_obj_print(p, a->items[0], mpf_exc_match(self, &mpf_type_KeyError) ? MPF_PRINT_REPR : MPF_PRINT_STR);
        return;
    }
#if CONFIG_EXC_ATTRS && CONFIG_ERROR_MSG_EXACT
    if (codec_error_args(self) != NULL) {
        // CPython's message from (encoding, object, start, end, reason)
        bool enc = mpf_exc_match(self, &mpf_type_UnicodeEncodeError);
        mpf_int_t start = mpf_obj_get_int(a->items[2]), end = mpf_obj_get_int(a->items[3]);
        mpf_printf(p, "'%O' codec can't %s ", a->items[0], enc ? "encode" : "decode");
        size_t n = mpf_obj_len(a->items[1]);
        if (end == start + 1 && start >= 0 && (size_t)start < n) {
            mpf_obj_t item = mpf_subscr(a->items[1], a->items[2], MPF_OBJ_SENTINEL);
            uint32_t c;
            if (enc) {
                size_t cl, k = 1;
                c = mpf_utf8_decode((const uint8_t *)mpf_obj_str_data(item, &cl), &k);
            } else {
                c = (uint32_t)mpf_obj_get_int(item);
            }
            int digits = !enc || c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
            mpf_print_str(p, !enc ? "byte 0x" : digits == 2 ? "character '\\x" : digits == 4 ? "character '\\u" : "character '\\U");
            char hex[8];
            for (int i = digits - 1; i >= 0; i--, c >>= 4) {
                hex[i] = "0123456789abcdef"[c & 15];
            }
            mpf_print_strn(p, hex, (size_t)digits);
            mpf_printf(p, "%s in position %d: %O", enc ? "'" : "", (int)start, a->items[4]);
        } else {
            mpf_printf(p, "%s in position %d-%d: %O", enc ? "characters" : "bytes", (int)start, (int)end - 1, a->items[4]);
        }
        return;
    }
#endif
    if (a->len >= 2 && a->len <= 5 && mpf_exc_match(self, &mpf_type_OSError)) {
        mpf_printf(p, "[Errno %O] %O", a->items[0], a->items[1]);
        mpf_obj_t f = mpf_map_get_qstr(&e->inst.members, MPF_QSTR_filename);
        if (f != MPF_OBJ_NULL) {
            mpf_printf(p, ": %R", f);
            mpf_obj_t f2 = mpf_map_get_qstr(&e->inst.members, MPF_QSTR_filename2);
            if (f2 != MPF_OBJ_NULL) {
                mpf_printf(p, " -> %R", f2);
            }
        }
        return;
    }
    mpf_obj_print(p, e->args, MPF_PRINT_REPR);
}

#if CONFIG_EXC_OSERROR_SUBCLASSES
// The OSError subclass CPython raises for errno [err] (OSError itself for most; without
// CONFIG_EXC_OSERROR_SUBCLASSES OSError for all).
static const mpf_type_t *oserror_type(mpf_int_t err) {
    // EPERM, EACCES, ENOENT, EEXIST, ENOTDIR, EISDIR, ETIMEDOUT, and their types
    static const uint8_t errnos[] = {1, 13, 2, 17, 20, 21, 110};
    static const mpf_type_t *const types[] = {
        &mpf_type_PermissionError, &mpf_type_PermissionError, &mpf_type_FileNotFoundError, &mpf_type_FileExistsError,
        &mpf_type_NotADirectoryError, &mpf_type_IsADirectoryError, &mpf_type_TimeoutError,
    };
    _Static_assert(sizeof(types) / sizeof(types[0]) == sizeof(errnos), "one type an errno");
    const uint8_t *at = err > 0 && err < 256 ? memchr(errnos, (int)err, sizeof(errnos)) : NULL;
    return at != NULL ? types[at - errnos] : &mpf_type_OSError;
}
#endif

// OSError(errno, strerror, filename[, winerror[, filename2]]) keeps (errno, strerror)
// as its args and the file names as attributes, as CPython does; OSError itself turns
// into the subclass CPython picks for the errno.
static mpf_obj_t oserror_new(const mpf_type_t *type, size_t n_args, const mpf_obj_t *args) {
#if CONFIG_EXC_OSERROR_SUBCLASSES
    if (n_args < 2 || n_args > 5) {
        return mpf_exc_new(type, n_args, args);
    }
    if (type == &mpf_type_OSError && mpf_obj_is_small_int(args[0])) {
        type = oserror_type(mpf_obj_small_int_value(args[0]));
    }
    if (n_args == 2 || args[2] == MPF_OBJ_NONE) {
#else
    if (n_args < 3 || n_args > 5 || args[2] == MPF_OBJ_NONE) {
#endif
        return mpf_exc_new(type, n_args, args);
    }
    mpf_obj_t exc = mpf_exc_new(type, 2, args);
    mpf_map_t *members = &((mpf_exc_t *)mpf_obj_ptr(exc))->inst.members;
    mpf_map_lookup(members, mpf_obj_new_qstr(MPF_QSTR_filename), MPF_MAP_LOOKUP_ADD)->value = args[2];
    if (n_args == 5 && args[4] != MPF_OBJ_NONE) {
        mpf_map_lookup(members, mpf_obj_new_qstr(MPF_QSTR_filename2), MPF_MAP_LOOKUP_ADD)->value = args[4];
    }
    return exc;
}

// CPython's texts (the C library's strerror) for the errnos the ports report.
static const char *errno_text(int e) {
    switch (e) {
        case 1: return "Operation not permitted";
        case 2: return "No such file or directory";
        case 5: return "Input/output error";
        case 9: return "Bad file descriptor";
        case 11: return "Resource temporarily unavailable";
        case 12: return "Cannot allocate memory";
        case 13: return "Permission denied";
        case 16: return "Device or resource busy";
        case 17: return "File exists";
        case 18: return "Invalid cross-device link";
        case 20: return "Not a directory";
        case 21: return "Is a directory";
        case 22: return "Invalid argument";
        case 24: return "Too many open files";
        case 28: return "No space left on device";
        case 30: return "Read-only file system";
        case 36: return "File name too long";
        case 38: return "Function not implemented";
        case 39: return "Directory not empty";
        default: return "Error";
    }
}

MPF_NORETURN void mpf_raise_oserror(int err, mpf_obj_t filename, mpf_obj_t filename2) {
    const char *t = errno_text(err);
    mpf_obj_t args[5] = {mpf_obj_new_small_int(err), mpf_obj_new_str(t, strlen(t)), filename, MPF_OBJ_NONE, filename2};
    mpf_raise(oserror_new(&mpf_type_OSError, filename2 != MPF_OBJ_NONE ? 5 : filename != MPF_OBJ_NONE ? 3 : 2, args));
}

#if CONFIG_EXC_ATTRS
// Where [q] is among the [n] qstrs of [names]: its index, or n.
static size_t qstr_at(const uint16_t *names, size_t n, mpf_qstr_t q) {
    size_t i = 0;
    while (i < n && names[i] != q) {
        i++;
    }
    return i;
}

// The keywords of ImportError (path, name), NameError (name) and AttributeError (name, obj),
// as CPython's: attributes, None until set.
static const uint16_t exc_kw_names[3] = {MPF_QSTR_path, MPF_QSTR_name, MPF_QSTR_obj};

// The type among those three that [t] derives from, its keywords exc_kw_names[*lo..*hi);
// NULL for the other exceptions (no keywords).
static const mpf_type_t *exc_kws(const mpf_type_t *t, size_t *lo, size_t *hi) {
    *lo = 1;
    *hi = 2;
    if (mpf_type_is_subclass(t, &mpf_type_ImportError)) {
        *lo = 0;
        return &mpf_type_ImportError;
    }
    if (mpf_type_is_subclass(t, &mpf_type_NameError)) {
        return &mpf_type_NameError;
    }
    *hi = 3;
    return mpf_type_is_subclass(t, &mpf_type_AttributeError) ? &mpf_type_AttributeError : NULL;
}

// (mpf.h)
void mpf_exc_apply_kw(mpf_obj_t self, size_t n_kw, const mpf_obj_t *kw) {
    if (n_kw == 0) {
        return;
    }
    size_t lo, hi;
    const mpf_type_t *owner = exc_kws(mpf_obj_type(self), &lo, &hi);
    if (owner == NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, "%q() takes no keyword arguments", mpf_type_name(mpf_obj_type(self)));
    }
    for (size_t k = 0; k < 2 * n_kw; k += 2) {
        if (!mpf_obj_is_qstr(kw[k]) || qstr_at(exc_kw_names + lo, hi - lo, mpf_obj_qstr_value(kw[k])) == hi - lo) {
            mpf_raise_fmt(&mpf_type_TypeError, "%R is an invalid keyword argument for %q()", kw[k], mpf_type_name(owner));
        }
        mpf_map_lookup(&((mpf_exc_t *)mpf_obj_ptr(self))->inst.members, kw[k], MPF_MAP_LOOKUP_ADD)->value = kw[k + 1];
    }
}
#endif

static mpf_obj_t exc_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t e = mpf_type_is_subclass(type, &mpf_type_OSError) ? oserror_new(type, n_args, args) : mpf_exc_new(type, n_args, args);
#if CONFIG_EXC_ATTRS
    mpf_exc_apply_kw(e, n_kw, args + n_args);
#else
    (void)n_kw;  // (ignored)
#endif
    return e;
}

#if CONFIG_EXC_ATTRS
// Traceback objects (e.__traceback__, sys.exc_info()[2]): entry [i] of an exception's
// traceback entries (0 the innermost, where it was raised) and the entries below it. An
// exception only appends to its entries, and a new traceback given to it starts a new
// array, so the entries seen here never change.
typedef struct tb_obj {
    mpf_obj_base_t base;
    const mpf_tb_entry_t *entries;
    size_t i;
    mpf_obj_t next;  // tb_next once read (the same object each time, as in CPython), or NULL
} tb_obj_t;

// The traceback of the first [n] entries of [tb] (its outermost frame first), None if n is 0.
static mpf_obj_t tb_new(const mpf_tb_entry_t *tb, size_t n) {
    if (n == 0) {
        return MPF_OBJ_NONE;
    }
    tb_obj_t *t = mpf_new(tb_obj_t);
    t->base.type = &mpf_type_traceback;
    t->entries = tb;
    t->i = n - 1;
    return mpf_obj_from_ptr(t);
}

#if CONFIG_COMPILER_INTROSPECTION
// tb_frame: a frame of what the entry records, its f_lineno and f_code (of co_name and
// co_filename); the same layout as a traceback's, under these two types (no f_globals,
// f_locals or f_back: an entry keeps no frame)
static const mpf_type_t tb_frame_type, tb_code_type;
#endif

// The attributes of a traceback: tb_lineno, tb_next (the frame the exception came from, None
// in the innermost) and, with the compiler, tb_frame; of a frame: f_lineno and f_code; of a
// code object: co_name and co_filename.
static void tb_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    const tb_obj_t *t = mpf_obj_ptr(self);
    const mpf_tb_entry_t *en = &t->entries[t->i];
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
#if CONFIG_COMPILER_INTROSPECTION
    const mpf_type_t *type = t->base.type;
    if (type == &tb_code_type) {
        if (attr == MPF_QSTR_co_name || attr == MPF_QSTR_co_filename) {
            dest[0] = mpf_obj_new_qstr(attr == MPF_QSTR_co_name ? en->name : en->file);
        }
        return;
    }
    // tb_frame of a traceback, f_code of a frame: the entry under the other type
    const mpf_type_t *as = type == &tb_frame_type ? (attr == MPF_QSTR_f_code ? &tb_code_type : NULL)
                         : attr == MPF_QSTR_tb_frame ? &tb_frame_type : NULL;
    if (as != NULL) {
        tb_obj_t *f = mpf_new(tb_obj_t);
        *f = *t;
        f->base.type = as;
        f->next = MPF_OBJ_NULL;
        dest[0] = mpf_obj_from_ptr(f);
        return;
    }
    if (attr == (type == &tb_frame_type ? MPF_QSTR_f_lineno : MPF_QSTR_tb_lineno)) {
        dest[0] = mpf_obj_new_small_int((mpf_int_t)en->line);
    } else if (attr == MPF_QSTR_tb_next && type != &tb_frame_type) {
#else
    if (attr == MPF_QSTR_tb_lineno) {
        dest[0] = mpf_obj_new_small_int((mpf_int_t)en->line);
    } else if (attr == MPF_QSTR_tb_next) {
#endif
        tb_obj_t *w = (tb_obj_t *)t;
        if (w->next == MPF_OBJ_NULL) {
            w->next = tb_new(t->entries, t->i);
        }
        dest[0] = w->next;
    }
}

#if CONFIG_COMPILER_INTROSPECTION
static const mpf_type_t tb_frame_type = MPF_TYPE(MPF_QSTR_frame, 0, (attr, tb_attr));
static const mpf_type_t tb_code_type = MPF_TYPE(MPF_QSTR_code, 0, (attr, tb_attr));
#endif

const mpf_type_t mpf_type_traceback = MPF_TYPE(MPF_QSTR_traceback, 0,
    (attr, tb_attr));

// sys.exc_info(): (type, value, traceback) of the exception being handled in the running
// frame or the frames that called it in the same run of the VM, else (None, None, None).
mpf_obj_t mpf_exc_info(void) {
    mpf_obj_t t[3] = {MPF_OBJ_NONE, MPF_OBJ_NONE, MPF_OBJ_NONE};
    mpf_obj_t e = mpf_vm_handled_exc(mpf_state.cur_frame);
    if (e != MPF_OBJ_NULL) {
        t[0] = mpf_obj_from_ptr(mpf_obj_type(e));
        t[1] = e;
        t[2] = mpf_load_attr(e, MPF_QSTR___traceback__);
    }
    return mpf_obj_new_tuple(3, t);
}
#endif

#if CONFIG_EXC_ATTRS
// A traceback given to an exception (__traceback__, with_traceback()): a traceback object
// (its entries, shared: the next one added copies them) or None (no entries).
static void exc_set_tb(mpf_exc_t *e, mpf_obj_t tb) {
    if (mpf_obj_is_type(tb, &mpf_type_traceback)) {
        const tb_obj_t *t = mpf_obj_ptr(tb);
        e->tb = (mpf_tb_entry_t *)t->entries;
        e->tb_len = e->tb_alloc = t->i + 1;
        e->tb_obj = tb;  // (read back as it was given)
    } else if (tb == MPF_OBJ_NONE) {
        e->tb = NULL;
        e->tb_len = e->tb_alloc = 0;
    } else {
        mpf_raise_msg(&mpf_type_TypeError, "__traceback__ must be a traceback or None");
    }
}
#else
// __traceback__ is always None here (there are no traceback objects): None is all it takes.
static void exc_check_tb(mpf_obj_t tb) {
    if (tb != MPF_OBJ_NONE) {
        mpf_raise_msg(&mpf_type_TypeError, "__traceback__ must be a traceback or None");
    }
}
#endif

static void exc_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    mpf_exc_t *e = mpf_obj_ptr(self);
    if (dest[0] == MPF_OBJ_SENTINEL) {
#if CONFIG_EXC_ATTRS
        if (dest[1] == MPF_OBJ_NULL && (attr == MPF_QSTR___traceback__ || attr == MPF_QSTR_args
#if CONFIG_EXC_CHAINING
            || attr == MPF_QSTR___cause__ || attr == MPF_QSTR___context__ || attr == MPF_QSTR___suppress_context__
#endif
            )) {
            // (del of one of these: as CPython's)
            mpf_raise_fmt(&mpf_type_TypeError, attr == MPF_QSTR___suppress_context__ ?
                "can't delete numeric/char attribute" : "%q may not be deleted", attr);
        }
#endif
#if CONFIG_EXC_ATTRS
        if (attr == MPF_QSTR___traceback__) {
            exc_set_tb(e, dest[1]);
#else
        if (attr == MPF_QSTR___traceback__ && dest[1] != MPF_OBJ_NULL) {
            exc_check_tb(dest[1]);
#endif
            dest[0] = MPF_OBJ_NULL;
        } else if (attr == MPF_QSTR_args) {
            e->args = mpf_tuple_from_iter(dest[1]);
            dest[0] = MPF_OBJ_NULL;
#if CONFIG_EXC_CHAINING
        } else if (attr == MPF_QSTR___cause__) {
            e->cause = dest[1];  // None too: it suppresses the context, as in CPython
            dest[0] = MPF_OBJ_NULL;
        } else if (attr == MPF_QSTR___suppress_context__) {
            if (mpf_obj_is_true(dest[1])) {
                e->cause = e->cause == MPF_OBJ_NULL ? MPF_OBJ_NONE : e->cause;
            } else if (e->cause == MPF_OBJ_NONE) {
                e->cause = MPF_OBJ_NULL;
            }
            dest[0] = MPF_OBJ_NULL;
        } else if (attr == MPF_QSTR___context__) {
            e->context = dest[1];
            dest[0] = MPF_OBJ_NULL;
#endif
        } else if (dest[1] != MPF_OBJ_NULL) {
            mpf_map_lookup(&e->inst.members, mpf_obj_new_qstr(attr), MPF_MAP_LOOKUP_ADD)->value = dest[1];
            dest[0] = MPF_OBJ_NULL;
#if CONFIG_EXC_ATTRS
        } else if (mpf_map_lookup(&e->inst.members, mpf_obj_new_qstr(attr), MPF_MAP_REMOVE) != NULL) {
            dest[0] = MPF_OBJ_NULL;   // (del of an attribute stored)
#endif
        }
        return;
    }
    if (attr == MPF_QSTR_args) {
        dest[0] = e->args;
#if CONFIG_EXC_CHAINING
    } else if (attr == MPF_QSTR___cause__) {
        dest[0] = e->cause ? e->cause : MPF_OBJ_NONE;
    } else if (attr == MPF_QSTR___suppress_context__) {
        dest[0] = mpf_obj_bool(e->cause != MPF_OBJ_NULL);
    } else if (attr == MPF_QSTR___context__) {
        dest[0] = e->context ? e->context : MPF_OBJ_NONE;
#endif
    } else if (attr == MPF_QSTR___traceback__) {
#if CONFIG_EXC_ATTRS
        // the same object while the exception's entries are the same (as CPython's
        // e.__traceback__ is e.__traceback__): a frame it passes since makes a new one
        const tb_obj_t *c = e->tb_obj != MPF_OBJ_NULL ? mpf_obj_ptr(e->tb_obj) : NULL;
        if (e->tb_len == 0) {
            dest[0] = MPF_OBJ_NONE;
        } else {
            if (c == NULL || c->entries != e->tb || c->i + 1 != e->tb_len) {
                e->tb_obj = tb_new(e->tb, e->tb_len);
            }
            dest[0] = e->tb_obj;
        }
#else
        dest[0] = MPF_OBJ_NONE;
#endif
#if !CONFIG_EXC_ATTRS
    } else if ((attr == MPF_QSTR_value && mpf_exc_match(self, &mpf_type_StopIteration)) ||
               (attr == MPF_QSTR_code && mpf_exc_match(self, &mpf_type_SystemExit))) {
        dest[0] = mpf_exc_value(self);  // (the first argument; a value stored over is not seen)
#endif
    } else {
        // a member (an attribute stored), or: (CONFIG_EXC_ATTRS) StopIteration's value (the
        // first argument) and SystemExit's code (None, the argument, or the args when more
        // than one); OSError's errno and strerror (set only when built from (errno, strerror,
        // ...), as in CPython), and its filename and filename2 (None when not given)
        bool os = mpf_exc_match(self, &mpf_type_OSError);
        mpf_obj_t v = mpf_map_get_qstr(&e->inst.members, attr);
        if (v != MPF_OBJ_NULL) {
#if CONFIG_EXC_ATTRS
        } else if (attr == MPF_QSTR_value && mpf_exc_match(self, &mpf_type_StopIteration)) {
            v = mpf_exc_value(self);
        } else if (attr == MPF_QSTR_code && mpf_exc_match(self, &mpf_type_SystemExit)) {
            v = ((const mpf_tuple_t *)mpf_obj_ptr(e->args))->len > 1 ? e->args : mpf_exc_value(self);
#endif
        } else if (os && (attr == MPF_QSTR_errno || attr == MPF_QSTR_strerror)) {
            const mpf_tuple_t *a = mpf_obj_ptr(e->args);
            v = a->len >= 2 && a->len <= 5 ? a->items[attr == MPF_QSTR_strerror] : MPF_OBJ_NONE;
        } else if (os && (attr == MPF_QSTR_filename || attr == MPF_QSTR_filename2)) {
            v = MPF_OBJ_NONE;
        }
#if CONFIG_EXC_ATTRS && CONFIG_ERROR_MSG_EXACT
        const mpf_tuple_t *ca = v == MPF_OBJ_NULL ? codec_error_args(self) : NULL;
        if (ca != NULL) {
            static const uint16_t names[5] = {MPF_QSTR_encoding, MPF_QSTR_object, MPF_QSTR_start, MPF_QSTR_end, MPF_QSTR_reason};
            size_t i = qstr_at(names, 5, attr);
            v = i < 5 ? ca->items[i] : v;
        }
#endif
#if CONFIG_EXC_ATTRS
        size_t lo, hi;
        if (v == MPF_OBJ_NULL && exc_kws(mpf_obj_type(self), &lo, &hi) != NULL &&
            qstr_at(exc_kw_names + lo, hi - lo, attr) < hi - lo) {
            v = MPF_OBJ_NONE;
        }
#endif
#if CONFIG_COMPILER
        if (v == MPF_OBJ_NULL && mpf_exc_match(self, &mpf_type_SyntaxError)) {
            // msg, filename, lineno, offset, text, end_lineno, end_offset: of SyntaxError(msg,
            // (filename, lineno, offset, text[, end_lineno, end_offset])), as CPython's; None
            // when not given
            static const uint16_t names[7] = {MPF_QSTR_msg, MPF_QSTR_filename, MPF_QSTR_lineno, MPF_QSTR_offset,
                MPF_QSTR_text, MPF_QSTR_end_lineno, MPF_QSTR_end_offset};
            const mpf_tuple_t *loc = syntax_loc(mpf_obj_ptr(e->args));
            size_t i = qstr_at(names, 7, attr);
            if (i == 0) {
                v = mpf_exc_value(self);
            } else if (i < 7) {
                v = loc != NULL && i <= loc->len ? loc->items[i - 1] : MPF_OBJ_NONE;
            }
        }
#endif
        if (v != MPF_OBJ_NULL) {
            dest[0] = v;
        }
    }
}

static mpf_obj_t exc_init(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_exc_t *e = mpf_exc_native(args[0]);
    if (e != NULL) {
        e->args = mpf_obj_new_tuple(n_args - 1, args + 1);
#if CONFIG_EXC_ATTRS
        mpf_exc_apply_kw(args[0], n_kw, args + n_args);
#else
        (void)n_kw;
#endif
    }
    return MPF_OBJ_NONE;
}

#if CONFIG_EXC_ATTRS
// add_note(note): [note] appended to the list __notes__ (made by the first note)
static mpf_obj_t exc_add_note(mpf_obj_t self, mpf_obj_t note) {
    if (!MPF_IS_STR(note)) {
        mpf_raise_fmt(&mpf_type_TypeError, "note must be a str, not '%T'", note);
    }
    mpf_map_elem_t *el = mpf_map_lookup(&((mpf_exc_t *)mpf_obj_ptr(self))->inst.members, mpf_obj_new_qstr(MPF_QSTR___notes__), MPF_MAP_LOOKUP_ADD);
    if (el->value == MPF_OBJ_NULL) {
        el->value = mpf_obj_new_list(0, NULL);
    } else if (!mpf_obj_is_type(el->value, &mpf_type_list)) {
        mpf_raise_msg(&mpf_type_TypeError, "Cannot add note: __notes__ is not a list");
    }
    mpf_list_append(el->value, note);
    return MPF_OBJ_NONE;
}
#endif

static mpf_obj_t exc_with_traceback(mpf_obj_t self, mpf_obj_t tb) {
#if CONFIG_EXC_ATTRS
    mpf_exc_t *e = mpf_exc_native(self);
    if (e != NULL) {
        exc_set_tb(e, tb);
    }
#else
    exc_check_tb(tb);
#endif
    return self;
}

static mpf_obj_t exc_str(mpf_obj_t self) {
    return mpf_obj_print_to_str(exc_print, self, MPF_PRINT_STR);
}

static const mpf_rom_map_elem_t exc_locals_table[] = {
    MPF_ROM_FUN_KW(MPF_QSTR___init__, 1, exc_init),
    MPF_ROM_FUN_1(MPF_QSTR___str__, exc_str),
#if CONFIG_EXC_ATTRS
    MPF_ROM_FUN_2(MPF_QSTR_add_note, exc_add_note),
#endif
    MPF_ROM_FUN_2(MPF_QSTR_with_traceback, exc_with_traceback),
};
MPF_ROM_MAP(exc_locals, exc_locals_table);

// BaseException: the full type whose slots serve every builtin exception type.
const mpf_type_t mpf_type_BaseException = MPF_TYPE(MPF_QSTR_BaseException, MPF_TYPE_FLAG_EXCEPTION | MPF_TYPE_FLAG_SUBCLASSABLE,
    (print, exc_print),
    (make_new, exc_make_new),
    (attr, exc_attr),
    (locals, &exc_locals));

#if CONFIG_EXC_FULL_TYPES
// The others as full type objects: slots read directly.
#define MPF_DEFINE_EXC(exc_name, parent_) \
    const mpf_type_t mpf_type_##exc_name = MPF_TYPE(MPF_QSTR_##exc_name, \
        MPF_TYPE_FLAG_EXCEPTION | MPF_TYPE_FLAG_SUBCLASSABLE, (parent, &mpf_type_##parent_), \
        (print, exc_print), (make_new, exc_make_new), (attr, exc_attr), (locals, &exc_locals));
MPF_EXC_LIST(MPF_DEFINE_EXC)
#else
// The others compact, one array: name, flags and parent; mpf_type_slots() gives
// BaseException's slots and locals.
#if CONFIG_TYPE_FULL_SLOTS
#define EXC_PARENT(p) &mpf_type_##p
#else
#define EXC_PARENT(p) MPF_EXC_##p
#endif
#define MPF_DEFINE_EXC(exc_name, parent_) \
    [MPF_EXC_##exc_name] = { \
        .base = {&mpf_type_type}, \
        .name = MPF_QSTR_##exc_name, \
        .flags = MPF_TYPE_FLAG_EXCEPTION | MPF_TYPE_FLAG_SUBCLASSABLE | MPF_TYPE_FLAG_COMPACT, \
        .parent = EXC_PARENT(parent_), \
    },
const mpf_type_compact_t mpf_exc_types[MPF_EXC_NUM] = {
    MPF_EXC_LIST(MPF_DEFINE_EXC)
};
#endif
