// runtime.c -- interpreter state, non-local return, and the generic operations the VM
// calls: operators, calls (with * and ** expansion), attributes, subscripts, iteration.
#include "mpf_int.h"

// Slots of the VM's frame stack (locals + value stacks of nested calls) allocated once
// from the heap: 1/16 of the heap the GC manages (the host's `-X heapsize` may make it less
// than the configured heap), at most 4096 (deeper calls put frames in the heap).
#ifndef MPF_FRAME_STACK_SLOTS
#define MPF_FRAME_STACK_SLOTS(heap_size) ((heap_size) / 16 / sizeof(void *) < 4096 ? (heap_size) / 16 / sizeof(void *) : 4096)
#endif
#include "port.h"

MPF_OWN_SECTION("mpf_state") mpf_state_t mpf_state;

mpf_obj_t mpf_sys_argv(void) {
    return mpf_state.sys_argv;
}

mpf_obj_t mpf_sys_path(void) {
    return mpf_state.sys_path;
}

// ---------------------------------------------------------------- nlr
void mpf_nlr_push(mpf_nlr_t *n) {
    n->prev = mpf_state.nlr_top;
    n->fs_saved = mpf_state.fs_top;
    n->exc = MPF_OBJ_NULL;
    mpf_state.nlr_top = n;
}

void mpf_nlr_pop(mpf_nlr_t *n) {
    mpf_state.nlr_top = n->prev;
}

MPF_NORETURN void mpf_nlr_raise(mpf_obj_t exc) {
    mpf_nlr_t *n = mpf_state.nlr_top;
    if (n == NULL) {
#if CONFIG_ERROR_MSG_LEVEL == 0
        mpf_port_abort("uncaught");  // (terse: the short form; the port prints "FATAL: " first)
#else
        if (mpf_obj_is_type(exc, &mpf_type_MemoryError)) {
            // start-up (mpf_init, sys.argv) or a soft reset allocating before any handler
            mpf_port_abort("fatal: the heap ran out outside any handler (at start-up): build with a larger HEAP_SIZE");
        }
        mpf_port_abort("fatal: uncaught exception outside any handler");
#endif
    }
    mpf_state.nlr_top = n->prev;
    mpf_state.fs_top = n->fs_saved;
    n->exc = exc;
    longjmp(n->jb, 1);
}

// ---------------------------------------------------------------- init
void mpf_init(void) {
    void *heap;
    size_t heap_size;
    mpf_port_heap(&heap, &heap_size);
    memset(&mpf_state, 0, sizeof(mpf_state));
    void *top;
    size_t stack_size;
    mpf_port_stack(&top, &stack_size);
    if (stack_size > CONFIG_STACK_LIMIT) {
        stack_size = CONFIG_STACK_LIMIT;
    }
    mpf_state.stack_top = top;
    mpf_state.stack_limit_addr = (char *)((uintptr_t)top - stack_size);
    mpf_gc_init(heap, heap_size);
    mpf_qstr_init();
    mpf_state.modules = mpf_obj_new_dict(8);
    mpf_state.sys_path = mpf_obj_new_list(0, NULL);
#if CONFIG_MODULE_VFS && !CONFIG_PORT_HAS_FILESYSTEM
    // the current directory, where a mount may be (mpremote mount: /remote)
    mpf_list_append(mpf_state.sys_path, mpf_obj_new_str("", 0));
#endif
    mpf_state.sys_argv = mpf_obj_new_list(0, NULL);
    const size_t slots = MPF_FRAME_STACK_SLOTS(heap_size);
    mpf_state.fs_base = mpf_gc_alloc(slots * sizeof(mpf_obj_t), false);
    mpf_state.fs_top = mpf_state.fs_base;
    mpf_state.fs_end = mpf_state.fs_base + slots;
#if CONFIG_EMERGENCY_EXCEPTION
    mpf_state.emergency_exc = mpf_exc_new(&mpf_type_MemoryError, 0, NULL);
#endif
}

void mpf_deinit(void) {
    mpf_state.nlr_top = NULL;
}

void mpf_stack_overflow(void) {
    mpf_raise_msg(&mpf_type_RecursionError, "maximum recursion depth exceeded");
}

#if !CONFIG_STACK_CHECK_RESERVE && !CONFIG_LTO
void mpf_stack_check(void) {
    if (mpf_stack_reached()) {
        mpf_stack_overflow();
    }
}
#endif

// ---------------------------------------------------------------- operators
static const uint8_t reflect_cmp[] = {
    [MPF_BINARY_OP_LESS] = MPF_BINARY_OP_MORE,
    [MPF_BINARY_OP_MORE] = MPF_BINARY_OP_LESS,
    [MPF_BINARY_OP_EQUAL] = MPF_BINARY_OP_EQUAL,
    [MPF_BINARY_OP_LESS_EQUAL] = MPF_BINARY_OP_MORE_EQUAL,
    [MPF_BINARY_OP_MORE_EQUAL] = MPF_BINARY_OP_LESS_EQUAL,
    [MPF_BINARY_OP_NOT_EQUAL] = MPF_BINARY_OP_NOT_EQUAL,
};

static bool contains(mpf_obj_t container, mpf_obj_t item) {
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(container));
    if (mpf_type_get_binary_op(t) != NULL) {
        mpf_obj_t r = mpf_type_get_binary_op(t)(MPF_BINARY_OP_IN, container, item);
        if (r != MPF_OBJ_NULL) {
            return mpf_obj_is_true(r);
        }
    }
    mpf_obj_t it = mpf_getiter(container);
    mpf_obj_t v;
    while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
        if (v == item || mpf_obj_equal(v, item)) {
            return true;
        }
    }
    return false;
}

// A builtin left operand and an instance of a class derived from a builtin on the right
// (tuple + MyTuple, 'a' == MyStr('a')) that did not answer itself: the operation on the
// right one's native value, or NULL.
__attribute__((noinline)) static mpf_obj_t with_native_rhs(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    const mpf_type_t *lt = mpf_type_slots(mpf_obj_type(lhs));
    if ((lt->flags & MPF_TYPE_FLAG_HEAP) || mpf_type_get_binary_op(lt) == NULL || mpf_obj_is_exception(rhs) ||
        (mpf_obj_type(rhs)->flags & MPF_TYPE_FLAG_METATYPE)) {
        return MPF_OBJ_NULL;
    }
    mpf_obj_t native = ((const mpf_instance_t *)mpf_obj_ptr(rhs))->subobj;
    return native == MPF_OBJ_NULL ? MPF_OBJ_NULL : mpf_type_get_binary_op(lt)(op, lhs, native);
}

