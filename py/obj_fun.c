// obj_fun.c -- functions: bytecode functions (and closures), builtin C functions,
// bound methods and closure cells.
#include "mpf_int.h"
#include "opcodes.h"
#if CONFIG_COMPILER
#include "compile.h"
#endif

// ---------------------------------------------------------------- bytecode functions
mpf_obj_t mpf_obj_new_fun_bc(const mpf_raw_code_t *rc, const mpf_module_ctx_t *ctx, mpf_obj_t def, mpf_obj_t kwdef, size_t n_closed, const mpf_obj_t *closed) {
    // MAKE_*_DEFARGS's tuple and dict (or NULL), which argument binding reads as such,
    // unless the bytecode is forged
    if ((def != MPF_OBJ_NULL && !mpf_obj_is_type(def, &mpf_type_tuple)) ||
        (kwdef != MPF_OBJ_NULL && !mpf_obj_is_type(kwdef, &mpf_type_dict))) {
        mpf_raise_msg(&mpf_type_RuntimeError, "invalid bytecode");
    }
    mpf_fun_bc_t *f = mpf_new_var(mpf_fun_bc_t, mpf_obj_t, n_closed);
    f->base.type = &mpf_type_fun_bc;
    f->rc = rc;
    f->ctx = ctx;
    f->defaults = def;
    f->kwdefaults = kwdef;
    f->n_closed = n_closed;
    if (n_closed > 0) {
        memcpy(f->closed, closed, n_closed * sizeof(mpf_obj_t));
    }
    return mpf_obj_from_ptr(f);
}

static mpf_obj_t fun_bc_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return mpf_vm_call_bc(mpf_obj_ptr(self), n_args, n_kw, args, MPF_OBJ_NULL);
}

static mpf_qstr_t fun_name(const mpf_fun_bc_t *f) {
    return f->ctx->qstrs[f->rc->simple_name];
}

#if CONFIG_COMPILER_INTROSPECTION
// The code under [node] whose children include [rc], or NULL (also when [node] is: a module's
// tree of code unknown).
static const mpf_raw_code_t *code_parent(const mpf_raw_code_t *node, const mpf_raw_code_t *rc) {
    for (size_t i = 0; node != NULL && i < node->n_children; i++) {
        const mpf_raw_code_t *ch = node->children[i];
        const mpf_raw_code_t *up = ch == rc ? node : code_parent(ch, rc);
        if (up != NULL) {
            return up;
        }
    }
    return NULL;
}

// Whether [rc] is a class body: one starts by loading __name__, which no function body does.
static bool is_class_body(const mpf_raw_code_t *rc) {
    return rc->code[0] == MPF_OP_LOAD_NAME;
}

// [rc]'s __qualname__ as CPython 3.11 makes it: the qualified name of the def, lambda, class
// or comprehension around it, ".<locals>" after a def or lambda, then its own name; at
// module level (or when the module's code is unknown) the name alone. An .mpy keeps simple
// names only: this is found at run time in the module's tree of code (ctx->root).
static void print_qualname(const mpf_print_t *p, const mpf_raw_code_t *rc, const mpf_module_ctx_t *ctx) {
    const mpf_raw_code_t *up = code_parent(ctx->root, rc);
    if (up != NULL && up != ctx->root) {
        print_qualname(p, up, ctx);
        // (a comprehension's name starts with '<', as <lambda>)
        mpf_qstr_t n = ctx->qstrs[up->simple_name];
        size_t len;
        bool def = !is_class_body(up) && (n == MPF_QSTRE__3clambda_3e || *mpf_qstr_data(n, &len) != '<');
        mpf_print_str(p, def ? ".<locals>." : ".");
    }
    mpf_printf(p, "%q", ctx->qstrs[rc->simple_name]);
}

static void qualname_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const mpf_fun_bc_t *f = mpf_obj_ptr(self);
    print_qualname(p, f->rc, f->ctx);
}

mpf_obj_t mpf_fun_qualname(mpf_obj_t fun) {
    const mpf_fun_bc_t *f = mpf_obj_ptr(fun);
    const mpf_raw_code_t *up = code_parent(f->ctx->root, f->rc);
    if (up == NULL || up == f->ctx->root) {
        return mpf_obj_new_qstr(fun_name(f));   // (at module level: the name, no allocation)
    }
    return mpf_obj_print_to_str(qualname_print, fun, MPF_PRINT_STR);
}
#endif

static void fun_bc_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
#if CONFIG_COMPILER_INTROSPECTION
    mpf_printf(p, "<function %O at 0x%x>", mpf_fun_qualname(self), (unsigned)(uintptr_t)self);
