// vm.c -- the bytecode interpreter: frame setup and argument binding (mpy-format.md
// section 8), the dispatch loop (section 9), exception dispatch and unwinding (section
// 10) and generator suspension (section 11).
#include "mpf_int.h"
#include "opcodes.h"
#include "dispatch.h"
#include "port.h"
#if CONFIG_COMPILER
#include "compile.h"
#endif

// ---------------------------------------------------------------- operand decoding
// A variable-length operand: 7 bits a byte, most significant first, shifted into [v]
// (0 for an unsigned operand, all ones for a negative signed one).
static inline mpf_uint_t read_varint(const uint8_t **pip, mpf_uint_t v) {
    const uint8_t *ip = *pip;
    uint8_t b;
    do {
        b = *ip++;
        v = (v << 7) | (b & 0x7F);
    } while (b & 0x80);
    *pip = ip;
    return v;
}

static inline mpf_uint_t read_uint(const uint8_t **pip) {
    return read_varint(pip, 0);
}

static inline mpf_int_t read_sint(const uint8_t **pip) {
    return (mpf_int_t)read_varint(pip, (**pip & 0x40) ? ~(mpf_uint_t)0 : 0);
}

// Jump operand (3.3): returns the raw value; *pip moves past the operand.
static inline mpf_uint_t read_jump(const uint8_t **pip, bool *two) {
    const uint8_t *ip = *pip;
    mpf_uint_t v = ip[0];
    if (v & 0x80) {
        v = (v & 0x7F) | ((mpf_uint_t)ip[1] << 7);
        *pip = ip + 2;
        *two = true;
    } else {
        *pip = ip + 1;
        *two = false;
    }
    return v;
}
static inline mpf_int_t read_sjump(const uint8_t **pip) {
    bool two;
    mpf_uint_t v = read_jump(pip, &two);
    return (mpf_int_t)v - (two ? 0x4000 : 0x40);
}
static inline mpf_uint_t read_ujump(const uint8_t **pip) {
    bool two;
    return read_jump(pip, &two);
}

#if !CONFIG_VM_FAST_PATHS
// The small VM (no fast paths) decodes an opcode's first operand at dispatch, once for
// all handlers (VM_FETCH), instead of a decoder inlined in each: into [*arg] the vuint
// of opcodes 0x10-0x3F (signed for LOAD_CONST_SMALL_INT), the jump of 0x40-0x4F (signed
// for UNWIND_JUMP, JUMP and POP_JUMP_IF_*). Returns the opcode; *pip moves past both.
static inline uint8_t vm_fetch(const uint8_t **pip, mpf_uint_t *arg) {
    uint8_t op = *(*pip)++;
    if (op >= 0x10 && op < 0x40) {
        *arg = read_varint(pip, (op == MPF_OP_LOAD_CONST_SMALL_INT && (**pip & 0x40)) ? ~(mpf_uint_t)0 : 0);
    } else if (op >= 0x40 && op < 0x50) {
        bool two;
        *arg = read_jump(pip, &two);
        if (op <= MPF_OP_POP_JUMP_IF_FALSE) {
            *arg -= two ? 0x4000 : 0x40;
        }
    }
    return op;
}
#endif

size_t mpf_vm_line(const mpf_raw_code_t *rc, const uint8_t *ip) {
    size_t rem = (size_t)(ip - rc->code);
    size_t line = 1;
    const uint8_t *p = rc->line_info;
    while (p < rc->line_info_end) {
        size_t bc, ld;
        if (p[0] & 0x80) {
            if (p + 1 >= rc->line_info_end) {
                break;
            }
            bc = p[0] & 0x0F;
            ld = (size_t)((p[0] >> 4) & 7) * 256 + p[1];
            p += 2;
        } else {
            bc = p[0] & 0x1F;
            ld = (p[0] >> 5) & 3;
            p += 1;
        }
        if (rem >= bc) {
            rem -= bc;
            line += ld;
        } else {
            break;
        }
    }
    return line;
}

// ---------------------------------------------------------------- frames and binding
#define WORDS(n) (((n) + sizeof(mpf_obj_t) - 1) / sizeof(mpf_obj_t))

#if CONFIG_ERROR_MSG_LEVEL >= 1
MPF_NORETURN static void arg_error(const mpf_fun_bc_t *fun, const char *fmt, ...) {
    mpf_vstr_t v;
    mpf_vstr_init(&v, 32);
    mpf_print_t p;
    mpf_vstr_print(&v, &p);
    mpf_printf(&p, "%q() ", fun->ctx->qstrs[fun->rc->simple_name]);
    va_list ap;
    va_start(ap, fmt);
    mpf_vprintf(&p, fmt, ap);
    va_end(ap);
    mpf_raise(mpf_exc_new(&mpf_type_TypeError, 1, (mpf_obj_t[]){mpf_vstr_to_str(&v)}));
}
#else
// terse: the message and its arguments are left out of the image (as mpf_raise_fmt's)
#define arg_error(fun, ...) ((void)(fun), mpf_raise_fmt(&mpf_type_TypeError, __VA_ARGS__))
#endif

static inline mpf_qstr_t arg_name(const mpf_fun_bc_t *fun, size_t i) {
    return fun->ctx->qstrs[fun->rc->arg_names[i]];
}

// Words of a frame of [rc]: the header, n_state + 1 slots, the slack, the exception entries.
// state[0] and n_exc_stack slots above state[n_state] are slack: a finally block entered by
// return/break holds one item more than the loader's stack-depth pass counts (saved depth
// + 2, not + 1), once per nested finally.
static inline size_t frame_words(const mpf_raw_code_t *rc) {
    return WORDS(sizeof(mpf_frame_t)) + rc->n_state + 1u + rc->n_exc_stack + rc->n_exc_stack * WORDS(sizeof(mpf_exc_entry_t));
}

mpf_frame_t *mpf_vm_setup_frame(const mpf_fun_bc_t *fun, size_t n_args, size_t n_kw, const mpf_obj_t *args, bool on_heap) {
    const mpf_raw_code_t *rc = fun->rc;
    size_t n_state = rc->n_state;
    size_t slack = rc->n_exc_stack;
    size_t words = frame_words(rc);
    mpf_frame_t *fr;
    if (!on_heap && mpf_state.fs_top + words <= mpf_state.fs_end) {
        fr = (mpf_frame_t *)mpf_state.fs_top;
        mpf_state.fs_top += words;
        memset(fr, 0, words * sizeof(mpf_obj_t));
    } else {
        fr = mpf_gc_alloc(words * sizeof(mpf_obj_t), false);
        fr->on_heap = 1;
    }
    fr->fun = fun;
    fr->ip = rc->code;
    fr->cur = rc->code;
    fr->sp = &fr->state[0];
    fr->exc = (mpf_exc_entry_t *)&fr->state[n_state + 1 + slack];
    fr->exc_sp = fr->exc;
    fr->locals = fun->ctx->globals;
    fr->caller = NULL;
    mpf_obj_t *fast = &fr->state[n_state];   // local i is fast[-i]

    // positional: closed-over cells first, then the call's positional arguments
    size_t A = rc->n_pos_args, K = rc->n_kwonly_args;
    size_t n_closed = fun->n_closed;
    size_t n_pos = n_closed + n_args;
    size_t slot_after = A + K;
    if (n_pos > A && !(rc->scope_flags & MPF_SCOPE_VARARGS)) {
        if (A - n_closed == rc->n_def_pos_args || rc->n_def_pos_args == 0) {
            arg_error(fun, "takes %u positional argument%s but %u %s given", (unsigned)(A - n_closed),
                A - n_closed == 1 ? "" : "s", (unsigned)n_args, n_args == 1 ? "was" : "were");
        }
        arg_error(fun, "takes from %u to %u positional arguments but %u were given",
            (unsigned)(A - n_closed - rc->n_def_pos_args), (unsigned)(A - n_closed), (unsigned)n_args);
    }
    if (rc->scope_flags & MPF_SCOPE_VARARGS) {
        // *args: the positional arguments past the parameters (none: an empty tuple)
        size_t extra = n_pos > A ? n_pos - A : 0;
        *(fast - slot_after) = mpf_obj_new_tuple(extra, extra ? args + (A - n_closed) : NULL);
        n_pos -= extra;
    }
#if CONFIG_VM_FAST_PATHS
    for (size_t i = 0; i < n_closed && i < A; i++) {
        *(fast - i) = fun->closed[i];
    }
    for (size_t i = n_closed; i < n_pos; i++) {
        *(fast - i) = args[i - n_closed];
    }
#else  // one loop (a test per slot)
    for (size_t i = 0; i < n_pos; i++) {
        *(fast - i) = i < n_closed ? fun->closed[i] : args[i - n_closed];
    }
#endif
    size_t kw_slot = slot_after + ((rc->scope_flags & MPF_SCOPE_VARARGS) ? 1 : 0);
    mpf_obj_t kwdict = MPF_OBJ_NULL;
    if (rc->scope_flags & MPF_SCOPE_VARKEYWORDS) {
        kwdict = mpf_obj_new_dict(n_kw);
        *(fast - kw_slot) = kwdict;
    }
    for (size_t k = 0; k < n_kw; k++) {
        mpf_obj_t name = args[n_args + 2 * k];
        mpf_obj_t val = args[n_args + 2 * k + 1];
        size_t j;
        for (j = 0; j < A + K; j++) {
            if (mpf_obj_new_qstr(arg_name(fun, j)) == name) {
                break;
            }
        }
        if (j < A + K && j >= n_closed + rc->n_posonly_args) {
            if (*(fast - j) != MPF_OBJ_NULL) {
                arg_error(fun, "got multiple values for argument '%O'", name);
            }
            *(fast - j) = val;
        } else if (kwdict != MPF_OBJ_NULL) {
            if (mpf_dict_get(kwdict, name) != MPF_OBJ_NULL) {
                arg_error(fun, "got multiple values for keyword argument '%O'", name);
            }
            mpf_dict_store(kwdict, name, val);
        } else {
            arg_error(fun, "got an unexpected keyword argument '%O'", name);
        }
    }
#if CONFIG_ERROR_MSG_LEVEL == 0
    // terse: one loop fills each empty parameter slot from its default (the last D
    // positional ones from the tuple, keyword-only ones from the dict) or raises
    size_t D = rc->n_def_pos_args;
    for (size_t i = n_closed; i < A + K; i++) {
        if (*(fast - i) != MPF_OBJ_NULL) {
            continue;
        }
        mpf_obj_t d = MPF_OBJ_NULL;
        if (i < A) {
            size_t di = i - (A - D);  // (wraps to a large value before the defaults)
            if (fun->defaults != MPF_OBJ_NULL && di < ((const mpf_tuple_t *)mpf_obj_ptr(fun->defaults))->len) {
                d = ((const mpf_tuple_t *)mpf_obj_ptr(fun->defaults))->items[di];
            }
        } else if (fun->kwdefaults != MPF_OBJ_NULL) {
            d = mpf_dict_get(fun->kwdefaults, mpf_obj_new_qstr(arg_name(fun, i)));
        }
        if (d == MPF_OBJ_NULL) {
            arg_error(fun, "missing required argument");
        }
        *(fast - i) = d;
    }
#else
    // positional defaults fill the last D positional slots
    size_t D = rc->n_def_pos_args;
    if (D > 0 && fun->defaults != MPF_OBJ_NULL) {
        const mpf_tuple_t *def = mpf_obj_ptr(fun->defaults);
        for (size_t i = 0; i < D && i < def->len; i++) {
            size_t s = A - D + i;
            if (*(fast - s) == MPF_OBJ_NULL) {
                *(fast - s) = def->items[i];
            }
        }
    }
    size_t missing = 0;
    for (size_t i = n_closed; i < A; i++) {
        if (*(fast - i) == MPF_OBJ_NULL) {
            missing++;
        }
    }
    if (missing > 0) {
        mpf_vstr_t v;
        mpf_vstr_init(&v, 32);
        mpf_print_t p;
        mpf_vstr_print(&v, &p);
        size_t seen = 0;
        for (size_t i = n_closed; i < A; i++) {
            if (*(fast - i) == MPF_OBJ_NULL) {
                if (seen > 0) {
                    mpf_print_str(&p, missing == 2 ? " and " : (seen + 1 == missing ? ", and " : ", "));
                }
                mpf_printf(&p, "'%q'", arg_name(fun, i));
                seen++;
            }
        }
        arg_error(fun, "missing %u required positional argument%s: %.*s", (unsigned)missing,
            missing == 1 ? "" : "s", (int)v.len, v.buf);
    }
    for (size_t i = A; i < A + K; i++) {
        if (*(fast - i) == MPF_OBJ_NULL) {
            mpf_obj_t d = MPF_OBJ_NULL;
            if (fun->kwdefaults != MPF_OBJ_NULL) {
                d = mpf_dict_get(fun->kwdefaults, mpf_obj_new_qstr(arg_name(fun, i)));
            }
            if (d == MPF_OBJ_NULL) {
                arg_error(fun, "missing 1 required keyword-only argument: '%q'", arg_name(fun, i));
            }
            *(fast - i) = d;
        }
    }
#endif
    for (size_t i = 0; i < rc->n_cell; i++) {
        size_t s = rc->cells[i];
        *(fast - s) = mpf_obj_new_cell(*(fast - s));
    }
    return fr;
}