mpf_obj_t mpf_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op == MPF_BINARY_OP_IS) {
        return mpf_obj_bool(lhs == rhs);
    } else if (op == MPF_BINARY_OP_IN) {
        return mpf_obj_bool(contains(rhs, lhs));
    } else if (op == MPF_BINARY_OP_EXCEPTION_MATCH) {
#if !CONFIG_VM_FAST_PATHS
        // one check over the tuple's items or the one class (two loops in the default
        // config: the shared one cost mandelbrot 2.5% of its instructions)
        size_t n = 1;
        const mpf_obj_t *items = &rhs;
        if (mpf_obj_is_type(rhs, &mpf_type_tuple)) {
            const mpf_tuple_t *tu = mpf_obj_ptr(rhs);
            n = tu->len;
            items = tu->items;
        }
        for (size_t i = 0; i < n; i++) {
            if (!mpf_obj_is_class(items[i]) || !mpf_type_is_subclass(mpf_obj_ptr(items[i]), &mpf_type_BaseException)) {
                mpf_raise_msg(&mpf_type_TypeError, "catching classes that do not inherit from BaseException is not allowed");
            }
        }
#else
        if (mpf_obj_is_type(rhs, &mpf_type_tuple)) {
            const mpf_tuple_t *tu = mpf_obj_ptr(rhs);
            for (size_t i = 0; i < tu->len; i++) {
                if (!mpf_obj_is_class(tu->items[i]) ||
                    !mpf_type_is_subclass(mpf_obj_ptr(tu->items[i]), &mpf_type_BaseException)) {
                    mpf_raise_msg(&mpf_type_TypeError, "catching classes that do not inherit from BaseException is not allowed");
                }
            }
        } else if (!mpf_obj_is_class(rhs) ||
                   !mpf_type_is_subclass(mpf_obj_ptr(rhs), &mpf_type_BaseException)) {
            mpf_raise_msg(&mpf_type_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        }
#endif
        return mpf_obj_bool(mpf_obj_isinstance(lhs, rhs));
    }
    if (mpf_obj_is_small_int(lhs) && mpf_obj_is_small_int(rhs)) {
        mpf_obj_t v = mpf_int_binary_op(op, lhs, rhs);
        if (v != MPF_OBJ_NULL) {
            return v;
        }
        // (@ and @=, which ints do not answer: the TypeError below)
    }
    const mpf_type_t *lt = mpf_type_slots(mpf_obj_type(lhs));
    const mpf_type_t *rt = mpf_type_slots(mpf_obj_type(rhs));
    const int op_given = op;   // (an in-place one is tried as the normal one: the error names it)
    mpf_obj_t r;
#if !CONFIG_VM_FAST_PATHS
    // (the small configs: the slot read once, one call site for the in-place fallback; in
    // the default one this shape cost mandelbrot 1.7-2.5% of its instructions)
    // the left operand's operation; an in-place one that it does not answer, then as the
    // normal one (a += b as a + b)
    mpf_type_binary_op_fn_t lf = mpf_type_get_binary_op(lt);
    for (;;) {
        if (lf != NULL && (r = lf(op, lhs, rhs)) != MPF_OBJ_NULL) {
            return r;
        }
        if (op < MPF_BINARY_OP_INPLACE_OR || op > MPF_BINARY_OP_INPLACE_POWER) {
            break;
        }
        op += MPF_BINARY_OP_INPLACE_TO_NORMAL;
    }
#else
    if (mpf_type_get_binary_op(lt) != NULL && (r = mpf_type_get_binary_op(lt)(op, lhs, rhs)) != MPF_OBJ_NULL) {
        return r;
    }
    if (op >= MPF_BINARY_OP_INPLACE_OR && op <= MPF_BINARY_OP_INPLACE_POWER) {
        op += MPF_BINARY_OP_INPLACE_TO_NORMAL;
        if (mpf_type_get_binary_op(lt) != NULL && (r = mpf_type_get_binary_op(lt)(op, lhs, rhs)) != MPF_OBJ_NULL) {
            return r;
        }
    }
#endif
    // the right operand's reflected operation: a comparison's mirror (a < b: b > a), an
    // arithmetic operator's reverse (b.__radd__(a), not tried on the same class twice)
    bool cmp = op <= MPF_BINARY_OP_NOT_EQUAL;
    if (cmp || (op >= MPF_BINARY_OP_OR && op <= MPF_BINARY_OP_POWER)) {
        if (mpf_type_get_binary_op(rt) != NULL && (cmp || rt != lt || (rt->flags & MPF_TYPE_FLAG_HEAP) == 0) &&
            (r = mpf_type_get_binary_op(rt)(cmp ? reflect_cmp[op] : op + MPF_BINARY_OP_NORMAL_TO_REVERSE, rhs, lhs)) != MPF_OBJ_NULL) {
            return r;
        }
        if ((rt->flags & MPF_TYPE_FLAG_HEAP) && (r = with_native_rhs(op, lhs, rhs)) != MPF_OBJ_NULL) {
            return r;
        }
        if (op == MPF_BINARY_OP_EQUAL) {
            return mpf_obj_bool(lhs == rhs);
        } else if (op == MPF_BINARY_OP_NOT_EQUAL) {
            // object.__ne__: the inverse of == (a type may define == alone)
            return mpf_obj_bool(!mpf_obj_equal(lhs, rhs));
        }
    }
    mpf_raise_type_error_unsupported(op_given, lhs, rhs);
}

static const char *const binary_op_names[] = {
    "<", ">", "==", "<=", ">=", "!=", "in", "is", "exception match",
    "|=", "^=", "&=", "<<=", ">>=", "+=", "-=", "*=", "@=", "//=", "/=", "%=", "**=",
    "|", "^", "&", "<<", ">>", "+", "-", "*", "@", "//", "/", "%", "** or pow()",
};

MPF_NORETURN void mpf_raise_type_error_unsupported(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op >= MPF_BINARY_OP_REVERSE_OR) {
        op -= MPF_BINARY_OP_NORMAL_TO_REVERSE;
        mpf_obj_t t = lhs;
        lhs = rhs;
        rhs = t;
    }
#if CONFIG_ERROR_MSG_LEVEL >= 2
    const mpf_type_t *lt = mpf_obj_type(lhs);
    if ((op == MPF_BINARY_OP_ADD || op == MPF_BINARY_OP_INPLACE_ADD) &&
        (lt == &mpf_type_str || lt == &mpf_type_list || lt == &mpf_type_tuple)) {
        mpf_raise_fmt(&mpf_type_TypeError, "can only concatenate %q (not \"%T\") to %q", mpf_type_name(lt), rhs, mpf_type_name(lt));
    }
    if ((op == MPF_BINARY_OP_MULTIPLY || op == MPF_BINARY_OP_INPLACE_MULTIPLY) &&
        (lt == &mpf_type_str || lt == &mpf_type_list || lt == &mpf_type_tuple || lt == &mpf_type_bytes)) {
        mpf_raise_fmt(&mpf_type_TypeError, "can't multiply sequence by non-int of type '%T'", rhs);
    }
    if (op <= MPF_BINARY_OP_NOT_EQUAL) {
        mpf_raise_fmt(&mpf_type_TypeError, "'%s' not supported between instances of '%T' and '%T'",
            binary_op_names[op], lhs, rhs);
    }
    mpf_raise_fmt(&mpf_type_TypeError, "unsupported operand type(s) for %s: '%T' and '%T'",
        binary_op_names[op], lhs, rhs);
#else
    (void)lhs;
    (void)rhs;
    (void)binary_op_names;
    mpf_raise_msg(&mpf_type_TypeError, "unsupported types for operator");
#endif
}

mpf_obj_t mpf_unary_op(int op, mpf_obj_t o) {
    if (op == MPF_UNARY_OP_NOT) {
        return mpf_obj_bool(!mpf_obj_is_true(o));
    }
    if (op == MPF_UNARY_OP_BOOL) {
        return mpf_obj_bool(mpf_obj_is_true(o));
    }
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(o));
    if (mpf_type_get_unary_op(t) != NULL) {
        mpf_obj_t r = mpf_type_get_unary_op(t)(op, o);
        if (r != MPF_OBJ_NULL) {
            return r;
        }
    }
    if (op == MPF_UNARY_OP_HASH) {
        return mpf_obj_new_small_int((mpf_int_t)(o >> 4));
    }
#if CONFIG_ERROR_MSG_LEVEL >= 2
    static const char *const names[] = {"+", "-", "~"};
    if (op <= MPF_UNARY_OP_INVERT) {
        mpf_raise_fmt(&mpf_type_TypeError, "bad operand type for unary %s: '%T'", names[op], o);
    } else if (op == MPF_UNARY_OP_LEN) {
        mpf_raise_fmt(&mpf_type_TypeError, "object of type '%T' has no len()", o);
    } else if (op == MPF_UNARY_OP_ABS) {
        mpf_raise_fmt(&mpf_type_TypeError, "bad operand type for abs(): '%T'", o);
    }
#endif
    mpf_raise_msg(&mpf_type_TypeError, "unsupported type for operator");
}

// ---------------------------------------------------------------- calls
mpf_obj_t mpf_call(mpf_obj_t fun, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(fun));
    if (mpf_type_get_call(t) != NULL) {
        return mpf_type_get_call(t)(fun, n_args, n_kw, args);
    }
    mpf_raise_fmt(&mpf_type_TypeError, "'%T' object is not callable", fun);
}

mpf_obj_t mpf_call0(mpf_obj_t fun) {
    return mpf_call(fun, 0, 0, NULL);
}
mpf_obj_t mpf_call1(mpf_obj_t fun, mpf_obj_t a) {
    return mpf_call(fun, 1, 0, &a);
}
mpf_obj_t mpf_call2(mpf_obj_t fun, mpf_obj_t a, mpf_obj_t b) {
    mpf_obj_t args[2] = {a, b};
    return mpf_call(fun, 2, 0, args);
}

mpf_obj_t mpf_call_method_n(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (args[1] == MPF_OBJ_NULL) {
        return mpf_call(args[0], n_args, n_kw, args + 2);
    }
    return mpf_call(args[0], n_args + 1, n_kw, args + 1);
}

#if CONFIG_VM_FAST_PATHS
// A growable array of call arguments in the heap.
typedef struct argbuf {
    size_t len, alloc;
    mpf_obj_t *items;
} argbuf_t;

static void argbuf_add(argbuf_t *b, mpf_obj_t v) {
    if (b->len == b->alloc) {
        b->items = mpf_gc_realloc(b->items, (b->alloc * 2 + 8) * sizeof(mpf_obj_t));
        b->alloc = b->alloc * 2 + 8;  // (once the block has the room)
    }
    b->items[b->len++] = v;
}
#else
// The small configs collect the arguments in a list (its growth code serves; in the
// default one a caller more of mpf_list_append cost pystone_like 3% of its instructions).
typedef mpf_list_t argbuf_t;

static inline void argbuf_add(argbuf_t *b, mpf_obj_t v) {
    mpf_list_append(mpf_obj_from_ptr(b), v);
}
#endif