#else
    mpf_printf(p, "<function %q at 0x%x>", fun_name(mpf_obj_ptr(self)), (unsigned)(uintptr_t)self);
#endif
}

#if CONFIG_BUILTIN_HELPERS || CONFIG_COMPILER
// ---------------------------------------------------------------- code objects
// f.__code__ and compile()'s result: bytecode with the tables it reads (not its globals,
// defaults or cells); type(f)(code, globals) and exec/eval make a function of it that runs in
// other globals.
typedef struct code_obj {
    mpf_obj_base_t base;
    const mpf_raw_code_t *rc;
    const mpf_module_ctx_t *ctx;
    size_t n_closed;  // cells the function needs (such code cannot be made a function again)
#if CONFIG_FUNCTION_CLOSURE && CONFIG_COMPILER
    mpf_obj_t closure;  // exec(code, closure=...): the n_closed cells, a tuple; else NULL
#endif
} code_obj_t;

mpf_obj_t mpf_fun_code_new(const mpf_raw_code_t *rc, const mpf_module_ctx_t *ctx, size_t n_closed) {
    code_obj_t *c = mpf_new(code_obj_t);
    c->base.type = &mpf_type_code;
    c->rc = rc;
    c->ctx = ctx;
    c->n_closed = n_closed;
    return mpf_obj_from_ptr(c);
}

#if CONFIG_FUNCTION_CLOSURE && CONFIG_COMPILER
mpf_obj_t mpf_fun_code_with_closure(mpf_obj_t code, mpf_obj_t closure) {
    const code_obj_t *c = mpf_obj_ptr(code);
    if (c->n_closed == 0) {
        mpf_raise_msg(&mpf_type_TypeError, "cannot use a closure with this code object");
    }
    // (a tuple of as many cells as the code needs, else CPython's one message)
    size_t n = 0;
    mpf_obj_t *cells = NULL;
    if (mpf_obj_is_type(closure, &mpf_type_tuple)) {
        mpf_obj_get_array(closure, &n, &cells);
    }
    for (size_t i = 0; i <= n; i++) {
        if (n != c->n_closed || (i < n && !mpf_obj_is_type(cells[i], &mpf_type_cell))) {
            mpf_raise_fmt(&mpf_type_TypeError, "code object requires a closure of exactly length %u", (unsigned)c->n_closed);
        }
    }
    code_obj_t *w = mpf_new(code_obj_t);
    *w = *c;
    w->closure = closure;
    return mpf_obj_from_ptr(w);
}
#endif

mpf_obj_t mpf_fun_of_code(mpf_obj_t code, mpf_obj_t globals) {
    const code_obj_t *c = mpf_obj_ptr(code);
    const mpf_obj_t *cells = NULL;
#if CONFIG_FUNCTION_CLOSURE && CONFIG_COMPILER
    if (c->closure != MPF_OBJ_NULL) {
        cells = ((const mpf_tuple_t *)mpf_obj_ptr(c->closure))->items;
    } else
#endif
    if (c->n_closed > 0) {
        mpf_raise_fmt(&mpf_type_TypeError, "code object requires a closure of exactly length %u", (unsigned)c->n_closed);
    }
    mpf_module_ctx_t *ctx = mpf_new(mpf_module_ctx_t);
    *ctx = *c->ctx;
    ctx->globals = globals;
#if CONFIG_COMPILER
    // the globals' own __builtins__, taken when the function is made, as CPython does: from
    // now on builtin names are looked up through the running code's (mpf_builtin_name)
    mpf_obj_t b = mpf_map_get_qstr(mpf_dict_map(globals), MPF_QSTR___builtins__);
    ctx->builtins = b != MPF_OBJ_NULL ? mpf_compile_own_builtins(b) : MPF_OBJ_NULL;
    if (ctx->builtins != MPF_OBJ_NULL) {
        mpf_state.builtins_changed = true;
    }
#endif
    return mpf_obj_new_fun_bc(c->rc, ctx, MPF_OBJ_NULL, MPF_OBJ_NULL, cells ? c->n_closed : 0, cells);
}

// The first line: a module's is 1 (as CPython's), a function's that of its def (or first
// decorator: where the enclosing code makes it), else where its code starts.
static size_t code_line(const code_obj_t *c) {
    const mpf_raw_code_t *rc = c->rc;
#if CONFIG_COMPILER_INTROSPECTION
    const mpf_raw_code_t *up = code_parent(c->ctx->root, rc);
    if (up != NULL) {
        size_t i = 0;
        while (up->children[i] != rc) {
            i++;
        }
        const uint8_t *ip = mpf_loader_child_maker(up, i);
        if (ip < up->code_end) {
            return mpf_vm_line(up, ip);
        }
    }
#endif
    return c->ctx->qstrs[rc->simple_name] == MPF_QSTRE__3cmodule_3e ? 1 : mpf_vm_line(rc, rc->code);
}