mpf_obj_t mpf_vm_call_bc(const mpf_fun_bc_t *fun, size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_obj_t locals) {
    mpf_stack_check();
#if CONFIG_GENERATORS
    if (fun->rc->scope_flags & MPF_SCOPE_GENERATOR) {
        mpf_frame_t *fr = mpf_vm_setup_frame(fun, n_args, n_kw, args, true);
        return mpf_obj_new_gen(mpf_obj_from_ptr(fun), fr);
    }
#endif
    mpf_obj_t *fs_saved = mpf_state.fs_top;
    mpf_frame_t *fr = mpf_vm_setup_frame(fun, n_args, n_kw, args, false);
    if (locals != MPF_OBJ_NULL) {
        fr->locals = locals;
    }
    mpf_obj_t ret;
    mpf_vm_ret_t r = mpf_vm_execute(fr, &ret);
    mpf_state.fs_top = fs_saved;
    if (MPF_UNLIKELY(r == MPF_VM_EXCEPTION)) {
        mpf_nlr_raise(ret);
    }
    return ret;
}

// ---------------------------------------------------------------- the collector's view of the frame stack
// The frames of the frame stack lie one after another from fs_base to fs_top. The value
// stack of a frame is live up to its top, but the VM keeps that top in a register: a frame
// in any other instruction is marked whole. A frame in a call (a CALL_* instruction: fr->cur;
// the CALL stored the slot of the function in fr->sp before it could allocate) is live up to
// the call's last item; the slots between it and the local variables hold what earlier
// instructions popped (the arguments of calls that returned, `exec(src, g); g = None`),
// which the program no longer references: they are cleared, not marked
// (CONFIG_GC_PRECISE_FRAMES; without it every frame is marked whole).
void mpf_vm_mark_frames(void (*mark)(const void *lo, const void *hi)) {
#if !CONFIG_GC_PRECISE_FRAMES
    mark(mpf_state.fs_base, mpf_state.fs_top);  // (every frame whole)
#else
    mpf_obj_t *p = mpf_state.fs_base, *end = mpf_state.fs_top;
    const mpf_raw_code_t *last_rc = NULL;   // (a recursion: the same code frame after frame)
    size_t last_locals = 0;
    while (p < end) {
        mpf_frame_t *fr = (mpf_frame_t *)p;
        const mpf_raw_code_t *rc = fr->fun->rc;   // (set before a new frame can allocate)
        mpf_obj_t *next = p + frame_words(rc);
        const uint8_t *c = fr->cur;
        mpf_obj_t *top = NULL;
        if (*c >= MPF_OP_CALL_FUNCTION && *c <= MPF_OP_CALL_METHOD_VAR_KW && fr->sp > &fr->state[0]) {
            mpf_uint_t u = 0;
            const uint8_t *q = c + 1;
            do {
                u = (u << 7) | (*q & 0x7F);
            } while (*q++ & 0x80);
            // function (sp), self or NULL of a method, positional, keyword pairs, the * marker
            top = fr->sp + (u & 0xFF) + 2 * (u >> 8) + (*c >= MPF_OP_CALL_METHOD) + (*c & 1);
        }
        mpf_obj_t *locals = NULL;
        if (top != NULL) {
            if (rc != last_rc) {
                last_rc = rc;
                last_locals = mpf_loader_n_locals(rc);
            }
            if (last_locals <= rc->n_state) {
                locals = &fr->state[rc->n_state + 1 - last_locals];
            }
        }
        if (top != NULL && top < locals) {
            mark(p, top + 1);
            memset(top + 1, 0, (size_t)(locals - (top + 1)) * sizeof(mpf_obj_t));
            mark(locals, next);
        } else {
            mark(p, next);
        }
        p = next;
    }
#endif
}

void mpf_vm_run_module(const mpf_raw_code_t *rc, mpf_module_ctx_t *ctx, mpf_obj_t globals) {
    ctx->globals = globals;
#if CONFIG_COMPILER
    ctx->root = rc;
#endif
    mpf_obj_t f = mpf_obj_new_fun_bc(rc, ctx, MPF_OBJ_NULL, MPF_OBJ_NULL, 0, NULL);
    mpf_vm_call_bc(mpf_obj_ptr(f), 0, 0, NULL, globals);
}

// ---------------------------------------------------------------- helpers for opcodes
MPF_NORETURN static void bad_bytecode(void) {
    mpf_raise_msg(&mpf_type_RuntimeError, "invalid bytecode");
}

// The value of a stack item the compiler always makes a small int (an import level, a
// call's star bitmap, an inline iterator's index, an unwind target); raises if forged
// bytecode put something else there.
static inline mpf_int_t small_int_item(mpf_obj_t o) {
    if (MPF_UNLIKELY(!mpf_obj_is_small_int(o))) {
        bad_bytecode();
    }
    return mpf_obj_small_int_value(o);
}

// The cell in a local slot; raises if the slot holds no cell (malformed bytecode).
static inline mpf_cell_t *cell_of(mpf_obj_t o) {
    if (MPF_UNLIKELY(!mpf_obj_is_type(o, &mpf_type_cell))) {
        mpf_raise_msg(&mpf_type_RuntimeError, "invalid bytecode: slot is not a cell");
    }
    return mpf_obj_ptr(o);
}
// Helpers the small VM (no fast paths) keeps out of line, called from several handlers.
#if CONFIG_VM_FAST_PATHS
#define VM_SMALL_NOINLINE inline
#else
#define VM_SMALL_NOINLINE __attribute__((noinline))
#endif

// SETUP_WITH / SETUP_EXCEPT / SETUP_FINALLY: push a handler at [handler] that restores
// the value stack to [saved_sp]. The bound check fails only for malformed bytecode.
static VM_SMALL_NOINLINE void exc_push(mpf_frame_t *fr, const uint8_t *handler, mpf_obj_t *saved_sp, bool is_finally) {
    if (MPF_UNLIKELY(fr->exc_sp - fr->exc >= fr->fun->rc->n_exc_stack)) {
        bad_bytecode();
    }
    mpf_exc_entry_t *e = fr->exc_sp++;
    e->handler = handler;
    e->saved_sp = saved_sp;
    e->exc = MPF_OBJ_NULL;
    e->is_finally = is_finally;
}

MPF_NORETURN static void raise_unbound_local(void) {
    mpf_raise_msg(&mpf_type_UnboundLocalError, "local variable referenced before assignment");
}
MPF_NORETURN static void raise_unbound_free(void) {
    mpf_raise_msg(&mpf_type_NameError, "free variable referenced before assignment");
}

#if CONFIG_COMPILER
// The locals eval/exec were given may be any mapping (CPython's rule; globals are always
// dicts): a name is its item, a KeyError a missing name.
#define NS_IS_MAPPING(d) MPF_UNLIKELY(!mpf_obj_is_type((d), &mpf_type_dict))

// (compile.h)
mpf_obj_t mpf_vm_mapping_item(mpf_obj_t m, mpf_qstr_t q, mpf_obj_t v) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t r = mpf_subscr(m, mpf_obj_new_qstr(q), v);
        mpf_nlr_pop(&nlr);
        return r;
    }
    if (!mpf_exc_match(nlr.exc, &mpf_type_KeyError)) {
        mpf_nlr_raise(nlr.exc);
    }
    return MPF_OBJ_NULL;
}
#endif

// STORE_NAME / STORE_GLOBAL: [dict][q] = [v].
static void store_name(mpf_obj_t dict, mpf_qstr_t q, mpf_obj_t v) {
#if CONFIG_COMPILER
    if (NS_IS_MAPPING(dict)) {
        mpf_subscr(dict, mpf_obj_new_qstr(q), v);
        return;
    }
#endif
    mpf_dict_store(dict, mpf_obj_new_qstr(q), v);
}

// DELETE_NAME / DELETE_GLOBAL: remove [q] from [dict].
static void delete_name(mpf_obj_t dict, mpf_qstr_t q) {
#if CONFIG_COMPILER
    if (NS_IS_MAPPING(dict)) {
        if (mpf_vm_mapping_item(dict, q, MPF_OBJ_NULL) == MPF_OBJ_NULL) {
            mpf_raise_name_error(q);
        }
        return;
    }
#endif
    if (mpf_map_lookup(mpf_dict_map(dict), mpf_obj_new_qstr(q), MPF_MAP_REMOVE) == NULL) {
        mpf_raise_name_error(q);
    }
}