static mpf_obj_t kw_name(mpf_obj_t k) {
    if (!MPF_IS_STR_HOT(k)) {
        mpf_raise_msg(&mpf_type_TypeError, "keywords must be strings");
    }
    if (mpf_obj_is_qstr(k)) {
        return k;
    }
    size_t len;
    const char *s = mpf_obj_str_data(k, &len);
    return mpf_obj_new_qstr(mpf_qstr_from_strn(s, len));
}

mpf_obj_t mpf_call_var_kw(mpf_obj_t fun, mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_uint_t star) {
    // the positional arguments, then the keywords' name/value pairs
#if CONFIG_VM_FAST_PATHS
    argbuf_t buf = {0, 0, NULL}, *pos = &buf;
#else
    argbuf_t *pos = mpf_obj_ptr(mpf_obj_new_list(0, NULL));
#endif
    if (self != MPF_OBJ_NULL) {
        argbuf_add(pos, self);
    }
    for (size_t i = 0; i < n_args; i++) {
        if (i < sizeof(mpf_uint_t) * 8 && (star >> i) & 1) {
            mpf_obj_t a = args[i];
#if CONFIG_VM_FAST_PATHS  // without them a tuple or list is iterated as any iterable
            if (mpf_obj_is_type(a, &mpf_type_tuple) || mpf_obj_is_type(a, &mpf_type_list)) {
                size_t n;
                mpf_obj_t *items;
                mpf_obj_get_array(a, &n, &items);
                for (size_t j = 0; j < n; j++) {
                    argbuf_add(pos, items[j]);
                }
            } else {
                mpf_obj_t it = mpf_getiter(a);
                mpf_obj_t v;
                while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
                    argbuf_add(pos, v);
                }
            }
#else
            mpf_binary_op(MPF_BINARY_OP_INPLACE_ADD, mpf_obj_from_ptr(pos), a);  // (list += iterable)
#endif
        } else {
            argbuf_add(pos, args[i]);
        }
    }
    size_t np = pos->len;
    for (size_t i = 0; i < n_kw; i++) {
        mpf_obj_t k = args[n_args + 2 * i];
        mpf_obj_t v = args[n_args + 2 * i + 1];
        if (k != MPF_OBJ_NULL) {
            argbuf_add(pos, kw_name(k));
            argbuf_add(pos, v);
#if CONFIG_VM_FAST_PATHS  // without them a dict goes through keys() as any mapping
        } else if (mpf_obj_is_type(v, &mpf_type_dict)) {
            mpf_map_t *m = mpf_dict_map(v);
            for (size_t j = 0; j < m->used; j++) {
                if (m->elems[j].key != MPF_OBJ_NULL) {
                    argbuf_add(pos, kw_name(m->elems[j].key));
                    argbuf_add(pos, m->elems[j].value);
                }
            }
#endif
        } else {
            mpf_obj_t dest[2];
            mpf_load_method_maybe(v, MPF_QSTR_keys, dest);
            if (dest[0] == MPF_OBJ_NULL) {
                mpf_raise_fmt(&mpf_type_TypeError, "argument after ** must be a mapping, not %T", v);
            }
            mpf_obj_t keys = mpf_call_method_n(0, 0, dest);
            mpf_obj_t it = mpf_getiter(keys);
            mpf_obj_t key;
            while ((key = mpf_iternext(it)) != MPF_OBJ_STOP) {
                argbuf_add(pos, kw_name(key));
                argbuf_add(pos, mpf_subscr(v, key, MPF_OBJ_SENTINEL));
            }
        }
    }
    return mpf_call(fun, np, (pos->len - np) / 2, pos->items);
}

void mpf_arg_check_num(size_t n_args, size_t n_kw, size_t n_min, size_t n_max, bool takes_kw) {
    if (n_kw > 0 && !takes_kw) {
        mpf_raise_msg(&mpf_type_TypeError, "function doesn't take keyword arguments");
    }
    if (n_args < n_min) {
        if (n_min == n_max) {
            mpf_raise_fmt(&mpf_type_TypeError, "function takes %u positional arguments but %u were given", (unsigned)n_min, (unsigned)n_args);
        }
        mpf_raise_fmt(&mpf_type_TypeError, "function missing %u required positional arguments", (unsigned)(n_min - n_args));
    } else if (n_args > n_max) {
        mpf_raise_fmt(&mpf_type_TypeError, "function takes %u positional arguments but %u were given", (unsigned)n_max, (unsigned)n_args);
    }
}

// As mpf_arg_check_num for the constructor of builtin type [name], in CPython's words for
// most of them ("list expected at most 1 argument, got 2").
void mpf_arg_check_new(mpf_qstr_t name, size_t n_args, size_t n_kw, size_t n_min, size_t n_max, bool takes_kw) {
#if CONFIG_ERROR_MSG_EXACT
    if (n_kw > 0 && !takes_kw) {
        mpf_raise_fmt(&mpf_type_TypeError, "%q() takes no keyword arguments", name);
    }
    if (n_args < n_min || n_args > n_max) {
        bool few = n_args < n_min;
        size_t n = few ? n_min : n_max;
        mpf_raise_fmt(&mpf_type_TypeError, "%q expected %s%u argument%s, got %u", name, n_min == n_max ? "" : few ? "at least " : "at most ",
            (unsigned)n, n == 1 ? "" : "s", (unsigned)n_args);
    }
#else
    (void)name;
#endif
    mpf_arg_check_num(n_args, n_kw, n_min, n_max, takes_kw);
}

mpf_obj_t mpf_arg_kw(size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_qstr_t q) {
    for (size_t i = 0; i < n_kw; i++) {
        if (args[n_args + 2 * i] == mpf_obj_new_qstr(q)) {
            return args[n_args + 2 * i + 1];
        }
    }
    return MPF_OBJ_NULL;
}

mpf_int_t mpf_arg_int(mpf_obj_t o, mpf_int_t dflt) {
    return o == MPF_OBJ_NULL || o == MPF_OBJ_NONE ? dflt : mpf_obj_get_int(o);
}

#if CONFIG_ERROR_MSG_LEVEL >= 1
// The index in `names` of keyword `key`, or TypeError when it is not one of them.
static size_t keyword_index(mpf_obj_t key, size_t n_names, const mpf_qstr_t *names) {
    size_t i = 0;
    while (i < n_names && key != mpf_obj_new_qstr(names[i])) {
        i++;
    }
    if (i == n_names) {
        mpf_raise_fmt(&mpf_type_TypeError, "unexpected keyword argument %R", key);
    }
    return i;
}

void mpf_arg_check_kw(size_t n_args, size_t n_kw, const mpf_obj_t *args, size_t n_pos_max, size_t n_names,
    const mpf_qstr_t *names) {
    if (n_args > n_pos_max) {
        mpf_raise_fmt(&mpf_type_TypeError, "function takes at most %u positional arguments (%u given)", (unsigned)n_pos_max,
            (unsigned)n_args);
    }
    for (size_t k = 0; k < n_kw; k++) {
        keyword_index(args[n_args + 2 * k], n_names, names);
    }
}
#endif