// co_lines(): (start, end, line) for each run of bytecode offsets on one line, in order,
// from the line-number table (each entry: advance bc bytes, then ld lines; as mpf_vm_line).
static mpf_obj_t code_co_lines(mpf_obj_t self) {
    const mpf_raw_code_t *rc = ((const code_obj_t *)mpf_obj_ptr(self))->rc;
    mpf_obj_t out = mpf_obj_new_list(0, NULL);
    size_t size = (size_t)(rc->code_end - rc->code);
    size_t start = 0, off = 0, line = 1;
    const uint8_t *p = rc->line_info;
    for (;;) {
        size_t bc = size - off, ld = 0;
        bool last = p >= rc->line_info_end;
        if (!last && (p[0] & 0x80)) {
            if (p + 1 >= rc->line_info_end) {
                last = true;
            } else {
                bc = p[0] & 0x0F;
                ld = (size_t)((p[0] >> 4) & 7) * 256 + p[1];
                p += 2;
            }
        } else if (!last) {
            bc = p[0] & 0x1F;
            ld = (p[0] >> 5) & 3;
            p += 1;
        }
        if (bc > size - off) {
            bc = size - off;
        }
        off += bc;
        if (off > start && (ld != 0 || last)) {
            // the run [start, off) ends: the line changes (or the code does)
            mpf_obj_t t[3] = {mpf_obj_new_int((mpf_int_t)start), mpf_obj_new_int((mpf_int_t)off), mpf_obj_new_int((mpf_int_t)line)};
            mpf_list_append(out, mpf_obj_new_tuple(3, t));
            start = off;
        }
        if (last) {
            break;
        }
        line += ld;
    }
    return mpf_getiter(out);
}