static mpf_obj_t load_name(mpf_obj_t locals, mpf_obj_t globals, mpf_qstr_t q) {
    mpf_obj_t v;
    if (locals != globals) {
#if CONFIG_COMPILER
        v = NS_IS_MAPPING(locals) ? mpf_vm_mapping_item(locals, q, MPF_OBJ_SENTINEL) : mpf_map_get_qstr(mpf_dict_map(locals), q);
#else
        v = mpf_map_get_qstr(mpf_dict_map(locals), q);
#endif
        if (v != MPF_OBJ_NULL) {
            return v;
        }
    }
    v = mpf_map_get_qstr(mpf_dict_map(globals), q);
    if (v != MPF_OBJ_NULL) {
        return v;
    }
    v = mpf_builtin_name(q);
    if (v == MPF_OBJ_NULL) {
        mpf_raise_name_error(q);
    }
    return v;
}

// Unpack [seq] into exactly [n] items at [out] (out[0] = item 0).
static void unpack_items(mpf_obj_t seq, size_t n, mpf_obj_t **items, size_t *len) {
    if (mpf_obj_is_type(seq, &mpf_type_tuple) || mpf_obj_is_type(seq, &mpf_type_list)) {
        mpf_obj_get_array(seq, len, items);
    } else {
#if CONFIG_ERROR_MSG_LEVEL >= 1  // (terse, mpf_getiter's TypeError is the same)
        const mpf_type_t *t = mpf_type_slots(mpf_obj_type(seq));
        if (!(t->flags & MPF_TYPE_FLAG_HEAP) && mpf_type_get_getiter(t) == NULL && mpf_type_get_subscr(t) == NULL) {
            mpf_raise_fmt(&mpf_type_TypeError, "cannot unpack non-iterable %T object", seq);  // CPython's words
        }
#endif
        mpf_obj_t l = mpf_list_from_iter(seq);
        mpf_obj_get_array(l, len, items);
    }
    (void)n;
}

#if CONFIG_GENERATORS
// (yield and yield from: only a generator's code has them; without CONFIG_GENERATORS the
// loader rejects one, and the loop raises at a compiled one's first yield)
// Call the method in args[0..1] with [n_args] arguments after them: true with its
// result in *v, or false with the value of the StopIteration it raised.
static bool call_until_stop(size_t n_args, const mpf_obj_t *args, mpf_obj_t *v) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        *v = mpf_call_method_n(n_args, 0, args);
        mpf_nlr_pop(&nlr);
        return true;
    }
    if (mpf_exc_match(nlr.exc, &mpf_type_StopIteration)) {
        *v = mpf_exc_value(nlr.exc);
        return false;
    }
    mpf_nlr_raise(nlr.exc);
}

// The next item of builtin iterator [it]: true with it in *v, or false at the end with
// *v the return value (None, or the value of a StopIteration the iterator raised: map()
// over a function that raises StopIteration ends there, as in CPython).
static bool iternext_until_stop(mpf_obj_t it, mpf_obj_t *v) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t r = mpf_iternext(it);
        mpf_nlr_pop(&nlr);
        *v = r == MPF_OBJ_STOP ? MPF_OBJ_NONE : r;
        return r != MPF_OBJ_STOP;
    }
    if (mpf_exc_match(nlr.exc, &mpf_type_StopIteration)) {
        *v = mpf_exc_value(nlr.exc);
        return false;
    }
    mpf_nlr_raise(nlr.exc);
}

// Whether [exc], what throw() was given (an exception or a class), is a GeneratorExit.
static bool is_generator_exit(mpf_obj_t exc) {
    if (mpf_obj_is_class(exc)) {
        return mpf_type_is_subclass(mpf_obj_ptr(exc), &mpf_type_GeneratorExit);
    }
    return mpf_exc_match(exc, &mpf_type_GeneratorExit);
}

// Send [s] (or throw [exc]) into iterator [it] for YIELD_FROM. Returns true if it
// yielded (*v = value), false if it finished (*v = return value). Kept out of line:
// inlined, it would crowd the dispatch loop's registers.
__attribute__((noinline)) static bool yield_from_step(mpf_obj_t it, mpf_obj_t s, mpf_obj_t exc, mpf_obj_t *v) {
    if (mpf_obj_is_type(it, &mpf_type_gen)) {
        bool returned;
        mpf_obj_t r = mpf_gen_resume(it, s, exc, v, &returned);
        if (!returned) {
            *v = r;
        }
        return !returned;
    }
    if (exc != MPF_OBJ_NULL) {
        mpf_obj_t dest[2];
        if (is_generator_exit(exc)) {
            mpf_load_method_maybe(it, MPF_QSTR_close, dest);
            if (dest[0] != MPF_OBJ_NULL) {
                mpf_call_method_n(0, 0, dest);
            }
            mpf_raise(exc);
        }
        mpf_load_method_maybe(it, MPF_QSTR_throw, dest);
        if (dest[0] == MPF_OBJ_NULL) {
            mpf_raise(mpf_exc_instantiate(exc, MPF_OBJ_NULL));
        }
        mpf_obj_t args[3] = {dest[0], dest[1], exc};
        return call_until_stop(1, args, v);
    }
    if (s == MPF_OBJ_NONE) {
        const mpf_type_t *t = mpf_obj_type(it);
        if (!(t->flags & MPF_TYPE_FLAG_HEAP)) {
            return iternext_until_stop(it, v);
        }
    }
    mpf_obj_t dest[3];
    if (s == MPF_OBJ_NONE) {
        mpf_load_method(it, MPF_QSTR___next__, dest);
    } else {
        mpf_load_method(it, MPF_QSTR_send, dest);
    }
    dest[2] = s;
    return call_until_stop(s == MPF_OBJ_NONE ? 0 : 1, dest, v);
}

// ---------------------------------------------------------------- yield from in the loop
// A generator that a running generator delegates to with `yield from` (its next() or
// send()) runs in the same dispatch loop as a call does: its frame is linked to the
// delegating one (caller) and marked FRAME_DELEGATED, so a resume needs no handler of
// its own and no C recursion. The delegating frame keeps the generator object on top
// of its stack, its ip at the YIELD_FROM. throw() and close() take the other path
// (yield_from_step: mpf_gen_resume with its own handler).
#define FRAME_DELEGATED ((uintptr_t)2)  // in mpf_frame_t.on_heap

// The generator object that delegating frame [parent] runs.
static inline mpf_gen_t *delegated_gen(const mpf_frame_t *parent) {
    return mpf_obj_ptr(*parent->sp);
}

// Unlink delegated frame [fr] from its parent (the generator it ran is no longer
// running; finished if it returned or raised). Returns the parent.
static inline mpf_frame_t *undelegate(mpf_frame_t *fr, bool finished) {
    mpf_frame_t *parent = fr->caller;
    mpf_gen_t *g = delegated_gen(parent);
    g->running = 0;
    g->finished = finished;
    mpf_state.gen_depth--;
    fr->caller = NULL;
    fr->on_heap &= ~FRAME_DELEGATED;
    return parent;
}

// Delegated frame [fr] yielded [v]: every generator of the chain up to the one that was
// resumed yields it (each delegating frame holds it on top, as YIELD_FROM leaves it).
__attribute__((noinline)) static void yield_out(mpf_frame_t *fr, mpf_obj_t v) {
    while (fr->on_heap & FRAME_DELEGATED) {
        fr = undelegate(fr, false);
        *++fr->sp = v;
    }
}

// YIELD_FROM's fast path: whether generator [it] can be resumed with [s] in the loop
// (not running or finished, and started unless [s] is None).
static inline bool can_delegate(mpf_obj_t it, mpf_obj_t s) {
    if (!mpf_obj_is_type(it, &mpf_type_gen)) {
        return false;
    }
    const mpf_gen_t *g = mpf_obj_ptr(it);
    if (g->running || g->finished || g->frame->pending != MPF_OBJ_NULL || mpf_state.gen_depth >= MPF_GEN_NEST_MAX) {
        return false;  // (a pending exception, gen.pend_throw's, is thrown in by mpf_gen_resume)
    }
    return s == MPF_OBJ_NONE || g->frame->ip != g->frame->fun->rc->code;
}

#endif // CONFIG_GENERATORS

static mpf_obj_t make_exception(mpf_obj_t e) {
    return mpf_exc_instantiate(e, MPF_OBJ_NULL);
}