void mpf_arg_parse(size_t n_args, size_t n_kw, const mpf_obj_t *args, size_t fun, size_t n_pos, size_t n_names,
    const mpf_qstr_t *names, mpf_obj_t *vals) {
#if !CONFIG_ERROR_MSG_EXACT
    size_t skip = fun;  // (MPF_ARG_FUN: the skip alone)
    // the same checks as CPython's (counts, an argument given twice, unknown keywords)
    // with short messages
    mpf_arg_check_num(n_args, 0, skip, skip + n_pos, true);
    for (size_t i = 0; i < n_names; i++) {
        vals[i] = i + skip < n_args ? args[i + skip] : MPF_OBJ_NULL;
    }
    for (size_t k = 0; k < n_kw; k++) {
        mpf_obj_t key = args[n_args + 2 * k];
        size_t i = 0;
        while (i < n_names && key != mpf_obj_new_qstr(names[i])) {  // (no key is qstr MPF_QSTRID_NULL)
            i++;
        }
        if (i == n_names || vals[i] != MPF_OBJ_NULL) {  // (keywords are unique: it came by position)
            mpf_raise_fmt(&mpf_type_TypeError, i == n_names ? "unexpected keyword argument %R" : "argument %R given by name and position",
                key);
        }
        vals[i] = args[n_args + 2 * k + 1];
    }
#else
    size_t skip = fun & MPF_ARG_SKIP_MASK;
    mpf_qstr_t fname = (mpf_qstr_t)(fun >> MPF_ARG_NAME_SHIFT);
    bool py_style = (fun & MPF_ARG_PY_STYLE) != 0;
    mpf_arg_check_num(n_args, 0, skip, SIZE_MAX, true);
    size_t given = n_args - skip;
    // CPython's order: the counts, then a parameter given twice, then an unknown keyword
    if (given + n_kw > n_names && !py_style) {
        mpf_raise_fmt(&mpf_type_TypeError, "%q() takes at most %u %sargument%s (%u given)", fname, (unsigned)n_names,
            given == 0 ? "keyword " : "", n_names == 1 ? "" : "s", (unsigned)(given + n_kw));
    }
    if (given > n_pos) {
        mpf_raise_fmt(&mpf_type_TypeError, "%q() takes at most %u positional argument%s (%u given)", fname, (unsigned)n_pos,
            n_pos == 1 ? "" : "s", (unsigned)given);
    }
    for (size_t i = 0; i < n_names; i++) {
        vals[i] = i < given ? args[i + skip] : MPF_OBJ_NULL;
    }
    mpf_obj_t unknown = MPF_OBJ_NULL;
    for (size_t k = 0; k < n_kw; k++) {
        mpf_obj_t key = args[n_args + 2 * k];
        size_t i = 0;
        while (i < n_names && (names[i] == MPF_QSTRID_NULL || key != mpf_obj_new_qstr(names[i]))) {
            i++;
        }
        if (i == n_names) {
            unknown = unknown == MPF_OBJ_NULL ? key : unknown;
        } else if (vals[i] != MPF_OBJ_NULL) {  // keywords are unique: it came by position
            if (py_style) {
                mpf_raise_fmt(&mpf_type_TypeError, "%q() got multiple values for argument '%q'", fname, names[i]);
            }
            mpf_raise_fmt(&mpf_type_TypeError, "argument for %q() given by name ('%q') and position (%u)", fname, names[i],
                (unsigned)i + 1);
        } else {
            vals[i] = args[n_args + 2 * k + 1];
        }
    }
    if (unknown != MPF_OBJ_NULL) {
        if (py_style) {
            mpf_raise_fmt(&mpf_type_TypeError, "%q() got an unexpected keyword argument %R", fname, unknown);
        }
        mpf_raise_fmt(&mpf_type_TypeError, "%R is an invalid keyword argument for %q()", unknown, fname);
    }
#endif
}

void mpf_arg_required(mpf_qstr_t fun, const mpf_qstr_t *names, const mpf_obj_t *vals, size_t n_req) {
    for (size_t i = 0; i < n_req; i++) {
        if (vals[i] == MPF_OBJ_NULL) {
            mpf_raise_fmt(&mpf_type_TypeError, "%q() missing required argument '%q' (pos %u)", fun, names[i], (unsigned)i + 1);
        }
    }
}

// ---------------------------------------------------------------- attributes
static mpf_obj_t lookup_in(const mpf_type_t *c, mpf_qstr_t q) {
    mpf_map_t *dict = mpf_class_dict(c);
    if (dict != NULL) {
        return mpf_map_get_qstr(dict, q);
    }
    if (mpf_type_get_locals(mpf_type_slots(c)) != NULL) {
        mpf_obj_t v = mpf_rom_map_get(mpf_type_get_locals(mpf_type_slots(c)), q);
#if CONFIG_BUILTIN_BYTEARRAY
        if (v == MPF_OBJ_NULL && c == &mpf_type_bytearray) {
            v = mpf_rom_map_get(mpf_bytes_locals, q);  // bytearray.find, .hex...: bytes' methods
        }
#endif
        return v;
    }
    return MPF_OBJ_NULL;
}

// Look [q] up along the MRO of [t] from its [i]th class on; *owner (if given) gets the
// type that had it. (One walk over the MRO: a builtin type's is found again from the
// start at each step.)
static mpf_obj_t lookup_from(const mpf_type_t *t, size_t i, mpf_qstr_t q, const mpf_type_t **owner) {
    const mpf_type_t *c;
    for (; (c = mpf_type_mro_item(t, i)) != NULL; i++) {
        mpf_obj_t v = lookup_in(c, q);
        if (v != MPF_OBJ_NULL) {
            if (owner) {
                *owner = c;
            }
            return v;
        }
    }
    return MPF_OBJ_NULL;
}

// Look [q] up along the MRO of [t]; *owner (if given) gets the type that had it.
static mpf_obj_t type_lookup_ex(const mpf_type_t *t, mpf_qstr_t q, const mpf_type_t **owner) {
#if !CONFIG_VM_FAST_PATHS
    return lookup_from(t, 0, q, owner);
#else
    if (mpf_class_mro(t) != MPF_OBJ_NULL) {
        const mpf_tuple_t *mro = mpf_obj_ptr(mpf_class_mro(t));
        for (size_t i = 0; i < mro->len; i++) {
            const mpf_type_t *c = mpf_obj_ptr(mro->items[i]);
            mpf_obj_t v = lookup_in(c, q);
            if (v != MPF_OBJ_NULL) {
                if (owner) {
                    *owner = c;
                }
                return v;
            }
        }
        return MPF_OBJ_NULL;
    }
    for (const mpf_type_t *c = t; c != NULL; c = mpf_type_parent(c)) {
        mpf_obj_t v = lookup_in(c, q);
        if (v != MPF_OBJ_NULL) {
            if (owner) {
                *owner = c;
            }
            return v;
        }
    }
    if (t != &mpf_type_object) {
        // object is a builtin type: its locals only
        mpf_obj_t v = mpf_type_get_locals(&mpf_type_object) != NULL ? mpf_rom_map_get(mpf_type_get_locals(&mpf_type_object), q) : MPF_OBJ_NULL;
        if (v != MPF_OBJ_NULL && owner) {
            *owner = &mpf_type_object;
        }
        return v;
    }
    return MPF_OBJ_NULL;
#endif
}

mpf_obj_t mpf_type_lookup(const mpf_type_t *t, mpf_qstr_t q) {
    return type_lookup_ex(t, q, NULL);
}

// Class member [m] when it is a classmethod (dest[0..1]: its function bound to class
// [cls]) or a staticmethod (dest[0]: its function): true; false for anything else.
static bool bind_wrapper(mpf_obj_t m, mpf_obj_t cls, mpf_obj_t *dest) {
    const mpf_type_t *mt = mpf_obj_type(m);
    if (mt != &mpf_type_classmethod && mt != &mpf_type_staticmethod) {
        return false;
    }
    dest[0] = ((const mpf_wrapper_t *)mpf_obj_ptr(m))->fun;
    if (mt == &mpf_type_classmethod) {
        dest[1] = cls;
    }
    return true;
}

#if CONFIG_CLASS_HOOKS
// Member [m] whose class (a class made at run time) defines __get__: dest[0] =
// m.__get__(self, cls) (self None: the member read from the class itself) and true; false
// for anything else.
static bool descriptor_get(mpf_obj_t m, mpf_obj_t self, mpf_obj_t cls, mpf_obj_t *dest) {
    const mpf_type_t *mt = mpf_obj_type(m);
    mpf_obj_t get = (mt->flags & MPF_TYPE_FLAG_HEAP) ? mpf_type_lookup(mt, MPF_QSTR___get__) : MPF_OBJ_NULL;
    if (get == MPF_OBJ_NULL) {
        return false;
    }
    mpf_obj_t args[3] = {m, self, cls};
    dest[0] = mpf_call(get, 3, 0, args);
    return true;
}
#endif

// Turn class member [m] found in class [owner] (NULL: unknown) for instance [self] of [t]
// into dest[0..1].
static void bind_member(mpf_obj_t m, mpf_obj_t self, const mpf_type_t *t, const mpf_type_t *owner, mpf_obj_t *dest) {
    bool from_heap = owner != NULL && (owner->flags & MPF_TYPE_FLAG_HEAP);
    const mpf_type_t *mt = mpf_obj_type(m);
    if (mt == &mpf_type_fun_bc || (mt == &mpf_type_fun_builtin && !from_heap)) {
        dest[0] = m;
        dest[1] = self;
    } else if (bind_wrapper(m, mpf_obj_from_ptr(t), dest)) {
#if CONFIG_BUILTIN_PROPERTY
    } else if (mt == &mpf_type_property) {
        const mpf_property_t *p = mpf_obj_ptr(m);
        if (p->fget == MPF_OBJ_NULL || p->fget == MPF_OBJ_NONE) {
            mpf_raise_msg(&mpf_type_AttributeError, "property has no getter");
        }
        dest[0] = mpf_call1(p->fget, self);
#endif
#if CONFIG_CLASS_HOOKS
    } else if (from_heap && descriptor_get(m, self, mpf_obj_from_ptr(t), dest)) {
#endif
    } else {
        dest[0] = m;
    }
}