static void code_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    const code_obj_t *c = mpf_obj_ptr(self);
    if (dest[0] != MPF_OBJ_NULL) {
        return;  // read-only
    }
    const mpf_raw_code_t *rc = c->rc;
    if (attr == MPF_QSTR_co_name) {
        dest[0] = mpf_obj_new_qstr(c->ctx->qstrs[rc->simple_name]);
#if CONFIG_COMPILER_INTROSPECTION
    } else if (attr == MPF_QSTR_co_qualname) {
        dest[0] = mpf_fun_qualname(mpf_obj_new_fun_bc(rc, c->ctx, MPF_OBJ_NULL, MPF_OBJ_NULL, 0, NULL));
#endif
    } else if (attr == MPF_QSTR_co_filename) {
        dest[0] = mpf_obj_new_qstr(c->ctx->qstrs[0]);
    } else if (attr == MPF_QSTR_co_firstlineno) {
        dest[0] = mpf_obj_new_int((mpf_int_t)code_line(c));
    } else if (attr == MPF_QSTR_co_code) {
        dest[0] = mpf_obj_new_bytes(rc->code, (size_t)(rc->code_end - rc->code));
    } else if (attr == MPF_QSTR_co_lnotab) {
        dest[0] = mpf_obj_new_bytes(rc->line_info, (size_t)(rc->line_info_end - rc->line_info));
    } else if (attr == MPF_QSTR_co_argcount) {
        dest[0] = mpf_obj_new_small_int(rc->n_pos_args - (mpf_int_t)c->n_closed);   // (the cells come first)
    } else if (attr == MPF_QSTR_co_kwonlyargcount) {
        dest[0] = mpf_obj_new_small_int(rc->n_kwonly_args);
#if CONFIG_COMPILER_INTROSPECTION
    // (what tests of eval/exec/compile read of code objects: with the compiler)
    } else if (attr == MPF_QSTR_co_names) {
        dest[0] = mpf_loader_code_names(rc, c->ctx->qstrs);
    } else if (attr == MPF_QSTR_co_flags) {
        // CPython's CO_OPTIMIZED | CO_NEWLOCALS for a function, CO_VARARGS 4, CO_VARKEYWORDS 8,
        // CO_NESTED 0x10 (inside a function, lambda or comprehension), CO_GENERATOR 0x20,
        // CO_COROUTINE 0x80, CO_ASYNC_GENERATOR 0x200 (an .mpy's async def is a generator: its
        // code does not tell them apart); 0 for a module
        unsigned sf = rc->scope_flags;
        unsigned fl = 3 | (sf & MPF_SCOPE_VARARGS) | (sf & MPF_SCOPE_VARKEYWORDS) << 2;
        fl |= sf & MPF_SCOPE_COROUTINE ? 0x80 : sf & MPF_SCOPE_ASYNC_GEN ? 0x200 : (sf & MPF_SCOPE_GENERATOR) << 5;
        for (const mpf_raw_code_t *up = rc; (up = code_parent(c->ctx->root, up)) != NULL && up != c->ctx->root;) {
            fl |= is_class_body(up) ? 0 : 0x10;
        }
        dest[0] = mpf_obj_new_small_int(c->ctx->qstrs[rc->simple_name] == MPF_QSTRE__3cmodule_3e ? 0 : fl);
    } else if (attr == MPF_QSTR_co_stacksize) {
        // the frame's slots past the locals: the value stack's depth (the compiler's count of it)
        dest[0] = mpf_obj_new_small_int((mpf_int_t)(rc->n_state - mpf_loader_n_locals(rc)));
    } else if (attr == MPF_QSTR_co_posonlyargcount) {
        dest[0] = mpf_obj_new_small_int(rc->n_posonly_args);
    } else if (attr == MPF_QSTR_co_nlocals || attr == MPF_QSTR_co_varnames || attr == MPF_QSTR_co_freevars ||
               attr == MPF_QSTR_co_cellvars) {
        mpf_qstr_t kind = attr;
#else
    } else if (attr == MPF_QSTR_co_varnames) {
        const mpf_qstr_t kind = MPF_QSTR_co_varnames;
#endif
        // The slots: a closure's cells (co_freevars), the parameters (in the code's order:
        // keyword-only ones with defaults first), the other locals; those an inner function
        // closes over are cells (co_cellvars; in co_varnames only if parameters). Only code
        // the compiler here made names every slot; an .mpy names the parameters alone.
        size_t n_params = (size_t)rc->n_pos_args + rc->n_kwonly_args;
        size_t n_slots = n_params;
        const mpf_qstr_t *local = NULL;
#if CONFIG_COMPILER
        if (rc->local_names != NULL) {
            local = rc->local_names + 1;
            n_slots = rc->local_names[0];
        }
#if CONFIG_COMPILER_INTROSPECTION
        n_slots = kind == MPF_QSTR_co_nlocals ? mpf_loader_n_locals(rc) : n_slots;
#endif
#endif
        n_params += ((rc->scope_flags & MPF_SCOPE_VARARGS) != 0) + ((rc->scope_flags & MPF_SCOPE_VARKEYWORDS) != 0);
        mpf_tuple_t *names = mpf_obj_ptr(mpf_obj_new_tuple(n_slots, NULL));
        names->len = 0;
        for (size_t i = 0; i < n_slots; i++) {
            bool cell = false;
            for (size_t k = 0; k < rc->n_cell; k++) {
                cell |= rc->cells[k] == i;
            }
            bool want = kind == MPF_QSTR_co_freevars ? i < c->n_closed
                      : kind == MPF_QSTR_co_cellvars ? cell
                      : i >= c->n_closed && !(cell && i >= n_params);
            mpf_qstr_t q = !want ? 0 : kind == MPF_QSTR_co_nlocals ? 1 : local ? local[i] : c->ctx->qstrs[rc->arg_names[i]];
            if (q != 0) {   // (slots without a name are left out)
                names->items[names->len++] = mpf_obj_new_qstr(q);
            }
        }
        dest[0] = kind == MPF_QSTR_co_nlocals ? mpf_obj_new_small_int((mpf_int_t)names->len) : mpf_obj_from_ptr(names);
    } else if (attr == MPF_QSTR_co_consts) {
        // (no docstring is kept: CPython's first constant is then None; the other constants
        // are the module's, not the code's)
        mpf_obj_t none = MPF_OBJ_NONE;
        dest[0] = mpf_obj_new_tuple(1, &none);
    }
}

static void code_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const code_obj_t *c = mpf_obj_ptr(self);
    mpf_printf(p, "<code object %q at 0x%x, file \"%q\", line %u>", c->ctx->qstrs[c->rc->simple_name],
        (unsigned)(uintptr_t)self, c->ctx->qstrs[0], (unsigned)code_line(c));
}

// == and hash() of code objects: the same code (f.__code__ == f.__code__; the function's
// globals, defaults and cells are no part of it). (Separately compiled equal code is not
// found equal, as it is in CPython.)
static mpf_obj_t code_unary_op(int op, mpf_obj_t self) {
    if (op == MPF_UNARY_OP_HASH) {
        return mpf_obj_new_small_int((mpf_int_t)(((uintptr_t)((const code_obj_t *)mpf_obj_ptr(self))->rc >> 2) & MPF_SMALL_INT_MAX));
    }
    return MPF_OBJ_NULL;
}