// ---------------------------------------------------------------- the dispatch loop
// Run [fr] from fr->ip until it returns or yields; exceptions leave by nlr and are
// dispatched by mpf_vm_execute, which re-enters here at the handler.
//
// A call of a bytecode function that is not a generator does not recurse in C: the
// callee's frame is linked to the caller's (fr->caller) and this loop goes on with it;
// its return resumes the caller. So Python recursion costs frame-stack (or heap)
// memory, not C stack, and is bounded by CONFIG_RECURSION_LIMIT.
static mpf_vm_ret_t vm_run(mpf_frame_t *fr, mpf_obj_t *ret) {
    VM_DECLARE_TABLE;
    const mpf_fun_bc_t *fun;
    const mpf_raw_code_t *rc;
    const mpf_module_ctx_t *ctx;
    const mpf_qstr_t *qstrs;
    mpf_obj_t *fast;
    const uint8_t *ip;
    mpf_obj_t *sp;
    // the registers of the loop, from the frame it runs (at entry, a call, a return)
#define LOAD_FRAME() \
    do { \
        fun = fr->fun; \
        rc = fun->rc; \
        ctx = fun->ctx; \
        qstrs = ctx->qstrs; \
        fast = &fr->state[rc->n_state]; \
        ip = fr->ip; \
        sp = fr->sp; \
    } while (0)
#if !CONFIG_GENERATORS
reload:  // (switch_frame comes back here: one copy of LOAD_FRAME)
#endif
    LOAD_FRAME();
    const mpf_fun_bc_t *callee_fun;  // CALL_* -> call_bc
    size_t call_n, call_k;
    const mpf_obj_t *call_args;
#if CONFIG_GENERATORS
    mpf_obj_t throw_exc = MPF_OBJ_NULL;
#endif
    mpf_obj_t value;
    mpf_uint_t unwind_c;
// The operands: decoded by each handler with the fast paths, at dispatch without them
// (vm_fetch: the opcode in op, its first operand in arg).
#if CONFIG_VM_FAST_PATHS
#define VM_FETCH (*ip++)
#define OPCODE (ip[-1])
#define ARG_U() read_uint(&ip)
#define ARG_S() read_sint(&ip)
#define ARG_J() read_sjump(&ip)
#define ARG_JU() read_ujump(&ip)
#else
    uint8_t op;
    mpf_uint_t arg = 0;
// (the operand of the qstr opcodes, LOAD_CONST_STRING to IMPORT_FROM, is looked up here
// too: arg is the qstr; the loader checked the index, only defined opcodes take it)
#define VM_FETCH (op = vm_fetch(&ip, &arg), arg = (uint8_t)(op - MPF_OP_LOAD_CONST_STRING) <= MPF_OP_IMPORT_FROM - MPF_OP_LOAD_CONST_STRING ? qstrs[arg] : arg, op)
#define OPCODE (op)
#define ARG_U() (arg)
#define ARG_S() ((mpf_int_t)arg)
#define ARG_J() ((mpf_int_t)arg)
#define ARG_JU() (arg)
#endif
// Two opcodes whose handlers differ in one choice, BODY(first) (first: the opcode is A):
// with the fast paths each has its own handler (first a constant), without them one
// handler serves both.
#if CONFIG_VM_FAST_PATHS
#define VM_PAIR(A, B, BODY) \
    VM_CASE(A) : BODY(true) \
    VM_CASE(B) : BODY(false)
#else
#define VM_PAIR(A, B, BODY) \
    VM_CASE(A) : \
    VM_CASE(B) : BODY(OPCODE == MPF_OP_##A)
#endif

#define PUSH(v) (*++sp = (v))
#define POP() (*sp--)
#define TOP() (*sp)
#define SET_TOP(v) (*sp = (v))
#define LOCAL(i) (*(fast - (i)))
#if CONFIG_VM_FAST_PATHS
#define QSTR() (qstrs[ARG_U()])
#else
#define QSTR() ((mpf_qstr_t)arg)
#endif
#define EXC_TOP (fr->exc_sp - 1)
// A call stores its function's slot before anything can allocate: the collector's view of
// the frame for as long as the call runs (mpf_vm_mark_frames).
#if CONFIG_GC_PRECISE_FRAMES
#define CALL_SAVE_SP() (fr->sp = sp)
#else
#define CALL_SAVE_SP() ((void)0)
#endif
// The poll point, at every backward jump (each loop iteration): run the callbacks
// micropython.schedule() queued, and let the port poll every 4096 iterations.
#if CONFIG_MODULE_MICROPYTHON
#define POLL_SCHEDULED() \
    do { \
        if (MPF_UNLIKELY(mpf_state.sched_pending)) { \
            fr->sp = sp; \
            mpf_micropython_run_scheduled(); \
        } \
    } while (0)
#else
#define POLL_SCHEDULED() ((void)0)
#endif
// (CONFIG_FAULT_INJECT: at every one, so that an interrupt can be injected at each.)
#if CONFIG_FAULT_INJECT
#define POLL_PORT_MASK 0
#else
#define POLL_PORT_MASK 0xFFF
#endif
#define POLL_POINT() \
    do { \
        POLL_SCHEDULED(); \
        if (((++mpf_state.poll_counter) & POLL_PORT_MASK) == 0) { \
            mpf_port_poll(); \
        } \
    } while (0)
// Exception-stack bounds: only malformed bytecode can break them (cheap, off the hot path).
#define EXC_POP_CHECK() \
    do { \
        if (MPF_UNLIKELY(fr->exc_sp == fr->exc)) { \
            bad_bytecode(); \
        } \
    } while (0)

#if CONFIG_GENERATORS
    if (fr->pending != MPF_OBJ_NULL) {
        throw_exc = fr->pending;
        fr->pending = MPF_OBJ_NULL;
        fr->cur = ip;
        if (*ip == MPF_OP_YIELD_FROM) {
            ip++;
            goto yield_from;
        }
        mpf_raise(make_exception(throw_exc));
    }
#endif

    VM_LOOP_BEGIN

    VM_CASE(LOAD_CONST_STRING) : {
        PUSH(mpf_obj_new_qstr(QSTR()));
        VM_NEXT;
    }
#if !CONFIG_VM_FAST_PATHS
    // the NAME/GLOBAL opcodes (load, store, delete): one handler, on the frame's locals or
    // the module's globals (a global is loaded as a name with the globals as locals)
    _Static_assert(((MPF_OP_LOAD_NAME | MPF_OP_STORE_NAME | MPF_OP_DELETE_NAME) & ~0xF) == 0x10
            && (MPF_OP_LOAD_NAME & 0xF) == 1 && (MPF_OP_STORE_NAME & 0xF) == 6 && (MPF_OP_DELETE_NAME & 0xF) == 9
            && MPF_OP_LOAD_GLOBAL < MPF_OP_STORE_NAME && MPF_OP_STORE_GLOBAL < MPF_OP_DELETE_NAME,
        "opcode layout the name handler relies on");
    VM_CASE(LOAD_NAME) :
    VM_CASE(LOAD_GLOBAL) :
    VM_CASE(STORE_NAME) :
    VM_CASE(STORE_GLOBAL) :
    VM_CASE(DELETE_NAME) :
    VM_CASE(DELETE_GLOBAL) : {
        mpf_qstr_t q = QSTR();
        mpf_obj_t dict = ((0x242 >> (op & 0xF)) & 1) ? fr->locals : ctx->globals;  // the _NAME ones: 1, 6, 9
        if (op <= MPF_OP_LOAD_GLOBAL) {
            PUSH(load_name(dict, ctx->globals, q));
        } else if (op <= MPF_OP_STORE_GLOBAL) {
            store_name(dict, q, POP());
        } else {
            delete_name(dict, q);
        }
        VM_NEXT;
    }
#else
    VM_CASE(LOAD_NAME) : {
        mpf_qstr_t q = QSTR();
        PUSH(load_name(fr->locals, ctx->globals, q));
        VM_NEXT;
    }
    VM_CASE(LOAD_GLOBAL) : {
        mpf_qstr_t q = QSTR();
        mpf_obj_t v = mpf_map_get_qstr(mpf_dict_map(ctx->globals), q);
        if (v == MPF_OBJ_NULL) {
            v = mpf_builtin_name(q);
            if (v == MPF_OBJ_NULL) {
                mpf_raise_name_error(q);
            }
        }
        PUSH(v);
        VM_NEXT;
    }
#endif
    VM_CASE(LOAD_ATTR) : {
        mpf_qstr_t q = QSTR();
        mpf_obj_t o = TOP();
#if CONFIG_VM_FAST_PATHS
        // an instance's own attribute when its class has no data descriptor, as
        // mpf_load_method_maybe looks (its first step, without the calls)
        const mpf_type_t *t = mpf_obj_type(o);
        if ((t->flags & MPF_TYPE_FLAG_HEAP) && mpf_class_is_plain(t)) {
            mpf_obj_t v = mpf_map_get_qstr(&((mpf_instance_t *)mpf_obj_ptr(o))->members, q);
            if (v != MPF_OBJ_NULL && q != MPF_QSTR___class__) {
                SET_TOP(v);
                VM_NEXT;
            }
        }
#endif
        SET_TOP(mpf_load_attr(o, q));
        VM_NEXT;
    }
    VM_CASE(LOAD_METHOD) : {
        mpf_qstr_t q = QSTR();
        mpf_load_method(TOP(), q, sp);
        sp++;
        VM_NEXT;
    }
    VM_CASE(LOAD_SUPER_METHOD) : {
        mpf_qstr_t q = QSTR();
        mpf_obj_t d[2] = {sp[-1], sp[0]};
        mpf_load_super_method(q, d);
        sp--;
        sp[-1] = d[0];
        sp[0] = d[1];
        VM_NEXT;
    }
    // the NAME/GLOBAL pairs of store and delete, on the opcode's dict
#define STORE_NAME_BODY(name) \
    { \
        mpf_obj_t dict = (name) ? fr->locals : ctx->globals; \
        mpf_qstr_t q = QSTR(); \
        store_name(dict, q, POP()); \
        VM_NEXT; \
    }
#if CONFIG_VM_FAST_PATHS
    VM_PAIR(STORE_NAME, STORE_GLOBAL, STORE_NAME_BODY)
#endif
    VM_CASE(STORE_ATTR) : {
        mpf_qstr_t q = QSTR();
        mpf_store_attr(sp[0], q, sp[-1]);
        sp -= 2;
        VM_NEXT;
    }
#define DELETE_NAME_BODY(name) \
    { \
        delete_name((name) ? fr->locals : ctx->globals, QSTR()); \
        VM_NEXT; \
    }
#if CONFIG_VM_FAST_PATHS
    VM_PAIR(DELETE_NAME, DELETE_GLOBAL, DELETE_NAME_BODY)
#endif
    VM_CASE(IMPORT_NAME) : {
        mpf_qstr_t q = QSTR();
        mpf_obj_t fromlist = POP();
        SET_TOP(mpf_import_stmt(q, fromlist, small_int_item(TOP()), ctx->globals));
        VM_NEXT;
    }
    VM_CASE(IMPORT_FROM) : {
        mpf_qstr_t q = QSTR();
        mpf_obj_t v = mpf_import_from(TOP(), q);
        PUSH(v);
        VM_NEXT;
    }
    // functions and closures, with or without default arguments (dt, dk below the cells)
#define MAKE_CLOSURE_BODY(plain) \
    { \
        mpf_uint_t r = ARG_U(); \
        size_t n = *ip++; \
        size_t d = (plain) ? 0 : 2; \
        sp -= n + d; \
        mpf_obj_t f = mpf_obj_new_fun_bc(rc->children[r], ctx, d ? sp[1] : MPF_OBJ_NULL, d ? sp[2] : MPF_OBJ_NULL, n, sp + 1 + d); \
        PUSH(f); \
        VM_NEXT; \
    }
#if CONFIG_VM_FAST_PATHS
    VM_PAIR(MAKE_CLOSURE, MAKE_CLOSURE_DEFARGS, MAKE_CLOSURE_BODY)
#else
    // the four function makers: one handler (a function is a closure of no cells)
    VM_CASE(MAKE_FUNCTION) :
    VM_CASE(MAKE_FUNCTION_DEFARGS) :
    VM_CASE(MAKE_CLOSURE) :
    VM_CASE(MAKE_CLOSURE_DEFARGS) : {
        mpf_uint_t r = arg;
        size_t n = op <= MPF_OP_MAKE_CLOSURE_DEFARGS ? *ip++ : 0;
        size_t d = (op == MPF_OP_MAKE_CLOSURE_DEFARGS || op == MPF_OP_MAKE_FUNCTION_DEFARGS) ? 2 : 0;
        sp -= n + d;
        mpf_obj_t f = mpf_obj_new_fun_bc(rc->children[r], ctx, d ? sp[1] : MPF_OBJ_NULL, d ? sp[2] : MPF_OBJ_NULL, n, sp + 1 + d);
        PUSH(f);
        VM_NEXT;
    }
#endif
    VM_CASE(LOAD_CONST_SMALL_INT) : {
        mpf_int_t v = ARG_S();
        PUSH(mpf_obj_new_small_int(v));
        VM_NEXT;
    }
    VM_CASE(LOAD_CONST_OBJ) : {
        mpf_uint_t i = ARG_U();
        PUSH(ctx->consts[i]);
        VM_NEXT;
    }
    VM_CASE(LOAD_FAST_N) : {
#if CONFIG_VM_FAST_PATHS
        mpf_uint_t arg = read_uint(&ip);
#else
    load_fast:;  // LOAD_FAST_MULTI's too (arg the local)
#endif
        mpf_obj_t v = LOCAL(arg);
        if (v == MPF_OBJ_NULL) {
            raise_unbound_local();
        }
        PUSH(v);
        VM_NEXT;
    }
#if !CONFIG_VM_FAST_PATHS
    // the three cell opcodes: one handler
    VM_CASE(LOAD_DEREF) :
    VM_CASE(STORE_DEREF) :
    VM_CASE(DELETE_DEREF) : {
        mpf_cell_t *c = cell_of(LOCAL(arg));
        if (op == MPF_OP_STORE_DEREF) {
            c->value = POP();
            VM_NEXT;
        }
        if (c->value == MPF_OBJ_NULL) {
            raise_unbound_free();
        }
        if (op == MPF_OP_LOAD_DEREF) {
            PUSH(c->value);
        } else {
            c->value = MPF_OBJ_NULL;
        }
        VM_NEXT;
    }
#else
    VM_CASE(LOAD_DEREF) : {
        mpf_uint_t i = ARG_U();
        mpf_obj_t v = ((mpf_cell_t *)cell_of(LOCAL(i)))->value;
        if (v == MPF_OBJ_NULL) {
            raise_unbound_free();
        }
        PUSH(v);
        VM_NEXT;
    }
    VM_CASE(STORE_DEREF) : {
        mpf_uint_t i = ARG_U();
        ((mpf_cell_t *)cell_of(LOCAL(i)))->value = POP();
        VM_NEXT;
    }
    VM_CASE(DELETE_DEREF) : {
        mpf_uint_t i = ARG_U();
        mpf_cell_t *c = cell_of(LOCAL(i));
        if (c->value == MPF_OBJ_NULL) {
            raise_unbound_free();
        }
        c->value = MPF_OBJ_NULL;
        VM_NEXT;
    }
#endif
    VM_CASE(STORE_FAST_N) : {
#if CONFIG_VM_FAST_PATHS
        mpf_uint_t arg = read_uint(&ip);
#else
    store_fast:
#endif
        LOCAL(arg) = POP();
        VM_NEXT;
    }
    VM_CASE(DELETE_FAST) : {
        mpf_uint_t i = ARG_U();
        if (LOCAL(i) == MPF_OBJ_NULL) {
            raise_unbound_local();
        }
        LOCAL(i) = MPF_OBJ_NULL;
        VM_NEXT;
    }
#define BUILD_TUPLE_BODY(tuple) \
    { \
        size_t n = ARG_U(); \
        sp -= n; \
        mpf_obj_t t = (tuple) ? mpf_obj_new_tuple(n, sp + 1) : mpf_obj_new_list(n, sp + 1); \
        PUSH(t); \
        VM_NEXT; \
    }
    VM_PAIR(BUILD_TUPLE, BUILD_LIST, BUILD_TUPLE_BODY)
    VM_CASE(BUILD_MAP) : {
        size_t n = ARG_U();
        PUSH(mpf_obj_new_dict(n));
        VM_NEXT;
    }
    VM_CASE(BUILD_SET) : {
        size_t n = ARG_U();
        sp -= n;
#if CONFIG_BUILTIN_SET
        mpf_obj_t s = mpf_obj_new_set(n, sp + 1);
        PUSH(s);
#else
        mpf_raise_msg(&mpf_type_NotImplementedError, "sets are disabled in this build");
#endif
        VM_NEXT;
    }
    VM_CASE(BUILD_SLICE) : {
        size_t n = ARG_U();
        mpf_obj_t step = MPF_OBJ_NONE;
        if (n == 3) {
            step = POP();
        }
        mpf_obj_t stop = POP();
        SET_TOP(mpf_obj_new_slice(TOP(), stop, step));
        VM_NEXT;
    }
    VM_CASE(STORE_COMP) : {
        mpf_uint_t u = ARG_U();
        mpf_obj_t coll = *(sp - (u >> 2));
        static const mpf_type_t *const comp_types[3] = {&mpf_type_list, &mpf_type_dict,
#if CONFIG_BUILTIN_SET
            &mpf_type_set,
#else
            &mpf_type_list,
#endif
        };
        if (MPF_UNLIKELY((u & 3) == 3 || !mpf_obj_is_type(coll, comp_types[u & 3]))) {
            bad_bytecode();
        }
        switch (u & 3) {
            case 0:
                mpf_list_append(coll, POP());
                break;
            case 1:
                mpf_dict_store(coll, sp[0], sp[-1]);
                sp -= 2;
                break;
            default:
#if CONFIG_BUILTIN_SET
                mpf_set_add(coll, POP());
#endif
                break;
        }
        VM_NEXT;
    }
    // unpacking: into exactly n items, or (UNPACK_EX) l items, a list of the rest, r items
#define UNPACK_BODY(plain) \
    { \
        mpf_uint_t u = ARG_U(); \
        size_t l = (plain) ? u : (u & 0xFF), r = (plain) ? 0 : u >> 8; \
        mpf_obj_t seq = POP(); \
        mpf_obj_t *items; \
        size_t len; \
        unpack_items(seq, l + r, &items, &len); \
        if (len < l + r) { \
            if (plain) { \
                mpf_raise_fmt(&mpf_type_ValueError, "not enough values to unpack (expected %u, got %u)", (unsigned)l, (unsigned)len); \
            } \
            mpf_raise_fmt(&mpf_type_ValueError, "not enough values to unpack (expected at least %u, got %u)", (unsigned)(l + r), (unsigned)len); \
        } \
        if ((plain) && len > l) { \
            mpf_raise_fmt(&mpf_type_ValueError, "too many values to unpack (expected %u)", (unsigned)l); \
        } \
        for (size_t i = 0; i < r; i++) { \
            PUSH(items[len - 1 - i]); \
        } \
        if (!(plain)) { \
            mpf_obj_t mid = mpf_obj_new_list(len - l - r, items + l); \
            PUSH(mid); \
        } \
        for (size_t i = l; i-- > 0;) { \
            PUSH(items[i]); \
        } \
        VM_NEXT; \
    }
    VM_PAIR(UNPACK_SEQUENCE, UNPACK_EX, UNPACK_BODY)
#define MAKE_FUNCTION_BODY(plain) \
    { \
        mpf_uint_t r = ARG_U(); \
        mpf_obj_t dk = (plain) ? MPF_OBJ_NULL : POP(); \
        mpf_obj_t dt = (plain) ? MPF_OBJ_NULL : POP(); \
        PUSH(mpf_obj_new_fun_bc(rc->children[r], ctx, dt, dk, 0, NULL)); \
        VM_NEXT; \
    }
#if CONFIG_VM_FAST_PATHS
    VM_PAIR(MAKE_FUNCTION, MAKE_FUNCTION_DEFARGS, MAKE_FUNCTION_BODY)
#endif
    // a call: a method call has self (or NULL) above the function; a bytecode function
    // runs in this loop (call_bc)
#define CALL_BODY(function) \
    { \
        size_t m = (function) ? 0 : 1; \
        mpf_uint_t u = ARG_U(); \
        size_t p = u & 0xFF, k = u >> 8; \
        sp -= p + 2 * k + m; \
        CALL_SAVE_SP(); \
        mpf_obj_t f = sp[0]; \
        if (mpf_obj_is_type(f, &mpf_type_fun_bc)) { \
            bool bound = m && sp[1] != MPF_OBJ_NULL; /* self is the first argument */ \
            callee_fun = mpf_obj_ptr(f); \
            call_n = p + bound; \
            call_k = k; \
            call_args = sp + 1 + m - bound; \
            goto call_bc; \
        } \
        SET_TOP(m ? mpf_call_method_n(p, k, sp) : mpf_call(f, p, k, sp + 1)); \
        VM_NEXT; \
    }
#if CONFIG_VM_FAST_PATHS
    VM_PAIR(CALL_FUNCTION, CALL_METHOD, CALL_BODY)
#else
    // the four calls: one handler (method calls are 0x36-0x37, the *args/**kw ones odd)
    _Static_assert(MPF_OP_CALL_METHOD == MPF_OP_CALL_FUNCTION + 2 && (MPF_OP_CALL_FUNCTION_VAR_KW & 1)
            && (MPF_OP_CALL_METHOD_VAR_KW & 1) && !(MPF_OP_CALL_FUNCTION & 1) && !(MPF_OP_CALL_METHOD & 1),
        "opcode layout the call handler relies on");
    VM_CASE(CALL_FUNCTION) :
    VM_CASE(CALL_FUNCTION_VAR_KW) :
    VM_CASE(CALL_METHOD) :
    VM_CASE(CALL_METHOD_VAR_KW) : {
        size_t m = op >= MPF_OP_CALL_METHOD;
        size_t var = op & 1;
        size_t p = arg & 0xFF, k = arg >> 8;
        sp -= p + 2 * k + var + m;
        CALL_SAVE_SP();
        mpf_obj_t f = sp[0];
        if (var) {
            mpf_uint_t star = (mpf_uint_t)small_int_item(sp[p + 2 * k + 1 + m]);
            SET_TOP(mpf_call_var_kw(f, m ? sp[1] : MPF_OBJ_NULL, p, k, sp + 1 + m, star));
            VM_NEXT;
        }
        bool bound = m && sp[1] != MPF_OBJ_NULL;  // self is the first argument
        call_n = p + bound;
        call_k = k;
        call_args = sp + 1 + m - bound;
        if (mpf_obj_is_type(f, &mpf_type_fun_bc)) {
            callee_fun = mpf_obj_ptr(f);
            goto call_bc;
        }
        SET_TOP(mpf_call(f, call_n, call_k, call_args));  // (as mpf_call_method_n calls it)
        VM_NEXT;
    }
#endif
#define CALL_VAR_KW_BODY(function) \
    { \
        size_t m = (function) ? 0 : 1; \
        mpf_uint_t u = ARG_U(); \
        size_t p = u & 0xFF, k = u >> 8; \
        sp -= p + 2 * k + 1 + m; \
        CALL_SAVE_SP(); \
        mpf_uint_t star = (mpf_uint_t)small_int_item(sp[p + 2 * k + 1 + m]); \
        SET_TOP(mpf_call_var_kw(sp[0], m ? sp[1] : MPF_OBJ_NULL, p, k, sp + 1 + m, star)); \
        VM_NEXT; \
    }
#if CONFIG_VM_FAST_PATHS
    VM_PAIR(CALL_FUNCTION_VAR_KW, CALL_METHOD_VAR_KW, CALL_VAR_KW_BODY)
#endif
    VM_CASE(UNWIND_JUMP) : {
        mpf_int_t off = ARG_J();
        const uint8_t *target = ip + off;   // relative to the trailing byte
        unwind_c = *ip++;
        PUSH(mpf_obj_new_small_int(target - rc->code));
        goto unwind_loop;
    }
#if CONFIG_VM_FAST_PATHS
    VM_CASE(JUMP) : {
        mpf_int_t off = read_sjump(&ip);
        ip += off;
        if (off < 0) {
            POLL_POINT();
        }
        VM_NEXT;
    }
    VM_CASE(POP_JUMP_IF_TRUE) : {
        mpf_int_t off = read_sjump(&ip);
        mpf_obj_t v = POP();
        if (v == MPF_OBJ_TRUE || (v != MPF_OBJ_FALSE && mpf_obj_is_true(v))) {
            ip += off;
            if (off < 0) {
                POLL_POINT();
            }
        }
        VM_NEXT;
    }
    VM_CASE(POP_JUMP_IF_FALSE) : {
        mpf_int_t off = read_sjump(&ip);
        mpf_obj_t v = POP();
        if (v == MPF_OBJ_FALSE || (v != MPF_OBJ_TRUE && !mpf_obj_is_true(v))) {
            ip += off;
            if (off < 0) {
                POLL_POINT();
            }
        }
        VM_NEXT;
    }
#else
    // one handler for the five: JUMP, or jump when the value's truth is the opcode's (the
    // TRUE ones odd), popping it always (POP_JUMP_IF_*) or when not jumping (*_OR_POP)
    _Static_assert((MPF_OP_POP_JUMP_IF_TRUE & 1) && (MPF_OP_JUMP_IF_TRUE_OR_POP & 1) && !(MPF_OP_POP_JUMP_IF_FALSE & 1)
            && !(MPF_OP_JUMP_IF_FALSE_OR_POP & 1) && MPF_OP_POP_JUMP_IF_FALSE < MPF_OP_JUMP_IF_TRUE_OR_POP,
        "opcode layout the jump handler relies on");
    VM_CASE(JUMP) :
    VM_CASE(POP_JUMP_IF_TRUE) :
    VM_CASE(POP_JUMP_IF_FALSE) :
    VM_CASE(JUMP_IF_TRUE_OR_POP) :
    VM_CASE(JUMP_IF_FALSE_OR_POP) : {
        mpf_int_t off = (mpf_int_t)arg;
        if (op != MPF_OP_JUMP) {
            bool jump = mpf_obj_is_true(TOP()) == (bool)(op & 1);
            if (!jump || op <= MPF_OP_POP_JUMP_IF_FALSE) {
                sp--;
            }
            if (!jump) {
                VM_NEXT;
            }
        }
        ip += off;
        if (off < 0) {
            POLL_POINT();
        }
        VM_NEXT;
    }
#endif
    // jump keeping the value when its truth is the opcode's, else pop it
#define JUMP_OR_POP_BODY(when) \
    { \
        mpf_uint_t off = ARG_JU(); \
        if (mpf_obj_is_true(TOP()) == (when)) { \
            ip += off; \
        } else { \
            sp--; \
        } \
        VM_NEXT; \
    }
#if CONFIG_VM_FAST_PATHS
    VM_PAIR(JUMP_IF_TRUE_OR_POP, JUMP_IF_FALSE_OR_POP, JUMP_OR_POP_BODY)
#endif
    VM_CASE(SETUP_WITH) : {
        mpf_uint_t off = ARG_JU();
        mpf_obj_t cm = TOP();
        mpf_obj_t enter[2];
        mpf_load_method_maybe(cm, MPF_QSTR___enter__, enter);
        if (enter[0] == MPF_OBJ_NULL) {
            mpf_raise_fmt(&mpf_type_TypeError, "'%T' object does not support the context manager protocol", cm);
        }
        mpf_load_method_maybe(cm, MPF_QSTR___exit__, sp);
        if (sp[0] == MPF_OBJ_NULL) {
            mpf_raise_fmt(&mpf_type_TypeError, "'%T' object does not support the context manager protocol (missed __exit__ method)", cm);
        }
        sp++;
        // __enter__ runs before the handler exists: if it raises, __exit__ is not called
        mpf_obj_t v = mpf_call_method_n(0, 0, enter);
        exc_push(fr, ip + off, sp, true);
        PUSH(v);
        VM_NEXT;
    }
#define SETUP_EXCEPT_BODY(except) \
    { \
        mpf_uint_t off = ARG_JU(); \
        exc_push(fr, ip + off, sp, !(except)); \
        VM_NEXT; \
    }
    VM_PAIR(SETUP_EXCEPT, SETUP_FINALLY, SETUP_EXCEPT_BODY)
    VM_CASE(POP_EXCEPT_JUMP) : {
        mpf_uint_t off = ARG_JU();
        EXC_POP_CHECK();
        fr->exc_sp--;
        ip += off;
        VM_NEXT;
    }
    VM_CASE(FOR_ITER) : {
        mpf_uint_t off = ARG_JU();
        mpf_obj_t *it = sp - 3;
        mpf_obj_t v;
#if CONFIG_VM_FAST_PATHS
        if (it[0] != MPF_OBJ_NULL) {  // a list or tuple by index (GET_ITER_STACK)
            size_t len;
            mpf_obj_t *items;
            mpf_obj_get_array(it[1], &len, &items);
            mpf_int_t i = small_int_item(it[2]);
            if ((size_t)i < len) {
                v = items[i];
                it[2] = mpf_obj_new_small_int(i + 1);
            } else {
                v = MPF_OBJ_STOP;
            }
        } else
#endif
        {
            fr->sp = sp;
            v = mpf_iternext(it[1]);
        }
        if (v == MPF_OBJ_STOP) {
            sp -= 4;
            ip += off;
        } else {
            PUSH(v);
        }
        VM_NEXT;
    }
    VM_CASE(LOAD_CONST_FALSE) : {
        PUSH(MPF_OBJ_FALSE);
        VM_NEXT;
    }
    VM_CASE(LOAD_CONST_NONE) : {
        PUSH(MPF_OBJ_NONE);
        VM_NEXT;
    }
    VM_CASE(LOAD_CONST_TRUE) : {
        PUSH(MPF_OBJ_TRUE);
        VM_NEXT;
    }
    VM_CASE(LOAD_NULL) : {
        PUSH(MPF_OBJ_NULL);
        VM_NEXT;
    }
    VM_CASE(LOAD_BUILD_CLASS) : {
#if CONFIG_VM_FAST_PATHS
        PUSH(MPF_UNLIKELY(mpf_state.builtins_changed) ? mpf_builtin_name(MPF_QSTR___build_class__)
                                                       : mpf_obj_from_ptr(&mpf_builtin_build_class_obj));
#else
        PUSH(mpf_builtin_name(MPF_QSTR___build_class__));  // (the first builtin looked at)
#endif
        VM_NEXT;
    }
    VM_CASE(LOAD_SUBSCR) : {
        mpf_obj_t index = POP();
        mpf_obj_t o = TOP();
#if CONFIG_VM_FAST_PATHS
        if (mpf_obj_is_type(o, &mpf_type_list) && mpf_obj_is_small_int(index)) {
            const mpf_list_t *l = mpf_obj_ptr(o);
            mpf_int_t i = mpf_obj_small_int_value(index);
            if (i >= 0 && (size_t)i < l->len) {
                SET_TOP(l->items[i]);
                VM_NEXT;
            }
        }
#endif
        SET_TOP(mpf_subscr(o, index, MPF_OBJ_SENTINEL));
        VM_NEXT;
    }
    VM_CASE(STORE_SUBSCR) : {
        mpf_subscr(sp[-1], sp[0], sp[-2]);
        sp -= 3;
        VM_NEXT;
    }
    VM_CASE(DUP_TOP) : {
        mpf_obj_t v = TOP();
        PUSH(v);
        VM_NEXT;
    }
    VM_CASE(DUP_TOP_TWO) : {
        sp += 2;
        sp[0] = sp[-2];
        sp[-1] = sp[-3];
        VM_NEXT;
    }
    VM_CASE(POP_TOP) : {
        sp--;
        VM_NEXT;
    }
    VM_CASE(ROT_TWO) : {
        mpf_obj_t t = sp[0];
        sp[0] = sp[-1];
        sp[-1] = t;
        VM_NEXT;
    }
    VM_CASE(ROT_THREE) : {
        mpf_obj_t t = sp[0];
        sp[0] = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = t;
        VM_NEXT;
    }
    VM_CASE(WITH_CLEANUP) : {
        // X on top: None (the block ended), an exception, or an unwind marker (a small
        // int, with the jump target below it); __exit__ (method, self) below that
        mpf_obj_t x = TOP();
        bool unwinding = mpf_obj_is_small_int(x);
        bool exc = !unwinding && x != MPF_OBJ_NONE;
        mpf_obj_t *ex = unwinding ? sp - 3 : sp - 2;
        if (MPF_UNLIKELY(ex < &fr->state[0])) {
            bad_bytecode();  // a forged unwind marker: no ex, cm below it
        }
        mpf_obj_t a[5] = {ex[0], ex[1], exc ? mpf_obj_from_ptr(mpf_obj_type(x)) : MPF_OBJ_NONE, exc ? x : MPF_OBJ_NONE,
            MPF_OBJ_NONE};
        mpf_obj_t r = mpf_call_method_n(3, 0, a);
        if (unwinding) {
            sp[-3] = sp[-1];
            sp[-2] = sp[0];
            sp -= 2;
        } else {
            sp -= 2;
            SET_TOP(exc && !mpf_obj_is_true(r) ? x : MPF_OBJ_NONE);
        }
        VM_NEXT;
    }
    VM_CASE(END_FINALLY) : {
        EXC_POP_CHECK();
        fr->exc_sp--;
        mpf_obj_t x = POP();
        if (x == MPF_OBJ_NONE) {
            VM_NEXT;
        }
        if (mpf_obj_is_small_int(x)) {
            mpf_int_t c = mpf_obj_small_int_value(x);
            if (c < 0) {
                if (MPF_UNLIKELY(sp <= &fr->state[0])) {
                    bad_bytecode();
                }
                value = POP();
                goto do_return;
            }
            unwind_c = (mpf_uint_t)c;
            goto unwind_loop;
        }
        mpf_raise(x);
    }
    VM_CASE(GET_ITER) : {
        SET_TOP(mpf_getiter(TOP()));
        VM_NEXT;
    }
    VM_CASE(GET_ITER_STACK) : {
        mpf_obj_t o = TOP();
#if CONFIG_VM_FAST_PATHS
        // a list or tuple is walked by index: (1, seq, index) instead of (NULL, iterator, NULL)
        if (mpf_obj_is_type(o, &mpf_type_list) || mpf_obj_is_type(o, &mpf_type_tuple)) {
            sp[0] = mpf_obj_new_small_int(1);
            sp[1] = o;
            sp[2] = mpf_obj_new_small_int(0);
        } else
#endif
        {
            mpf_obj_t it = mpf_getiter(o);
            sp[0] = MPF_OBJ_NULL;
            sp[1] = it;
            sp[2] = MPF_OBJ_NULL;
        }
        sp[3] = MPF_OBJ_NULL;
        sp += 3;
        VM_NEXT;
    }
    VM_CASE(STORE_MAP) : {
        mpf_obj_t k = POP();
        mpf_obj_t v = POP();
        if (MPF_UNLIKELY(!mpf_obj_is_type(TOP(), &mpf_type_dict))) {
            bad_bytecode();  // BUILD_MAP's dict, unless the bytecode is forged
        }
        mpf_dict_store(TOP(), k, v);
        VM_NEXT;
    }
    VM_CASE(RETURN_VALUE) : {
        value = POP();
        goto do_return;
    }
    VM_CASE(RAISE_LAST) : {
        mpf_obj_t e = mpf_vm_handled_exc(fr);
        if (e != MPF_OBJ_NULL) {
            mpf_raise(e);
        }
        mpf_raise_msg(&mpf_type_RuntimeError, "No active exception to reraise");
    }
    VM_CASE(RAISE_OBJ) : {
        mpf_raise(make_exception(POP()));
    }
    VM_CASE(RAISE_FROM) : {
        mpf_obj_t cause = POP();
        mpf_obj_t e = make_exception(POP());
#if CONFIG_EXC_CHAINING
        mpf_exc_t *ex = mpf_exc_native(e);
        if (cause == MPF_OBJ_NONE) {
            ex->cause = MPF_OBJ_NONE;  // `from None`: no cause, context suppressed
        } else {
            ex->cause = make_exception(cause);
        }
#else
        (void)cause;  // no chaining: the cause is dropped
#endif
        mpf_raise(e);
    }
#if CONFIG_GENERATORS
    VM_CASE(YIELD_VALUE) : {
        fr->ip = ip;
        fr->sp = sp;
        *ret = TOP();
        if (MPF_UNLIKELY(fr->on_heap & FRAME_DELEGATED)) {
            yield_out(fr, *ret);
        }
        return MPF_VM_YIELD;
    }
    VM_CASE(YIELD_FROM) : {
        if (MPF_LIKELY(can_delegate(sp[-1], sp[0]))) {
            // run the generator's frame here (see FRAME_DELEGATED)
            mpf_obj_t s = POP();
            mpf_gen_t *g = mpf_obj_ptr(TOP());
            mpf_frame_t *inner = g->frame;
            if (inner->ip != inner->fun->rc->code) {
                *inner->sp = s;
            }
            g->running = 1;
            mpf_state.gen_depth++;
            fr->ip = ip - 1;
            fr->sp = sp;
            inner->caller = fr;
            inner->fs_saved = mpf_state.fs_top;
            inner->on_heap |= FRAME_DELEGATED;
            fr = inner;
            goto switch_frame;
        }
    yield_from: {
        mpf_obj_t s = POP();
        mpf_obj_t v;
        mpf_obj_t exc = throw_exc;
        throw_exc = MPF_OBJ_NULL;
        fr->sp = sp;
        if (yield_from_step(TOP(), s, exc, &v)) {
            PUSH(v);
            fr->ip = ip - 1;
            fr->sp = sp;
            *ret = v;
            if (MPF_UNLIKELY(fr->on_heap & FRAME_DELEGATED)) {
                // a delegated generator yields what its own iterator gave: so does its chain
                yield_out(fr, v);
            }
            return MPF_VM_YIELD;
        }
        if (exc != MPF_OBJ_NULL && is_generator_exit(exc)) {
            mpf_raise(exc);
        }
        SET_TOP(v);
        VM_NEXT;
    }
    }
#else
    // a generator compiled from source in a build without generators
    VM_CASE(YIELD_VALUE) :
    VM_CASE(YIELD_FROM) : {
        mpf_raise_msg(&mpf_type_NotImplementedError, "generators are disabled in this build");
    }
#endif
    VM_CASE(IMPORT_STAR) : {
        mpf_import_all(POP(), fr->locals);
        VM_NEXT;
    }
    VM_RANGE(LOAD_CONST_SMALL_INT_MULTI) : {
        PUSH(mpf_obj_new_small_int((mpf_int_t)OPCODE - MPF_OP_SMALL_INT_MULTI_ZERO));
        VM_NEXT;
    }
    VM_RANGE(LOAD_FAST_MULTI) : {
#if CONFIG_VM_FAST_PATHS
        mpf_obj_t v = LOCAL(ip[-1] - MPF_OP_LOAD_FAST_MULTI);
        if (v == MPF_OBJ_NULL) {
            raise_unbound_local();
        }
        PUSH(v);
        VM_NEXT;
#else
        arg = op - MPF_OP_LOAD_FAST_MULTI;
        goto load_fast;
#endif
    }
    VM_RANGE(STORE_FAST_MULTI) : {
#if CONFIG_VM_FAST_PATHS
        LOCAL(ip[-1] - MPF_OP_STORE_FAST_MULTI) = POP();
        VM_NEXT;
#else
        arg = op - MPF_OP_STORE_FAST_MULTI;
        goto store_fast;
#endif
    }
    VM_RANGE(UNARY_OP_MULTI) : {
        SET_TOP(mpf_unary_op(OPCODE - MPF_OP_UNARY_OP_MULTI, TOP()));
        VM_NEXT;
    }
    VM_RANGE(BINARY_OP_MULTI) : {
        int bop = OPCODE - MPF_OP_BINARY_OP_MULTI;
        mpf_obj_t rhs = POP();
        mpf_obj_t lhs = TOP();
#if CONFIG_VM_FAST_PATHS
        if (mpf_obj_is_small_int(lhs) && mpf_obj_is_small_int(rhs)) {
            mpf_int_t a = mpf_obj_small_int_value(lhs), b = mpf_obj_small_int_value(rhs), r;
            switch (bop) {
                case MPF_BINARY_OP_LESS:
                    SET_TOP(mpf_obj_bool(a < b));
                    VM_NEXT;
                case MPF_BINARY_OP_MORE:
                    SET_TOP(mpf_obj_bool(a > b));
                    VM_NEXT;
                case MPF_BINARY_OP_EQUAL:
                    SET_TOP(mpf_obj_bool(a == b));
                    VM_NEXT;
                case MPF_BINARY_OP_LESS_EQUAL:
                    SET_TOP(mpf_obj_bool(a <= b));
                    VM_NEXT;
                case MPF_BINARY_OP_MORE_EQUAL:
                    SET_TOP(mpf_obj_bool(a >= b));
                    VM_NEXT;
                case MPF_BINARY_OP_NOT_EQUAL:
                    SET_TOP(mpf_obj_bool(a != b));
                    VM_NEXT;
                case MPF_BINARY_OP_ADD:
                case MPF_BINARY_OP_INPLACE_ADD:
                    if (!__builtin_add_overflow(a, b, &r) && mpf_small_int_fits(r)) {
                        SET_TOP(mpf_obj_new_small_int(r));
                        VM_NEXT;
                    }
                    break;
                case MPF_BINARY_OP_SUBTRACT:
                case MPF_BINARY_OP_INPLACE_SUBTRACT:
                    if (!__builtin_sub_overflow(a, b, &r) && mpf_small_int_fits(r)) {
                        SET_TOP(mpf_obj_new_small_int(r));
                        VM_NEXT;
                    }
                    break;
                default:
                    break;
            }
        }
#endif
        SET_TOP(mpf_binary_op(bop, lhs, rhs));
        VM_NEXT;
    }
    VM_DEFAULT : {
        mpf_raise_msg(&mpf_type_RuntimeError, "invalid opcode");
    }


    // UNWIND_JUMP's loop (10.4): the target offset is TOS, unwind_c the remaining count.
unwind_loop:
    while ((unwind_c & 0x7F) != 0) {
        unwind_c--;
        EXC_POP_CHECK();
        mpf_exc_entry_t *e = EXC_TOP;
        if (e->is_finally && e->handler > fr->cur) {
            mpf_obj_t target = TOP();
            sp = e->saved_sp;
            PUSH(target);
            PUSH(mpf_obj_new_small_int((mpf_int_t)unwind_c));
            ip = e->handler;
            VM_NEXT;
        }
        if (e->is_finally) {
            mpf_obj_t target = TOP();
            sp -= mpf_obj_is_small_int(sp[-1]) ? 2 : 1;
            if (MPF_UNLIKELY(sp <= &fr->state[0])) {
                bad_bytecode();  // only a forged unwind marker gets here
            }
            SET_TOP(target);
        }
        fr->exc_sp--;
    }
    {
        mpf_int_t target = small_int_item(POP());
        if (target < 0 || target >= rc->code_end - rc->code) {
            bad_bytecode();
        }
        if (unwind_c & 0x80) {
            sp -= 4;
        }
        if (MPF_UNLIKELY(sp < &fr->state[0])) {
            bad_bytecode();  // a forged count from END_FINALLY dropped a missing iterator
        }
        ip = rc->code + target;
        VM_NEXT;
    }

    // CALL_FUNCTION / CALL_METHOD of a bytecode function: the result goes to sp[0].
call_bc:
#if CONFIG_GENERATORS  // (without them a generator's code runs here, to raise at its yield)
    if (callee_fun->rc->scope_flags & MPF_SCOPE_GENERATOR) {
        SET_TOP(mpf_vm_call_bc(callee_fun, call_n, call_k, call_args, MPF_OBJ_NULL));  // the generator object
        VM_NEXT;
    }
#endif
    if (MPF_UNLIKELY(mpf_state.call_depth >= CONFIG_RECURSION_LIMIT)) {
        mpf_raise_msg(&mpf_type_RecursionError, "maximum recursion depth exceeded");
    }
    {
        fr->ip = ip;
#if !CONFIG_GC_PRECISE_FRAMES
        fr->sp = sp;  // (else stored by the CALL)
#endif
        mpf_obj_t *fs_saved = mpf_state.fs_top;
        mpf_frame_t *callee = mpf_vm_setup_frame(callee_fun, call_n, call_k, call_args, false);
        callee->caller = fr;
        callee->fs_saved = fs_saved;
        // an exception unwinds to the loop's nlr: it must keep the frames now live
        mpf_state.nlr_top->fs_saved = mpf_state.fs_top;
        mpf_state.call_depth++;
        fr = callee;
    }
    // run [fr] from its ip: a call, a return, a generator delegated to or returning
switch_frame:
    mpf_state.cur_frame = fr;
#if CONFIG_GENERATORS
    LOAD_FRAME();
    VM_NEXT;
#else
    goto reload;
#endif

    // RETURN_VALUE through finally blocks (10.5).
do_return:
    while (fr->exc_sp > fr->exc) {
        mpf_exc_entry_t *e = EXC_TOP;
        if (e->is_finally && e->handler > fr->cur) {
            sp = e->saved_sp;
            PUSH(value);
            PUSH(mpf_obj_new_small_int(-1));
            ip = e->handler;
            VM_NEXT;
        }
        fr->exc_sp--;
    }
    goto do_return_done;

    VM_LOOP_END

    do_return_done:
#if CONFIG_GENERATORS
    if (MPF_UNLIKELY(fr->on_heap & FRAME_DELEGATED)) {
        // a delegated generator returned: its value is the delegating YIELD_FROM's
        fr = undelegate(fr, true);
        fr->ip++;
        *fr->sp = value;
        goto switch_frame;
    }
#endif
    if (fr->caller != NULL) {
        mpf_state.fs_top = fr->fs_saved;
        mpf_state.nlr_top->fs_saved = mpf_state.fs_top;
        mpf_state.call_depth--;
        fr = fr->caller;
        *fr->sp = value;
        goto switch_frame;
    }
    *ret = value;
    fr->sp = sp;
    return MPF_VM_RETURN;

#undef LOAD_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef SET_TOP
#undef LOCAL
#undef QSTR
#undef EXC_TOP
#undef CALL_SAVE_SP
#undef POLL_SCHEDULED
#undef POLL_POINT
#undef VM_FETCH
#undef OPCODE
#undef ARG_U
#undef ARG_S
#undef ARG_J
#undef ARG_JU
#undef VM_PAIR
#undef STORE_NAME_BODY
#undef DELETE_NAME_BODY
#undef MAKE_CLOSURE_BODY
#undef MAKE_FUNCTION_BODY
#undef CALL_BODY
#undef CALL_VAR_KW_BODY
#undef JUMP_OR_POP_BODY
#undef SETUP_EXCEPT_BODY
#undef BUILD_TUPLE_BODY
#undef UNPACK_BODY
}

// mpf_frame_t.on_heap: no frame beyond this one (its callers, and theirs across the C calls
// that entered their dispatch loops) handles an exception. Set by mpf_vm_handled_exc when it
// found none, so that catching in a loop deep in the calls walks them once: they are
// suspended in their calls and cannot change till this one ends. Only on a call's frame
// (one run, one caller): a generator's gets other callers at each resume, and the first
// frame of a loop entered from C (caller NULL) may be a generator's. (CONFIG_VM_FAST_PATHS:
// without it each raise walks the frames once.)
#define FRAME_NONE_BEYOND ((uintptr_t)8)

// The frame that called [fr]: in this dispatch loop, else the one running when C code entered
// the loop (NULL at the outermost).
static inline mpf_frame_t *frame_beyond(const mpf_frame_t *fr) {
    return fr->caller != NULL ? fr->caller : (mpf_frame_t *)fr->outer;
}

// The exception being handled in [fr] or in the frames that called it, in this dispatch loop
// and through the C calls that entered it (a bare raise in a function called from an except
// block, directly or through map(), sorted(key=), __eq__, a generator's next(), re-raises it,
// as in CPython; sys.exc_info() reports it; a new exception takes it as __context__), or
// MPF_OBJ_NULL.
mpf_obj_t mpf_vm_handled_exc(mpf_frame_t *fr) {
    mpf_frame_t *f = fr;
    for (; f != NULL; f = frame_beyond(f)) {
        const mpf_exc_entry_t *x = f->exc_sp;
        while (x != f->exc) {
            if ((--x)->exc != MPF_OBJ_NULL) {
                return x->exc;
            }
        }
#if CONFIG_VM_FAST_PATHS
        if (f->on_heap & FRAME_NONE_BEYOND) {
            break;
        }
#endif
    }
#if CONFIG_VM_FAST_PATHS
    for (; fr != f; fr = frame_beyond(fr)) {
#if CONFIG_GENERATORS
        if (fr->caller != NULL && !(fr->on_heap & FRAME_DELEGATED)) {
#else
        if (fr->caller != NULL) {
#endif
            fr->on_heap |= FRAME_NONE_BEYOND;
        }
    }
#endif
    return MPF_OBJ_NULL;
}

// Dispatch exception [exc] raised at fr->cur (10.2). Returns true if a handler in this
// frame takes it (fr->ip / fr->sp set up), false if it propagates to the caller.
static bool vm_handle_exception(mpf_frame_t *fr, mpf_obj_t exc) {
    const uint8_t *x = fr->cur;
    const mpf_raw_code_t *rc = fr->fun->rc;
    if (*x == MPF_OP_FOR_ITER && mpf_exc_match(exc, &mpf_type_StopIteration)) {
        // a builtin iterator raised StopIteration (map over a function that raises it):
        // the loop is over, as in CPython. FOR_ITER saved its sp before the call.
        const uint8_t *ip = x + 1;
        bool two;
        mpf_uint_t off = read_jump(&ip, &two);
        fr->sp -= 4;
        fr->ip = ip + off;
        return true;
    }
    if (*x != MPF_OP_END_FINALLY && *x != MPF_OP_RAISE_LAST && mpf_obj_is_exception(exc)) {
        const mpf_module_ctx_t *ctx = fr->fun->ctx;
        mpf_exc_add_tb(exc, ctx->qstrs[0], mpf_vm_line(rc, x), ctx->qstrs[rc->simple_name]);
    }
    while (fr->exc_sp > fr->exc && fr->exc_sp[-1].handler <= x) {
        fr->exc_sp--;
    }
    if (fr->exc_sp == fr->exc) {
        return false;
    }
    mpf_exc_entry_t *e = fr->exc_sp - 1;
    e->exc = exc;
    mpf_obj_t *sp = e->saved_sp;
    *++sp = exc;
    fr->sp = sp;
    fr->ip = e->handler;
    return true;
}

#if CONFIG_EXC_CHAINING
// ne (exception [exc]).__context__ = [handled] (NULL: none), as CPython sets it at a raise:
// never [exc] itself, and no cycle: where the chain of [handled]'s contexts reaches [exc],
// it is cut (`raise k` in the handler of an exception raised while k was handled). The
// walk stops at a loop that __context__ stores made (a pointer at half speed meets it).
static void set_context(mpf_exc_t *ne, mpf_obj_t exc, mpf_obj_t handled) {
    if (handled == exc) {
        return;
    }
    mpf_exc_t *o = mpf_exc_native(handled), *slow = o;
    for (bool step = false; o != NULL && o->context != MPF_OBJ_NULL; step = !step) {
        if (o->context == exc) {
            o->context = MPF_OBJ_NULL;
            break;
        }
        o = mpf_exc_native(o->context);
        if (step) {
            slow = mpf_exc_native(slow->context);
        }
        if (o == slow) {
            break;
        }
    }
    ne->context = handled;
}
#endif

// Runs cur_frame under a setjmp of its own: true with [*r] when vm_run returned, false
// with [*exc] when something raised. Not inlined, so that each resume after a caught
// exception calls setjmp in a fresh invocation: emscripten keeps a table per invocation
// of a function that calls setjmp, one entry per call, searched linearly at every setjmp
// and longjmp, so resuming in one frame made n caught exceptions cost O(n^2) on wasm
// (tests/corpus/types/slot_wrappers_any_receiver.py: 33 s against 0.14 s on the host).
static __attribute__((noinline)) bool vm_run_guarded(mpf_obj_t *ret, mpf_vm_ret_t *r, mpf_obj_t *exc) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        *r = vm_run(mpf_state.cur_frame, ret);
        mpf_nlr_pop(&nlr);
        return true;
    }
    *exc = nlr.exc;
    return false;
}