mpf_obj_t mpf_native_self(const mpf_type_t *owner, mpf_qstr_t name, mpf_obj_t self) {
    const mpf_type_t *t = mpf_obj_type(self);
    if (owner->flags & MPF_TYPE_FLAG_EXCEPTION) {
        owner = &mpf_type_BaseException;  // every builtin exception shares one method table
    }
    if (owner == &mpf_type_object) {
        return self;
    }
    if (mpf_type_is_subclass(t, owner)) {
        if ((t->flags & (MPF_TYPE_FLAG_HEAP | MPF_TYPE_FLAG_METATYPE)) != MPF_TYPE_FLAG_HEAP || mpf_obj_is_exception(self)) {
            return self;
        }
        mpf_obj_t sub = ((const mpf_instance_t *)mpf_obj_ptr(self))->subobj;
        if (sub != MPF_OBJ_NULL && mpf_type_is_subclass(mpf_obj_type(sub), owner)) {
#if CONFIG_SLOT_WRAPPERS_TYPES
            // (dict.__getitem__ the instance itself: its class's __missing__ serves it, as CPython's)
            if (owner == &mpf_type_dict && name == MPF_QSTR___getitem__) {
                return self;
            }
#endif
            return sub;
        }
    }
    mpf_raise_fmt(&mpf_type_TypeError, "descriptor '%q' for '%q' objects doesn't apply to a '%T' object", name, mpf_type_name(owner), self);
}

// Member [m] of [owner] found for [o], an instance of [t], as dest[0..1]: a builtin base's
// method works on the native sub-object of an instance of a class (TypeError if there is
// none; an exception is its own), anything else as bind_member binds it.
#if CONFIG_VM_FAST_PATHS
#define BIND_FOUND_INLINE inline __attribute__((always_inline))  // (method loads are hot)
#else
#define BIND_FOUND_INLINE
#endif
static BIND_FOUND_INLINE void bind_found(mpf_obj_t m, mpf_obj_t o, const mpf_type_t *t, const mpf_type_t *owner, mpf_qstr_t q, mpf_obj_t *dest) {
    if ((t->flags & MPF_TYPE_FLAG_HEAP) && owner != NULL && !(owner->flags & MPF_TYPE_FLAG_HEAP) &&
        owner != &mpf_type_object && mpf_obj_is_type(m, &mpf_type_fun_builtin)) {
        dest[0] = m;
        dest[1] = mpf_native_self(owner, q, o);
        return;
    }
    bind_member(m, o, t, owner, dest);
}

#if CONFIG_CLASS_ADVANCED
static bool is_data_descriptor(mpf_obj_t m);

// Attribute of a class [cls] whose metaclass is a class derived from type: a data
// descriptor of the metaclass first (done: true), else (false) the class's own lookup.
static bool meta_data_attr(mpf_obj_t cls, mpf_qstr_t q, mpf_obj_t *dest) {
    const mpf_type_t *meta = mpf_obj_type(cls);
    const mpf_type_t *owner = NULL;
    mpf_obj_t m = type_lookup_ex(meta, q, &owner);
    if (m != MPF_OBJ_NULL && is_data_descriptor(m)) {
        bind_member(m, cls, meta, owner, dest);
        return true;
    }
    return false;
}
#endif // CONFIG_CLASS_ADVANCED

#if CONFIG_SLOT_WRAPPERS
// Dunder method [q] of the builtin type that serves type [t] (itself, or the native base of a
// class; not type or object) into dest[0..1], bound to [self] (NULL: unbound): true if found.
static bool slot_wrapper_of(const mpf_type_t *t, mpf_obj_t self, mpf_qstr_t q, mpf_obj_t *dest) {
    if (t->flags & MPF_TYPE_FLAG_HEAP) {
#if CONFIG_SLOT_WRAPPERS_TYPES
        t = mpf_type_native_base(t);
#else
        return false;  // (a builtin object's own only)
#endif
    }
    return t != NULL && t != &mpf_type_type && t != &mpf_type_object && mpf_slot_wrapper(t, self, q, dest);
}
#endif

// Attribute of a type object [cls].
static void class_attr(mpf_obj_t cls, mpf_qstr_t q, mpf_obj_t *dest) {
    const mpf_type_t *t = mpf_obj_ptr(cls);
#if CONFIG_CLASS_ADVANCED
    const mpf_type_t *meta = mpf_obj_type(cls);
    if (meta != &mpf_type_type && meta_data_attr(cls, q, dest)) {
        return;
    }
#endif
    if (q == MPF_QSTR___name__ || q == MPF_QSTR___qualname__) {
        dest[0] = mpf_obj_new_qstr(mpf_type_name(t));
#if CONFIG_COMPILER
        if (q == MPF_QSTR___qualname__) {
            dest[0] = mpf_type_qualname(t);
        }
#endif
        return;
    }
    if (q == MPF_QSTR___bases__) {
        if (mpf_class_bases(t) != MPF_OBJ_NULL) {
            dest[0] = mpf_class_bases(t);
        } else {
            // a builtin type's base: the next in its MRO (none for object)
            const mpf_type_t *base = mpf_type_mro_item(t, 1);
            mpf_obj_t b = mpf_obj_from_ptr(base);
            dest[0] = mpf_obj_new_tuple(base != NULL, &b);
        }
        return;
    }
    if (q == MPF_QSTR___mro__ && mpf_class_mro(t) != MPF_OBJ_NULL) {
        dest[0] = mpf_class_mro(t);
        return;
    }
    if (q == MPF_QSTR___dict__ && (mpf_class_dict(t) != NULL || mpf_type_get_locals(mpf_type_slots(t)) != NULL)) {
        dest[0] = mpf_type_dict_proxy(t);
        return;
    }
    const mpf_type_t *owner = NULL;
    mpf_obj_t m = type_lookup_ex(t, q, &owner);
#if CONFIG_SLOT_WRAPPERS_TYPES
    // T.__len__, T.__add__...: the unbound slot wrapper (before object's __repr__ or __init__)
    if ((m == MPF_OBJ_NULL || owner == &mpf_type_object) && slot_wrapper_of(t, MPF_OBJ_NULL, q, dest)) {
        return;
    }
#endif
    if (m == MPF_OBJ_NULL) {
#if CONFIG_CLASS_ADVANCED
        m = mpf_meta_type_method(q);  // type's own: unbound on type and metaclasses
        if (m != MPF_OBJ_NULL) {
            dest[0] = m;
            dest[1] = (t->flags & MPF_TYPE_FLAG_METATYPE) ? MPF_OBJ_NULL : cls;
            return;
        }
        // the metaclass's methods, properties and attributes, bound to the class (not
        // seen from its instances)
        m = type_lookup_ex(meta, q, &owner);
        if (m != MPF_OBJ_NULL) {
            bind_member(m, cls, meta, owner, dest);
        } else if (meta != &mpf_type_type) {
            mpf_obj_t ga = mpf_type_lookup(meta, MPF_QSTR___getattr__);
            if (ga != MPF_OBJ_NULL) {
                dest[0] = mpf_call2(ga, cls, mpf_obj_new_qstr(q));
            }
        }
#endif
        return;
    }
    if (bind_wrapper(m, cls, dest)) {
        return;
    }
#if CONFIG_CLASS_ADVANCED
    // C.d of a descriptor d in a class's namespace: d.__get__(None, C)
    if (owner != NULL && (owner->flags & MPF_TYPE_FLAG_HEAP) && descriptor_get(m, MPF_OBJ_NONE, cls, dest)) {
        return;
    }
#endif
    if (mpf_obj_is_type(m, &mpf_type_fun_builtin) && owner != NULL && !(owner->flags & MPF_TYPE_FLAG_HEAP) &&
               owner != &mpf_type_object) {
        // a builtin type's method: its receiver is checked when it is called
        dest[0] = mpf_obj_new_method_desc(owner, m);
    } else {
        dest[0] = m;
    }
}

#if CONFIG_CLASS_HOOKS
static bool is_data_descriptor(mpf_obj_t m) {
#if CONFIG_BUILTIN_PROPERTY
    if (mpf_obj_is_type(m, &mpf_type_property)) {
        return true;
    }
#endif
    const mpf_type_t *mt = mpf_obj_type(m);
    return (mt->flags & MPF_TYPE_FLAG_HEAP) && mpf_type_lookup(mt, MPF_QSTR___get__) != MPF_OBJ_NULL &&
           (mpf_type_lookup(mt, MPF_QSTR___set__) != MPF_OBJ_NULL || mpf_type_lookup(mt, MPF_QSTR___delete__) != MPF_OBJ_NULL);
}

// o.__getattribute__(q) of a class that defines it, then __getattr__ if that raised
// AttributeError.
static void call_getattribute(mpf_obj_t ga, const mpf_type_t *t, mpf_obj_t o, mpf_qstr_t q, mpf_obj_t *dest) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        dest[0] = mpf_call2(ga, o, mpf_obj_new_qstr(q));
        mpf_nlr_pop(&nlr);
        return;
    }
    mpf_obj_t getattr = mpf_type_lookup(t, MPF_QSTR___getattr__);
    if (getattr == MPF_OBJ_NULL || !mpf_exc_match(nlr.exc, &mpf_type_AttributeError)) {
        mpf_nlr_raise(nlr.exc);
    }
    dest[0] = mpf_call2(getattr, o, mpf_obj_new_qstr(q));
}