static mpf_obj_t code_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op == MPF_BINARY_OP_EQUAL && mpf_obj_is_type(rhs, &mpf_type_code)) {
        return mpf_obj_bool(((const code_obj_t *)mpf_obj_ptr(lhs))->rc == ((const code_obj_t *)mpf_obj_ptr(rhs))->rc);
    }
    return MPF_OBJ_NULL;
}

static const mpf_rom_map_elem_t code_locals_table[] = {
    MPF_ROM_FUN_1(MPF_QSTR_co_lines, code_co_lines),
};
MPF_ROM_MAP(code_locals, code_locals_table);

const mpf_type_t mpf_type_code = MPF_TYPE(MPF_QSTR_code, 0,
    (print, code_print),
    (unary_op, code_unary_op),
    (binary_op, code_binary_op),
    (attr, code_attr),
    (locals, &code_locals));

#if CONFIG_BUILTIN_HELPERS
// function(code, globals): the code's function running in [globals] (a dict)
static mpf_obj_t fun_bc_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_num(n_args, n_kw, 2, 2, false);
    if (!mpf_obj_is_type(args[0], &mpf_type_code)) {
        mpf_raise_fmt(&mpf_type_TypeError, "function() argument 'code' must be code, not %T", args[0]);
    }
    if (!mpf_obj_is_type(args[1], &mpf_type_dict)) {
        mpf_raise_fmt(&mpf_type_TypeError, "function() argument 'globals' must be dict, not %T", args[1]);
    }
    return mpf_fun_of_code(args[0], args[1]);
}
#endif
#endif

static void fun_bc_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    mpf_fun_bc_t *f = mpf_obj_ptr(self);
    if (dest[0] != MPF_OBJ_NULL) {
#if CONFIG_BUILTIN_HELPERS
        if (attr == MPF_QSTR___globals__) {
            mpf_raise_msg(&mpf_type_AttributeError, "readonly attribute");
        }
#endif
        if (f->attrs == MPF_OBJ_NULL) {
            f->attrs = mpf_obj_new_dict(4);
        }
        mpf_module_dict_attr_store(f->attrs, attr, dest);
        return;
    }
    if (f->attrs != MPF_OBJ_NULL) {
        mpf_obj_t v = mpf_map_get_qstr(mpf_dict_map(f->attrs), attr);
        if (v != MPF_OBJ_NULL) {
            dest[0] = v;
            return;
        }
    }
    if (attr == MPF_QSTR___dict__) {
        if (f->attrs == MPF_OBJ_NULL) {
            f->attrs = mpf_obj_new_dict(4);
        }
        dest[0] = f->attrs;
        return;
    }
    if (attr == MPF_QSTR___name__ || attr == MPF_QSTR___qualname__) {
        dest[0] = mpf_obj_new_qstr(fun_name(f));
#if CONFIG_COMPILER_INTROSPECTION
        if (attr == MPF_QSTR___qualname__) {
            dest[0] = mpf_fun_qualname(self);
        }
#endif
    } else if (attr == MPF_QSTR___module__) {
        mpf_obj_t n = mpf_dict_get(f->ctx->globals, mpf_obj_new_qstr(MPF_QSTR___name__));
        dest[0] = n ? n : MPF_OBJ_NONE;
    } else if (attr == MPF_QSTR___globals__) {
        dest[0] = f->ctx->globals;
    } else if (attr == MPF_QSTR___defaults__) {
        dest[0] = f->defaults ? f->defaults : MPF_OBJ_NONE;
    } else if (attr == MPF_QSTR___doc__) {
        dest[0] = MPF_OBJ_NONE;
#if CONFIG_BUILTIN_HELPERS
    } else if (attr == MPF_QSTR___code__) {
        dest[0] = mpf_fun_code_new(f->rc, f->ctx, f->n_closed);
#if CONFIG_FUNCTION_CLOSURE
    } else if (attr == MPF_QSTR___closure__) {
        dest[0] = f->n_closed ? mpf_obj_new_tuple(f->n_closed, f->closed) : MPF_OBJ_NONE;
#endif
#endif
    }
}

#if CONFIG_BUILTIN_HELPERS
#define FUN_BC_MAKE_NEW , (make_new, fun_bc_make_new)
#else
#define FUN_BC_MAKE_NEW
#endif
const mpf_type_t mpf_type_fun_bc = MPF_TYPE(MPF_QSTR_function, 0,
    (print, fun_bc_print),
    (call, fun_bc_call),
    (attr, fun_bc_attr) FUN_BC_MAKE_NEW);