mpf_vm_ret_t mpf_vm_execute(mpf_frame_t *fr, mpf_obj_t *ret) {
    mpf_frame_t *prev = mpf_state.cur_frame;
    fr->outer = prev;
    // cur_frame carries the frame to run across the setjmp (a local would be clobbered)
    mpf_state.cur_frame = fr;
    for (;;) {
        mpf_vm_ret_t r;
        mpf_obj_t exc;
        if (vm_run_guarded(ret, &r, &exc)) {
            mpf_state.cur_frame = prev;
            return r;
        }
        // Raised in the innermost frame the loop was running (calls inside it restore
        // cur_frame as they unwind): look for a handler there, then in its callers.
        mpf_frame_t *h = mpf_state.cur_frame;
#if CONFIG_EXC_CHAINING
        // its __context__: the exception being handled where it was raised (in that frame
        // or a caller, across C calls), as in CPython; not changed by a re-raise (a bare
        // raise, the end of a finally or with block)
        mpf_exc_t *ne = mpf_exc_native(exc);
        mpf_obj_t handled;
        if (ne != NULL && ne->context == MPF_OBJ_NULL && *h->cur != MPF_OP_END_FINALLY && *h->cur != MPF_OP_RAISE_LAST
            && (handled = mpf_vm_handled_exc(h)) != MPF_OBJ_NULL) {
            set_context(ne, exc, handled);
        }
#endif
        while (!vm_handle_exception(h, exc)) {
#if CONFIG_GENERATORS
            if (h->on_heap & FRAME_DELEGATED) {
                // out of a delegated generator: it is finished, and the delegating
                // frame gets the exception at its YIELD_FROM (as mpf_gen_resume raises it)
                h = undelegate(h, true);
                if (mpf_exc_match(exc, &mpf_type_StopIteration)) {
                    exc = mpf_exc_stop_in_gen(exc);
                }
                continue;
            }
#endif
            if (h->caller == NULL) {
                // out of [fr] (fs_top is back where it was at entry): the caller
                // raises it, or (a generator's resume) ends the generator first
                mpf_state.cur_frame = prev;
                *ret = exc;
                return MPF_VM_EXCEPTION;
            }
            mpf_state.fs_top = h->fs_saved;
            mpf_state.call_depth--;
            h = h->caller;
        }
        mpf_state.cur_frame = h;
    }
}