#endif // CONFIG_CLASS_HOOKS

static void load_method(mpf_obj_t o, mpf_qstr_t q, mpf_obj_t *dest, bool hooks);
MPF_NORETURN static void raise_attr_error(mpf_obj_t o, mpf_qstr_t q);

void mpf_load_method_maybe(mpf_obj_t o, mpf_qstr_t q, mpf_obj_t *dest) {
    load_method(o, q, dest, true);
}

// Attribute [q] of [o] (a bound method for a method), or AttributeError; [hooks] as
// load_method takes it.
static mpf_obj_t load_attr(mpf_obj_t o, mpf_qstr_t q, bool hooks) {
    mpf_obj_t dest[2];
    load_method(o, q, dest, hooks);
    if (dest[0] == MPF_OBJ_NULL) {
        raise_attr_error(o, q);
    }
    return dest[1] != MPF_OBJ_NULL ? mpf_obj_new_bound_meth(dest[0], dest[1]) : dest[0];
}

#if CONFIG_CLASS_HOOKS
mpf_obj_t mpf_load_attr_generic(mpf_obj_t o, mpf_qstr_t q) {
    return load_attr(o, q, false);
}
#endif

// The attribute lookup; [hooks]: a class's __getattribute__ and __getattr__ take part
// (object.__getattribute__ is the lookup without them).
static void load_method(mpf_obj_t o, mpf_qstr_t q, mpf_obj_t *dest, bool hooks) {
    dest[0] = MPF_OBJ_NULL;
    dest[1] = MPF_OBJ_NULL;
    const mpf_type_t *t = mpf_obj_type(o);
    if (q == MPF_QSTR___class__) {
        dest[0] = mpf_obj_from_ptr(t);
        return;
    }
    if (t == &mpf_type_type) {
        class_attr(o, q, dest);
        return;
    }
    const mpf_type_t *owner = NULL;
    mpf_obj_t m = MPF_OBJ_SENTINEL;  // the class's [q], once looked up
    if (t->flags & MPF_TYPE_FLAG_HEAP) {
#if CONFIG_CLASS_HOOKS
        if (!mpf_class_is_plain(t)) {
            if (hooks) {
                const mpf_type_t *gowner = NULL;
                mpf_obj_t ga = type_lookup_ex(t, MPF_QSTR___getattribute__, &gowner);
                if (ga != MPF_OBJ_NULL && gowner != NULL && (gowner->flags & MPF_TYPE_FLAG_HEAP)) {
                    call_getattribute(ga, t, o, q, dest);
                    return;
                }
            }
#if CONFIG_CLASS_ADVANCED
            if (t->flags & MPF_TYPE_FLAG_METATYPE) {
                // a class made by a metaclass (never plain): no members of an instance
                class_attr(o, q, dest);
                return;
            }
#endif
            // a data descriptor of the class (a property, or an object whose class has
            // __get__ and __set__ or __delete__) comes before the instance's members
            m = type_lookup_ex(t, q, &owner);
            if (m != MPF_OBJ_NULL && is_data_descriptor(m)) {
                bind_member(m, o, t, owner, dest);
                return;
            }
        }
#endif
        mpf_instance_t *inst = mpf_obj_ptr(o);
        mpf_obj_t v = mpf_map_get_qstr(&inst->members, q);
        if (v != MPF_OBJ_NULL) {
            dest[0] = v;
            return;
        }
        if (q == MPF_QSTR___dict__) {
            dest[0] = mpf_type_instance_dict_view(o);
            return;
        }
    } else if (mpf_type_get_attr(mpf_type_slots(t)) != NULL) {
        mpf_type_get_attr(mpf_type_slots(t))(o, q, dest);
        if (dest[0] != MPF_OBJ_NULL) {
            return;
        }
    }
    if (m == MPF_OBJ_SENTINEL) {
        m = type_lookup_ex(t, q, &owner);
    }
    if (m != MPF_OBJ_NULL) {
#if CONFIG_SLOT_WRAPPERS_TYPES
        // object's __repr__, __hash__, __init__... give way to the builtin type's own
        if (owner == &mpf_type_object && slot_wrapper_of(t, o, q, dest)) {
            return;
        }
#endif
        bind_found(m, o, t, owner, q, dest);
        return;
    }
#if CONFIG_SLOT_WRAPPERS
    if (slot_wrapper_of(t, o, q, dest)) {
        return;
    }
#endif
    if (t->flags & MPF_TYPE_FLAG_HEAP) {
        mpf_instance_t *inst = mpf_obj_ptr(o);
        if (mpf_obj_is_exception(o)) {
            mpf_type_get_attr(&mpf_type_BaseException)(o, q, dest);
            if (dest[0] != MPF_OBJ_NULL) {
                return;
            }
        } else if (inst->subobj != MPF_OBJ_NULL) {
            const mpf_type_t *st = mpf_type_slots(mpf_obj_type(inst->subobj));
            if (mpf_type_get_attr(st) != NULL) {
                mpf_type_get_attr(st)(inst->subobj, q, dest);
                if (dest[0] != MPF_OBJ_NULL) {
                    return;
                }
            }
        }
        if (hooks) {
            // looked up, not taken from HAS_GETATTR: a base may have gained __getattr__
            // after this class was made
            mpf_obj_t ga = mpf_type_lookup(t, MPF_QSTR___getattr__);
            if (ga != MPF_OBJ_NULL) {
                dest[0] = mpf_call2(ga, o, mpf_obj_new_qstr(q));
            }
        }
    }
}

MPF_NORETURN static void raise_attr_error(mpf_obj_t o, mpf_qstr_t q) {
    // (with its name and obj attributes, as CPython's)
#if CONFIG_ERROR_MSG_LEVEL >= 2
    mpf_obj_t e;
    if (mpf_obj_is_class(o)) {
        e = mpf_exc_new_fmt(&mpf_type_AttributeError, "type object '%q' has no attribute '%q'",
            mpf_type_name(mpf_obj_ptr(o)), q);
    } else if (mpf_obj_is_type(o, &mpf_type_module)) {
        mpf_obj_t name = mpf_dict_get(((const mpf_module_t *)mpf_obj_ptr(o))->globals, mpf_obj_new_qstr(MPF_QSTR___name__));
        e = mpf_exc_new_fmt(&mpf_type_AttributeError, "module '%O' has no attribute '%q'", name ? name : MPF_OBJ_NONE, q);
    } else {
        e = mpf_exc_new_fmt(&mpf_type_AttributeError, "'%T' object has no attribute '%q'", o, q);
    }
    mpf_raise_with(e, MPF_QSTR_name, mpf_obj_new_qstr(q), MPF_QSTR_obj, o);
#elif CONFIG_EXC_ATTRS
    mpf_raise_with(mpf_exc_new_fmt(&mpf_type_AttributeError, "no such attribute"), MPF_QSTR_name, mpf_obj_new_qstr(q), MPF_QSTR_obj, o);
#else
    (void)o;
    (void)q;
    mpf_raise_msg(&mpf_type_AttributeError, "no such attribute");
#endif
}

void mpf_load_method(mpf_obj_t o, mpf_qstr_t q, mpf_obj_t *dest) {
    mpf_load_method_maybe(o, q, dest);
    if (dest[0] == MPF_OBJ_NULL) {
        raise_attr_error(o, q);
    }
}

mpf_obj_t mpf_load_attr(mpf_obj_t o, mpf_qstr_t q) {
    return load_attr(o, q, true);
}

void mpf_load_super_method(mpf_qstr_t q, mpf_obj_t *dest) {
    mpf_obj_t cls = dest[0], self = dest[1];
    if (!mpf_obj_is_class(cls)) {
        mpf_raise_msg(&mpf_type_TypeError, "super() argument 1 must be a type");
    }
    const mpf_type_t *start = mpf_obj_ptr(cls);
    // super() in a class method: self is the class (a subclass of [start]); in a
    // metaclass's method it is a class too, but an instance of the metaclass
#if CONFIG_CLASS_ADVANCED
    bool self_is_type = mpf_obj_is_class(self) && mpf_type_is_subclass(mpf_obj_ptr(self), start);
#else
    bool self_is_type = mpf_obj_is_class(self);  // no metaclass: a class is a class method's
#endif
    const mpf_type_t *st = self_is_type ? mpf_obj_ptr(self) : mpf_obj_type(self);
    dest[0] = dest[1] = MPF_OBJ_NULL;
    // candidates: the MRO of type(self) after [start]
    const mpf_type_t *c;
    size_t i = 0;
    while ((c = mpf_type_mro_item(st, i++)) != NULL && c != start) {
    }
    mpf_obj_t m = c != NULL ? lookup_from(st, i, q, &c) : MPF_OBJ_NULL;
#if CONFIG_SLOT_WRAPPERS_TYPES
    // a builtin base's dunder method (before object's): super().__len__(), super().__new__(cls)
    if ((m == MPF_OBJ_NULL || c == &mpf_type_object) && (start->flags & MPF_TYPE_FLAG_HEAP) &&
        slot_wrapper_of(st, self_is_type ? MPF_OBJ_NULL : self, q, dest)) {
        return;
    }
#endif
    if (m != MPF_OBJ_NULL) {
        if (self_is_type) {
            if (!bind_wrapper(m, self, dest)) {
                dest[0] = m;
            }
            return;
        }
        bind_found(m, self, st, c, q, dest);
        return;
    }
    mpf_raise_fmt(&mpf_type_AttributeError, "'super' object has no attribute '%q'", q);
}