// ---------------------------------------------------------------- builtin functions
// TypeError for [n_args] positional arguments [args] out of [f]'s range, in CPython's
// texts. A method (f found under its name on the type of args[0], called bound or through
// its type) counts its arguments without self and names its type: "list.append() takes
// exactly one argument (0 given)", "insert expected 2 arguments, got 0".
#if CONFIG_ERROR_MSG_EXACT
// Whether [t] has builtin function [f] under [name], as a method or a classmethod.
static bool type_has_fun(const mpf_type_t *t, mpf_qstr_t name, const mpf_fun_builtin_t *f) {
    mpf_obj_t m = mpf_type_lookup(t, name);
    if (m != MPF_OBJ_NULL && mpf_obj_is_type(m, &mpf_type_classmethod)) {
        m = ((const mpf_wrapper_t *)mpf_obj_ptr(m))->fun;
    }
    return m == MPF_OBJ_FROM_PTR(f);
}

// The methods of str and bytes whose arity errors CPython words in its older style:
// "find() takes at least 1 argument (0 given)".
static const uint16_t old_style_names[] = {MPF_QSTR_count, MPF_QSTR_endswith, MPF_QSTR_startswith, MPF_QSTR_find,
    MPF_QSTR_rfind, MPF_QSTR_index, MPF_QSTR_rindex, MPF_QSTR_expandtabs};
#endif

static MPF_NORETURN void fun_builtin_arity_error(const mpf_fun_builtin_t *f, size_t n_args, const mpf_obj_t *args) {
    size_t n_min = f->n_min, n_max = f->kind == MPF_FUN_KIND_MODE ? (f->n_max & 15u) : f->n_max;
    mpf_qstr_t name = MPF_FUN_NAME(f);
    const mpf_type_t *owner = NULL;
#if CONFIG_ERROR_MSG_EXACT
    // (a classmethod such as float.fromhex is bound to the type itself)
    const mpf_type_t *t = n_args == 0 ? NULL : mpf_obj_is_type(args[0], &mpf_type_type) ? mpf_obj_ptr(args[0]) : mpf_obj_type(args[0]);
    if (t != NULL && n_min > 0 && type_has_fun(t, name, f)) {
        // CPython names the type defining the method: the receiver's (a subclass of a
        // builtin type passes its native base here) or the base it inherits it from
        // (BaseException.with_traceback, int.bit_length on a bool)
        const mpf_type_t *p = t->flags & MPF_TYPE_FLAG_HEAP ? mpf_type_native_base(t) : NULL;
        if (p != NULL && type_has_fun(p, name, f)) {
            t = p;  // (an exception subclass: one object, whose type is the class)
        }
        while ((p = mpf_type_parent(t)) != NULL && type_has_fun(p, name, f)) {
            t = p;
        }
        owner = t;
        n_args--;
        n_min--;
        n_max -= n_max != MPF_FUN_ARGS_ANY;
    }
#else
    (void)args;
#endif
    if (n_min == n_max) {
        if (n_max < 2) {
            const char *takes = n_max ? "exactly one argument" : "no arguments";
            if (owner != NULL) {
                mpf_raise_fmt(&mpf_type_TypeError, "%q.%q() takes %s (%u given)", mpf_type_name(owner), name, takes, (unsigned)n_args);
            }
            mpf_raise_fmt(&mpf_type_TypeError, "%q() takes %s (%u given)", name, takes, (unsigned)n_args);
        }
        mpf_raise_fmt(&mpf_type_TypeError, "%q expected %u arguments, got %u", name, (unsigned)n_max, (unsigned)n_args);
    }
    bool few = n_args < n_min;
    size_t n = few ? n_min : n_max;
#if CONFIG_ERROR_MSG_EXACT
    mpf_qstr_t on = owner != NULL ? mpf_type_name(owner) : MPF_QSTR_object;
    if (on == MPF_QSTR_str || on == MPF_QSTR_bytes || on == MPF_QSTR_bytearray) {  // (by name: bytearray may be off)
        for (size_t i = 0; i < sizeof old_style_names / sizeof old_style_names[0]; i++) {
            if (old_style_names[i] == name) {
                mpf_raise_fmt(&mpf_type_TypeError, "%q() takes at %s %u argument%s (%u given)", name, few ? "least" : "most", (unsigned)n,
                    n == 1 ? "" : "s", (unsigned)n_args);
            }
        }
    }
#endif
    mpf_raise_fmt(&mpf_type_TypeError, "%q expected at %s %u argument%s, got %u", name, few ? "least" : "most", (unsigned)n, n == 1 ? "" : "s",
        (unsigned)n_args);
}