#if CONFIG_CLASS_STORE_CACHE
// ---- the classes' store cache (mpf_class_t.attr_plain)
// Bumped by every class change that can make a class stop being plain; a cache computed
// at an older epoch is recomputed. 64 bits: it never wraps back to a stale value.
uint64_t mpf_class_epoch = 1;

static bool may_be_data_descriptor(mpf_obj_t v) {
#if CONFIG_BUILTIN_PROPERTY
    if (mpf_obj_is_type(v, &mpf_type_property)) {
        return true;
    }
#endif
    const mpf_type_t *vt = mpf_obj_type(v);
    return (vt->flags & MPF_TYPE_FLAG_HEAP) != 0;
}

void mpf_class_changed(mpf_qstr_t q, mpf_obj_t v) {
    // a deletion only removes what could take a store: a stale "not plain" is safe
    if (v == MPF_OBJ_NULL) {
        return;
    }
    if (q == MPF_QSTR___setattr__ || q == MPF_QSTR___delattr__ || q == MPF_QSTR___set__ || q == MPF_QSTR___delete__ ||
        q == MPF_QSTR___getattribute__ || may_be_data_descriptor(v)) {
        mpf_class_epoch++;
    }
}

// Whether a class's namespace [c] holds anything that could take an instance store.
static bool namespace_is_plain(const mpf_type_t *c) {
    if (mpf_class_dict(c) != NULL) {
        const mpf_map_t *m = mpf_class_dict(c);
        for (size_t i = 0; i < m->used; i++) {
            mpf_obj_t k = m->elems[i].key;
            if (k == MPF_OBJ_NULL) {
                continue;
            }
            mpf_obj_t v = m->elems[i].value;
            if (k == MPF_OBJ_QSTR(MPF_QSTR___setattr__) || k == MPF_OBJ_QSTR(MPF_QSTR___delattr__) ||
                k == MPF_OBJ_QSTR(MPF_QSTR___getattribute__)) {
                return false;
            }
            if (may_be_data_descriptor(v)) {
                const mpf_type_t *vt = mpf_obj_type(v);
                if (!(vt->flags & MPF_TYPE_FLAG_HEAP) || mpf_type_lookup(vt, MPF_QSTR___set__) != MPF_OBJ_NULL ||
                    mpf_type_lookup(vt, MPF_QSTR___delete__) != MPF_OBJ_NULL) {
                    return false;
                }
            }
        }
        return true;
    }
#if CONFIG_BUILTIN_PROPERTY
    if (mpf_type_get_locals(mpf_type_slots(c)) != NULL) {
        for (size_t i = 0; i < mpf_type_get_locals(mpf_type_slots(c))->n; i++) {
            if (mpf_obj_is_type(MPF_ROM_ELEM_VALUE(&mpf_type_get_locals(mpf_type_slots(c))->elems[i]), &mpf_type_property)) {
                return false;
            }
        }
    }
#endif
    return true;
}

bool mpf_class_plain_compute(mpf_class_t *cls) {
    // a metaclass's instances are classes, with no instance members to go to directly
    bool plain = !(cls->type.flags & MPF_TYPE_FLAG_METATYPE);
    const mpf_tuple_t *mro = mpf_obj_ptr(cls->mro);
    for (size_t i = 0; i < mro->len && plain; i++) {
        plain = namespace_is_plain(mpf_obj_ptr(mro->items[i]));
    }
    cls->attr_plain = plain;
    cls->attr_epoch = mpf_class_epoch;
    return plain;
}
#endif // CONFIG_CLASS_STORE_CACHE

#if CONFIG_CLASS_HOOKS

// A data descriptor of heap class [t] for [q] (a property, or an object whose class
// has __set__ / __delete__) takes the store (v) or delete (v NULL): true if it did.
static bool descriptor_store(mpf_obj_t o, const mpf_type_t *t, mpf_qstr_t q, mpf_obj_t v) {
    mpf_obj_t m = mpf_type_lookup(t, q);
    if (m == MPF_OBJ_NULL) {
        return false;
    }
#if CONFIG_BUILTIN_PROPERTY
    if (mpf_obj_is_type(m, &mpf_type_property)) {
        const mpf_property_t *p = mpf_obj_ptr(m);
        mpf_obj_t f = v == MPF_OBJ_NULL ? p->fdel : p->fset;
        if (f == MPF_OBJ_NULL || f == MPF_OBJ_NONE) {
            mpf_raise_fmt(&mpf_type_AttributeError, "property '%q' of '%T' object has no %s", q, o,
                          v == MPF_OBJ_NULL ? "deleter" : "setter");
        }
        if (v == MPF_OBJ_NULL) {
            mpf_call1(f, o);
        } else {
            mpf_call2(f, o, v);
        }
        return true;
    }
#endif
    if (mpf_obj_type(m)->flags & MPF_TYPE_FLAG_HEAP) {
        mpf_obj_t f = mpf_type_lookup(mpf_obj_type(m), v == MPF_OBJ_NULL ? MPF_QSTR___delete__ : MPF_QSTR___set__);
        if (f != MPF_OBJ_NULL) {
            mpf_obj_t args[3] = {m, o, v};
            mpf_call(f, v == MPF_OBJ_NULL ? 2 : 3, 0, args);
            return true;
        }
    }
    return false;
}

// instance.__class__ = v: only between heap classes whose instances have the same
// layout (the same builtin base), as CPython requires.
static void set_instance_class(mpf_obj_t o, mpf_obj_t v) {
    if (v == MPF_OBJ_NULL) {
        mpf_raise_msg(&mpf_type_TypeError, "can't delete __class__ attribute");
    }
    if (!mpf_obj_is_class(v)) {
        mpf_raise_fmt(&mpf_type_TypeError, "__class__ must be set to a class, not '%T' object", v);
    }
    const mpf_type_t *old = mpf_obj_type(o);
    const mpf_type_t *nt = mpf_obj_ptr(v);
    if (!(nt->flags & MPF_TYPE_FLAG_HEAP)) {
        mpf_raise_msg(&mpf_type_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    }
    if (mpf_type_native_base(nt) != mpf_type_native_base(old) ||
        ((nt->flags ^ old->flags) & MPF_TYPE_FLAG_EXCEPTION) != 0) {
        mpf_raise_fmt(&mpf_type_TypeError, "__class__ assignment: '%q' object layout differs from '%q'", mpf_type_name(nt), mpf_type_name(old));
    }
    ((mpf_instance_t *)mpf_obj_ptr(o))->base.type = nt;
}

#endif // CONFIG_CLASS_HOOKS

// Store [v] under [q] in [map] (instance [o]'s members or class [o]'s namespace), or
// delete it (v NULL; AttributeError when it is not there).
static void map_store(mpf_map_t *map, mpf_obj_t o, mpf_qstr_t q, mpf_obj_t v) {
    mpf_map_elem_t *e = mpf_map_lookup(map, mpf_obj_new_qstr(q), v == MPF_OBJ_NULL ? MPF_MAP_REMOVE : MPF_MAP_LOOKUP_ADD);
    if (v != MPF_OBJ_NULL) {
        e->value = v;
    } else if (e == NULL) {
        raise_attr_error(o, q);
    }
}

// Store (v) or delete (v NULL) attribute [q] of class [o]; every change to a class's
// namespace goes through here, so the classes' store cache sees it.
static void class_store(mpf_obj_t o, mpf_qstr_t q, mpf_obj_t v) {
    mpf_type_t *cls = mpf_obj_ptr(o);
    if (!(cls->flags & MPF_TYPE_FLAG_HEAP)) {
        mpf_raise_fmt(&mpf_type_TypeError, "cannot set '%q' attribute of immutable type '%q'", q, mpf_type_name(cls));
    }
#if CONFIG_CLASS_ADVANCED
    if (q == MPF_QSTR___class__) {
        // C.__class__ = OtherMeta: only between metaclasses made at run time (the same layout)
        if (v == MPF_OBJ_NULL) {
            mpf_raise_msg(&mpf_type_TypeError, "can't delete __class__ attribute");
        }
        const uint16_t heap_meta = MPF_TYPE_FLAG_HEAP | MPF_TYPE_FLAG_METATYPE;
        if (!mpf_obj_is_class(v) || (((const mpf_type_t *)mpf_obj_ptr(v))->flags & heap_meta) != heap_meta ||
            (cls->base.type->flags & heap_meta) != heap_meta) {
            mpf_raise_msg(&mpf_type_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
        }
        cls->base.type = mpf_obj_ptr(v);
        return;
    }
#endif
#if CONFIG_CLASS_HOOKS
    if (q == MPF_QSTR___bases__) {
        mpf_type_set_bases(cls, v);
#if CONFIG_CLASS_STORE_CACHE
        mpf_class_epoch++;
#endif
        return;
    }
#endif
#if CONFIG_CLASS_STORE_CACHE
    mpf_class_changed(q, v);
#endif
    map_store(mpf_class_dict(cls), o, q, v);
    if (v != MPF_OBJ_NULL && q == MPF_QSTR___getattr__) {
        cls->flags |= MPF_TYPE_FLAG_HAS_GETATTR;
    }
}

#if CONFIG_CLASS_HOOKS

void mpf_store_attr_generic(mpf_obj_t o, mpf_qstr_t q, mpf_obj_t v) {
    const mpf_type_t *t = mpf_obj_type(o);
    if (t == &mpf_type_type) {
        mpf_raise_msg(&mpf_type_TypeError, "can't apply this __setattr__ to type object");
    }
#if CONFIG_CLASS_ADVANCED
    if (t->flags & MPF_TYPE_FLAG_METATYPE) {
        // a class made by a metaclass: the metaclass's data descriptors, then its namespace
        if (!descriptor_store(o, t, q, v)) {
            class_store(o, q, v);
        }
        return;
    }
#endif
    if (!(t->flags & MPF_TYPE_FLAG_HEAP)) {
        mpf_raise_msg(&mpf_type_AttributeError, v == MPF_OBJ_NULL ? "can't delete attribute" : "can't set attribute");
    }
    if (q == MPF_QSTR___class__) {
        set_instance_class(o, v);
        return;
    }
    if (descriptor_store(o, t, q, v)) {
        return;
    }
    map_store(&((mpf_instance_t *)mpf_obj_ptr(o))->members, o, q, v);
}

void mpf_store_attr_class(mpf_obj_t o, mpf_qstr_t q, mpf_obj_t v) {
    if (!mpf_obj_is_class(o)) {
        mpf_raise_fmt(&mpf_type_TypeError, "descriptor '__setattr__' requires a 'type' object but received a '%T'", o);
    }
#if CONFIG_CLASS_ADVANCED
    // type.__setattr__ honours the metaclass's data descriptors (a property without a setter)
    const mpf_type_t *t = mpf_obj_type(o);
    if (t != &mpf_type_type && descriptor_store(o, t, q, v)) {
        return;
    }
#endif
    class_store(o, q, v);
}
#endif // CONFIG_CLASS_HOOKS

void mpf_store_attr(mpf_obj_t o, mpf_qstr_t q, mpf_obj_t v) {
    const mpf_type_t *t = mpf_obj_type(o);
    if (t->flags & MPF_TYPE_FLAG_HEAP) {
#if !CONFIG_CLASS_HOOKS
        // nothing can take the store but the instance
        map_store(&((mpf_instance_t *)mpf_obj_ptr(o))->members, o, q, v);
#else
        if (MPF_LIKELY(v != MPF_OBJ_NULL) && mpf_class_is_plain(t) && q != MPF_QSTR___class__) {
            mpf_instance_t *inst = mpf_obj_ptr(o);
            mpf_map_lookup(&inst->members, mpf_obj_new_qstr(q), MPF_MAP_LOOKUP_ADD)->value = v;
            return;
        }
        mpf_qstr_t sq = v == MPF_OBJ_NULL ? MPF_QSTR___delattr__ : MPF_QSTR___setattr__;
        mpf_obj_t sa = mpf_type_lookup(t, sq);
        // a Python function, or a builtin one a class put in its namespace (namedtuple's), not object's own
        if (sa != MPF_OBJ_NULL && (mpf_obj_is_type(sa, &mpf_type_fun_bc)
#if CONFIG_MODULE_COLLECTIONS
                                      || (mpf_obj_is_type(sa, &mpf_type_fun_builtin) && sa != mpf_type_lookup(&mpf_type_object, sq))
#endif
                                      )) {
            mpf_obj_t args[3] = {o, mpf_obj_new_qstr(q), v};
            mpf_call(sa, v == MPF_OBJ_NULL ? 2 : 3, 0, args);
            return;
        }
        mpf_store_attr_generic(o, q, v);
#endif
        return;
    }
    if (t == &mpf_type_type) {
        class_store(o, q, v);
        return;
    }
    if (mpf_type_get_attr(mpf_type_slots(t)) != NULL) {
        mpf_obj_t dest[2] = {MPF_OBJ_SENTINEL, v};
        mpf_type_get_attr(mpf_type_slots(t))(o, q, dest);
        if (dest[0] == MPF_OBJ_NULL) {
            return;
        }
    }
    raise_attr_error(o, q);
}

// ---------------------------------------------------------------- subscripts, iteration
mpf_obj_t mpf_subscr(mpf_obj_t o, mpf_obj_t index, mpf_obj_t value) {
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(o));
    if (mpf_type_get_subscr(t) != NULL) {
        mpf_obj_t r = mpf_type_get_subscr(t)(o, index, value);
        if (r != MPF_OBJ_NULL) {
            return r;
        }
#if CONFIG_CLASS_ADVANCED
    } else if (value == MPF_OBJ_SENTINEL && mpf_obj_is_type(o, &mpf_type_type)) {
        // a class whose metaclass is type (a metaclass's subscr does this for its classes);
        // before the call above, so that [index] need not live across it
        return mpf_meta_class_getitem(o, index);
#endif
    }
    if (value == MPF_OBJ_SENTINEL) {
        if (mpf_obj_is_type(o, &mpf_type_type)) {
            return o; // list[int] and friends in annotations
        }
        mpf_raise_fmt(&mpf_type_TypeError, "'%T' object is not subscriptable", o);
    } else if (value == MPF_OBJ_NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, "'%T' object doesn't support item deletion", o);
    }
    mpf_raise_fmt(&mpf_type_TypeError, "'%T' object does not support item assignment", o);
}

// Iterator over an object with only __getitem__: indexes 0, 1, ... until IndexError.
typedef struct seq_iter {
    mpf_obj_base_t base;
    mpf_obj_t seq;
    mpf_int_t i;
} seq_iter_t;

static mpf_obj_t seq_iter_next(mpf_obj_t self) {
    seq_iter_t *it = mpf_obj_ptr(self);
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t v = mpf_subscr(it->seq, mpf_obj_new_small_int(it->i), MPF_OBJ_SENTINEL);
        mpf_nlr_pop(&nlr);
        it->i++;
        return v;
    }
    if (mpf_exc_match(nlr.exc, &mpf_type_IndexError) || mpf_exc_match(nlr.exc, &mpf_type_StopIteration)) {
        return MPF_OBJ_STOP;
    }
    mpf_nlr_raise(nlr.exc);
}

mpf_obj_t mpf_iter_self(mpf_obj_t self) {
    return self;
}

const mpf_type_t mpf_type_iter_generic = MPF_TYPE(MPF_QSTR_iterator, 0,
    (getiter, mpf_iter_self),
    (iternext, seq_iter_next));

mpf_obj_t mpf_getiter(mpf_obj_t o) {
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(o));
    if (mpf_type_get_getiter(t) != NULL) {
        mpf_obj_t r = mpf_type_get_getiter(t)(o);
        if (r != MPF_OBJ_NULL) {
            return r;
        }
    }
    if (mpf_type_get_subscr(t) != NULL) {
        seq_iter_t *it = mpf_new(seq_iter_t);
        it->base.type = &mpf_type_iter_generic;
        it->seq = o;
        it->i = 0;
        return mpf_obj_from_ptr(it);
    }
    mpf_raise_fmt(&mpf_type_TypeError, "'%T' object is not iterable", o);
}

mpf_obj_t mpf_iternext(mpf_obj_t it) {
    mpf_stack_check();
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(it));
    if (mpf_type_get_iternext(t) != NULL) {
        return mpf_type_get_iternext(t)(it);
    }
    mpf_raise_fmt(&mpf_type_TypeError, "'%T' object is not an iterator", it);
}

mpf_obj_t mpf_iternext_raise(mpf_obj_t it) {
    mpf_obj_t v = mpf_iternext(it);
    if (v == MPF_OBJ_STOP) {
        mpf_raise_type(&mpf_type_StopIteration);
    }
    return v;
}

void mpf_wait_idle(void) {
    mpf_port_poll();
#if CONFIG_MODULE_MICROPYTHON
    mpf_micropython_run_scheduled();
#endif
    mpf_port_idle();
}