static mpf_obj_t fun_builtin_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const mpf_fun_builtin_t *f = mpf_obj_ptr(self);
    if (f->kind == MPF_FUN_KIND_KW) {
        if (n_args < f->n_min) {
            mpf_raise_fmt(&mpf_type_TypeError, "%q() missing required arguments", MPF_FUN_NAME(f));
        }
        return f->fun.kw(n_args, n_kw, args);
    }
    if (n_kw > 0) {
        mpf_raise_fmt(&mpf_type_TypeError, "%q() takes no keyword arguments", MPF_FUN_NAME(f));
    }
    if (n_args < f->n_min || n_args > f->n_max) {
        fun_builtin_arity_error(f, n_args, args);
    }
    switch (f->kind) {
        case MPF_FUN_KIND_0:
            return f->fun.f0();
        case MPF_FUN_KIND_1:
            return f->fun.f1(args[0]);
        case MPF_FUN_KIND_2:
            return f->fun.f2(args[0], args[1]);
        case MPF_FUN_KIND_3:
            return f->fun.f3(args[0], args[1], args[2]);
        case MPF_FUN_KIND_MODE:
            // n_max is the low nibble (the mode above it let the test above through)
            if (n_args > (f->n_max & 15u)) {
                fun_builtin_arity_error(f, n_args, args);
            }
            return f->fun.mode(n_args, args, f->n_max >> 4);
        default:
            return f->fun.var(n_args, args);
    }
}

static void fun_builtin_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    mpf_printf(p, "<built-in function %q>", MPF_FUN_NAME((const mpf_fun_builtin_t *)mpf_obj_ptr(self)));
}

static void fun_builtin_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] == MPF_OBJ_NULL && (attr == MPF_QSTR___name__ || attr == MPF_QSTR___qualname__)) {
        dest[0] = mpf_obj_new_qstr(MPF_FUN_NAME((const mpf_fun_builtin_t *)mpf_obj_ptr(self)));
    }
}

const mpf_type_t mpf_type_fun_builtin = MPF_TYPE(MPF_QSTR_builtin_function_or_method, 0,
    (print, fun_builtin_print),
    (call, fun_builtin_call),
    (attr, fun_builtin_attr));

// ---------------------------------------------------------------- bound methods
mpf_obj_t mpf_obj_new_bound_meth(mpf_obj_t fun, mpf_obj_t self) {
    mpf_bound_meth_t *m = mpf_new(mpf_bound_meth_t);
    m->base.type = &mpf_type_bound_meth;
    m->fun = fun;
    m->self = self;
    return mpf_obj_from_ptr(m);
}

// Maximum arguments passed on the C stack when prepending self; more go to the heap.
#define BOUND_STACK_ARGS 8

// fun(self, *args) with the n_kw keyword name/value pairs after the n_args positionals.
static mpf_obj_t call_with_self(mpf_obj_t fun, mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    size_t n = n_args + 2 * n_kw;
    mpf_obj_t stack_args[BOUND_STACK_ARGS + 1];
    mpf_obj_t *a = n < BOUND_STACK_ARGS ? stack_args : mpf_gc_alloc((n + 1) * sizeof(mpf_obj_t), false);
    a[0] = self;
    if (n > 0) {
        memcpy(a + 1, args, n * sizeof(mpf_obj_t));
    }
    return mpf_call(fun, n_args + 1, n_kw, a);
}

static mpf_obj_t bound_meth_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const mpf_bound_meth_t *m = mpf_obj_ptr(self);
    return call_with_self(m->fun, m->self, n_args, n_kw, args);
}

static void bound_meth_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const mpf_bound_meth_t *m = mpf_obj_ptr(self);
    mpf_obj_t name = mpf_load_attr(m->fun, MPF_QSTR___name__);
    mpf_printf(p, "<bound method %T.%O of %R>", m->self, name, m->self);
}

static void bound_meth_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    const mpf_bound_meth_t *m = mpf_obj_ptr(self);
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    if (attr == MPF_QSTR___self__) {
        dest[0] = m->self;
    } else if (attr == MPF_QSTR___func__) {
        dest[0] = m->fun;
    } else {
        mpf_load_method_maybe(m->fun, attr, dest);
        dest[1] = MPF_OBJ_NULL;
    }
}

// == and hash() of a bound method and of a method descriptor (below): each is its type then
// two words (self or the owner type, and the function), which == compares by identity and
// hash() mixes (read as bytes: the words' C types differ).
#define PAIR(o) ((const char *)mpf_obj_ptr(o) + sizeof(mpf_obj_base_t))
static mpf_obj_t pair_unary_op(int op, mpf_obj_t self) {
    if (op == MPF_UNARY_OP_HASH) {
        mpf_uint_t w[2];
        memcpy(w, PAIR(self), sizeof(w));
        return mpf_obj_new_small_int((mpf_int_t)(((w[0] >> 3) ^ (w[1] >> 2)) & (mpf_uint_t)MPF_SMALL_INT_MAX));
    }
    return MPF_OBJ_NULL;
}

static mpf_obj_t pair_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op == MPF_BINARY_OP_EQUAL && mpf_obj_is_type(rhs, mpf_obj_type(lhs))) {
        return mpf_obj_bool(memcmp(PAIR(lhs), PAIR(rhs), 2 * sizeof(mpf_uint_t)) == 0);
    }
    return MPF_OBJ_NULL;
}
_Static_assert(offsetof(mpf_bound_meth_t, self) == sizeof(mpf_obj_base_t) &&
                   sizeof(mpf_bound_meth_t) == sizeof(mpf_obj_base_t) + 2 * sizeof(mpf_uint_t),
    "a bound method is a pair");

const mpf_type_t mpf_type_bound_meth = MPF_TYPE(MPF_QSTR_method, 0,
    (print, bound_meth_print),
    (call, bound_meth_call),
    (attr, bound_meth_attr),
    (unary_op, pair_unary_op),
    (binary_op, pair_binary_op));

// ---------------------------------------------------------------- method descriptors
// `list.append`: a builtin type's method taken from the type. Its receiver is the first
// argument of the call, which is checked here once for every method of every builtin type.
typedef struct mpf_method_desc {
    mpf_obj_base_t base;
    const mpf_type_t *owner;  // the builtin type whose table holds the method
    mpf_obj_t fun;            // a builtin function taking the receiver first
} mpf_method_desc_t;

mpf_obj_t mpf_obj_new_method_desc(const mpf_type_t *owner, mpf_obj_t fun) {
    mpf_method_desc_t *d = mpf_new(mpf_method_desc_t);
    d->base.type = &mpf_type_method_desc;
    d->owner = owner;
    d->fun = fun;
    return mpf_obj_from_ptr(d);
}

static mpf_qstr_t method_desc_name(const mpf_method_desc_t *d) {
    return MPF_FUN_NAME((const mpf_fun_builtin_t *)mpf_obj_ptr(d->fun));
}

static mpf_obj_t method_desc_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const mpf_method_desc_t *d = mpf_obj_ptr(self);
    if (n_args == 0) {
        mpf_raise_fmt(&mpf_type_TypeError, "unbound method %q.%q() needs an argument", mpf_type_name(d->owner), method_desc_name(d));
    }
    // the receiver checked (or the native part of an instance of a subclass) in place of args[0]
    mpf_obj_t recv = mpf_native_self(d->owner, method_desc_name(d), args[0]);
    return call_with_self(d->fun, recv, n_args - 1, n_kw, args + 1);
}

static void method_desc_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const mpf_method_desc_t *d = mpf_obj_ptr(self);
    mpf_printf(p, "<method '%q' of '%q' objects>", method_desc_name(d), mpf_type_name(d->owner));
}

static void method_desc_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    const mpf_method_desc_t *d = mpf_obj_ptr(self);
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    if (attr == MPF_QSTR___name__ || attr == MPF_QSTR___qualname__) {
        dest[0] = mpf_obj_new_qstr(method_desc_name(d));
    } else if (attr == MPF_QSTR___objclass__) {
        dest[0] = mpf_obj_from_ptr(d->owner);
    }
}

_Static_assert(offsetof(mpf_method_desc_t, owner) == sizeof(mpf_obj_base_t) &&
                   sizeof(mpf_method_desc_t) == sizeof(mpf_obj_base_t) + 2 * sizeof(mpf_uint_t),
    "a method descriptor is a pair");

const mpf_type_t mpf_type_method_desc = MPF_TYPE(MPF_QSTR_method_descriptor, 0,
    (print, method_desc_print),
    (call, method_desc_call),
    (attr, method_desc_attr),
    (unary_op, pair_unary_op),
    (binary_op, pair_binary_op));

// ---------------------------------------------------------------- cells
mpf_obj_t mpf_obj_new_cell(mpf_obj_t v) {
    mpf_cell_t *c = mpf_new(mpf_cell_t);
    c->base.type = &mpf_type_cell;
    c->value = v;
    return mpf_obj_from_ptr(c);
}

#if CONFIG_FUNCTION_CLOSURE
// cell.cell_contents (ValueError when the variable has no value yet, or was deleted)
static void cell_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] == MPF_OBJ_NULL && attr == MPF_QSTR_cell_contents) {
        dest[0] = ((const mpf_cell_t *)mpf_obj_ptr(self))->value;
        if (dest[0] == MPF_OBJ_NULL) {
            mpf_raise_msg(&mpf_type_ValueError, "Cell is empty");
        }
    }
}
const mpf_type_t mpf_type_cell = MPF_TYPE(MPF_QSTR_cell, 0, (attr, cell_attr));
#else
const mpf_type_t mpf_type_cell = MPF_TYPE(MPF_QSTR_cell, 0);
#endif
