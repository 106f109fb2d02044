// obj_gen.c -- generator objects (also coroutines): resume, send, throw, close.
#include "mpf_int.h"
#include "opcodes.h"

mpf_obj_t mpf_obj_new_gen(mpf_obj_t fun, mpf_frame_t *frame) {
    (void)fun;
    mpf_gen_t *g = mpf_new(mpf_gen_t);
    g->base.type = &mpf_type_gen;
    g->frame = frame;
    return mpf_obj_from_ptr(g);
}


// Resume [self] with [send] or by throwing [throw_]. Returns the yielded value with
// *returned = false, or sets *ret to the return value with *returned = true.
mpf_obj_t mpf_gen_resume(mpf_obj_t self, mpf_obj_t send, mpf_obj_t throw_, mpf_obj_t *ret, bool *returned) {
    mpf_gen_t *g = mpf_obj_ptr(self);
    *returned = false;
    if (g->running) {
        mpf_raise_msg(&mpf_type_ValueError, "generator already executing");
    }
    if (g->finished) {
        if (throw_ != MPF_OBJ_NULL) {
            mpf_raise(mpf_exc_instantiate(throw_, MPF_OBJ_NULL));
        }
        *returned = true;
        *ret = MPF_OBJ_NONE;
        return MPF_OBJ_NONE;
    }
    mpf_frame_t *fr = g->frame;
    bool started = fr->ip != fr->fun->rc->code;
    if (!started) {
        if (throw_ == MPF_OBJ_NULL && send != MPF_OBJ_NONE) {
            mpf_raise_msg(&mpf_type_TypeError, "can't send non-None value to a just-started generator");
        }
    } else if (throw_ == MPF_OBJ_NULL) {
        *fr->sp = send;
    }
    if (throw_ != MPF_OBJ_NULL) {
        // as given: a YIELD_FROM hands it to its iterator's throw(); elsewhere the frame
        // raises it made an exception (mpf_vm_execute)
        fr->pending = throw_;
    }
    if (MPF_UNLIKELY(mpf_state.gen_depth >= MPF_GEN_NEST_MAX)) {
        mpf_raise_msg(&mpf_type_RecursionError, "maximum recursion depth exceeded");
    }
    if (mpf_stack_reached()) {
        g->finished = 1;  // as if the frame had raised it at its first instruction
        mpf_stack_overflow();
    }
    g->running = 1;
    mpf_state.gen_depth++;
    // No handler of its own: mpf_vm_execute hands back the exception that leaves the
    // frame (one setjmp per resume, the VM's).
    mpf_obj_t v;
    mpf_vm_ret_t r = mpf_vm_execute(fr, &v);
    mpf_state.gen_depth--;
    g->running = 0;
    if (MPF_LIKELY(r == MPF_VM_YIELD)) {
        return v;
    }
    g->finished = 1;
    if (r == MPF_VM_RETURN) {
        *returned = true;
        *ret = v;
        return MPF_OBJ_NONE;
    }
    if (mpf_exc_match(v, &mpf_type_StopIteration)) {
        v = mpf_exc_stop_in_gen(v);
    }
    mpf_nlr_raise(v);
}

static mpf_obj_t gen_iternext(mpf_obj_t self) {
    mpf_obj_t ret;
    bool returned;
    mpf_obj_t v = mpf_gen_resume(self, MPF_OBJ_NONE, MPF_OBJ_NULL, &ret, &returned);
    return returned ? MPF_OBJ_STOP : v;
}

static mpf_obj_t gen_send(mpf_obj_t self, mpf_obj_t v) {
    mpf_obj_t ret;
    bool returned;
    mpf_obj_t y = mpf_gen_resume(self, v, MPF_OBJ_NULL, &ret, &returned);
    if (returned) {
        mpf_raise_stop_iteration(ret);
    }
    return y;
}

// Whether suspended generator [self] delegates with `yield from` to an iterator that takes
// what throw() is given: another generator, or an object with a throw() method (which gets
// the argument unchanged, as CPython passes it: a class stays a class, any object goes).
static bool gen_delegate_takes_throw(mpf_obj_t self) {
    const mpf_gen_t *g = mpf_obj_ptr(self);
    const mpf_frame_t *fr = g->frame;
    if (g->running || g->finished || fr->ip == fr->fun->rc->code || *fr->ip != MPF_OP_YIELD_FROM) {
        return false;
    }
    mpf_obj_t it = fr->sp[-1];
    if (mpf_obj_is_type(it, &mpf_type_gen)) {
        return true;
    }
    mpf_obj_t dest[2];
    mpf_load_method_maybe(it, MPF_QSTR_throw, dest);
    return dest[0] != MPF_OBJ_NULL;
}

static mpf_obj_t gen_throw(size_t n_args, const mpf_obj_t *args) {
    if (n_args == 2 && gen_delegate_takes_throw(args[0])) {
        mpf_obj_t ret;
        bool returned;
        mpf_obj_t y = mpf_gen_resume(args[0], MPF_OBJ_NONE, args[1], &ret, &returned);
        if (returned) {
            mpf_raise_stop_iteration(ret);
        }
        return y;
    }
    if (!mpf_obj_is_exception(args[1]) &&
        !(mpf_obj_is_class(args[1]) && mpf_type_is_subclass(mpf_obj_ptr(args[1]), &mpf_type_BaseException))) {
        mpf_raise_fmt(&mpf_type_TypeError, "exceptions must be classes or instances deriving from BaseException, not %T", args[1]);
    }
    mpf_obj_t exc = mpf_exc_instantiate(args[1], n_args > 2 ? args[2] : MPF_OBJ_NULL);
    mpf_obj_t ret;
    bool returned;
    mpf_obj_t y = mpf_gen_resume(args[0], MPF_OBJ_NONE, exc, &ret, &returned);
    if (returned) {
        mpf_raise_stop_iteration(ret);
    }
    return y;
}

static mpf_obj_t gen_close(mpf_obj_t self) {
    mpf_gen_t *g = mpf_obj_ptr(self);
    if (g->finished) {
        return MPF_OBJ_NONE;
    }
    if (g->running) {
        // (its frame's ip is stale while it runs: it is no just-started generator)
        mpf_raise_msg(&mpf_type_ValueError, "generator already executing");
    }
    if (g->frame->ip == g->frame->fun->rc->code) {
        g->finished = 1;
        return MPF_OBJ_NONE;
    }
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t ret;
        bool returned;
        mpf_gen_resume(self, MPF_OBJ_NONE, mpf_exc_new(&mpf_type_GeneratorExit, 0, NULL), &ret, &returned);
        mpf_nlr_pop(&nlr);
        if (!returned) {
            mpf_raise_msg(&mpf_type_RuntimeError, "generator ignored GeneratorExit");
        }
        return MPF_OBJ_NONE;
    }
    if (mpf_exc_match(nlr.exc, &mpf_type_GeneratorExit) || mpf_exc_match(nlr.exc, &mpf_type_StopIteration)) {
        return MPF_OBJ_NONE;
    }
    mpf_nlr_raise(nlr.exc);
}

#if CONFIG_ASYNC
// ---------------------------------------------------------------- async generators
// `async def` with `yield` compiles to the same bytecode as a generator (mpy-cross marks
// nothing), so every generator also answers the async-iterator protocol: __aiter__,
// __anext__, asend, athrow and aclose. Each of the last four returns an awaitable that
// resumes the generator: a `yield` of its own ends the await with the yielded value
// (StopIteration), a suspension inside an `await` (the frame stopped at its YIELD_FROM)
// passes the value out to whoever drives the coroutine, and the generator's return
// ends the await with StopAsyncIteration.

enum { AGEN_SEND, AGEN_THROW, AGEN_CLOSE };
enum { AGEN_INIT, AGEN_ITER, AGEN_DONE };

typedef struct {
    mpf_obj_base_t base;
    mpf_obj_t gen;
    mpf_obj_t arg;  // AGEN_SEND: the value sent first; AGEN_THROW: throw()'s arguments (a tuple)
    uint8_t kind;
    uint8_t state;
} agen_awaitable_t;

static const mpf_type_t agen_asend_type, agen_athrow_type;

static mpf_obj_t agen_awaitable_new(mpf_obj_t gen, int kind, mpf_obj_t arg) {
    agen_awaitable_t *a = mpf_new(agen_awaitable_t);
    a->base.type = kind == AGEN_SEND ? &agen_asend_type : &agen_athrow_type;
    a->gen = gen;
    a->arg = arg;
    a->kind = (uint8_t)kind;
    a->state = AGEN_INIT;
    return mpf_obj_from_ptr(a);
}

// Whether generator [gen], which has just yielded, is suspended inside an await
// (`yield from`) rather than at a `yield` of its own.
static bool agen_in_await(mpf_obj_t gen) {
    const mpf_gen_t *g = mpf_obj_ptr(gen);
    return !g->finished && *g->frame->ip == MPF_OP_YIELD_FROM;
}

// Resume the generator of awaitable [a] with [send], or as its throw() with the
// arguments in tuple [throw_args] (as mpf_gen_resume); an exception that leaves it ends
// the await: aclose() is then done if it was GeneratorExit or StopAsyncIteration, and a
// StopAsyncIteration raised in the body becomes RuntimeError.
static mpf_obj_t agen_resume(agen_awaitable_t *a, mpf_obj_t send, mpf_obj_t throw_args, mpf_obj_t *ret, bool *returned) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t y;
        if (throw_args == MPF_OBJ_NULL) {
            y = mpf_gen_resume(a->gen, send, MPF_OBJ_NULL, ret, returned);
        } else {
            const mpf_tuple_t *t = mpf_obj_ptr(throw_args);
            mpf_obj_t argv[4] = {a->gen, MPF_OBJ_NULL, MPF_OBJ_NULL, MPF_OBJ_NULL};
            for (size_t i = 0; i < t->len && i < 3; i++) {
                argv[i + 1] = t->items[i];
            }
            *returned = false;
            y = gen_throw(t->len + 1, argv);
        }
        mpf_nlr_pop(&nlr);
        return y;
    }
    if (throw_args != MPF_OBJ_NULL && mpf_exc_match(nlr.exc, &mpf_type_StopIteration)) {
        // throw() ended the generator: its return
        *returned = true;
        *ret = mpf_exc_value(nlr.exc);
        return MPF_OBJ_NONE;
    }
    a->state = AGEN_DONE;
    if (a->kind == AGEN_CLOSE &&
        (mpf_exc_match(nlr.exc, &mpf_type_GeneratorExit) || mpf_exc_match(nlr.exc, &mpf_type_StopAsyncIteration))) {
        mpf_raise_stop_iteration(MPF_OBJ_NONE);
    }
    if (mpf_exc_match(nlr.exc, &mpf_type_StopAsyncIteration)) {
        mpf_raise_msg(&mpf_type_RuntimeError, "async generator raised StopAsyncIteration");
    }
    mpf_nlr_raise(nlr.exc);
}

// One step of awaitable [self]: resume its generator with [send] or through its throw()
// with the arguments in tuple [exc].
// Returns a value to pass out (the generator awaits something), or raises
// StopIteration(value) when the await is over.
static mpf_obj_t agen_step(mpf_obj_t self, mpf_obj_t send, mpf_obj_t exc) {
    agen_awaitable_t *a = mpf_obj_ptr(self);
    mpf_gen_t *g = mpf_obj_ptr(a->gen);
    if (a->state == AGEN_DONE) {
        mpf_raise_msg(&mpf_type_RuntimeError, a->kind == AGEN_SEND ? "cannot reuse already awaited __anext__()/asend()"
                                                                   : "cannot reuse already awaited aclose()/athrow()");
    }
    if (a->state == AGEN_INIT) {
        a->state = AGEN_ITER;
        if (exc == MPF_OBJ_NULL) {
            if (a->kind == AGEN_SEND) {
                if (send == MPF_OBJ_NONE) {
                    send = a->arg;
                }
            } else {
                if (send != MPF_OBJ_NONE) {
                    a->state = AGEN_DONE;
                    mpf_raise_msg(&mpf_type_RuntimeError, "can't send non-None value to a just-started coroutine");
                }
                bool unstarted = g->frame->ip == g->frame->fun->rc->code;
                if (g->finished || (a->kind == AGEN_CLOSE && unstarted)) {
                    // nothing runs: aclose() is done at once, athrow() finds it exhausted
                    g->finished = 1;
                    a->state = AGEN_DONE;
                    if (a->kind == AGEN_CLOSE) {
                        mpf_raise_stop_iteration(MPF_OBJ_NONE);
                    }
                    mpf_raise_type(&mpf_type_StopAsyncIteration);
                }
                if (a->kind == AGEN_CLOSE) {
                    mpf_obj_t ge = mpf_obj_from_ptr(&mpf_type_GeneratorExit);
                    exc = mpf_obj_new_tuple(1, &ge);
                } else {
                    exc = a->arg;
                }
            }
        }
    }
    mpf_obj_t ret;
    bool returned;
    mpf_obj_t y = agen_resume(a, send, exc, &ret, &returned);
    if (returned) {
        a->state = AGEN_DONE;
        if (a->kind == AGEN_CLOSE) {
            mpf_raise_stop_iteration(MPF_OBJ_NONE);
        }
        mpf_raise_type(&mpf_type_StopAsyncIteration);
    }
    if (agen_in_await(a->gen)) {
        return y;
    }
    a->state = AGEN_DONE;
    if (a->kind == AGEN_CLOSE) {
        mpf_raise_msg(&mpf_type_RuntimeError, "async generator ignored GeneratorExit");
    }
    mpf_raise_stop_iteration(y);
}

static mpf_obj_t agen_aw_iternext(mpf_obj_t self) {
    return agen_step(self, MPF_OBJ_NONE, MPF_OBJ_NULL);
}

static mpf_obj_t agen_aw_send(mpf_obj_t self, mpf_obj_t v) {
    return agen_step(self, v, MPF_OBJ_NULL);
}

static mpf_obj_t agen_aw_throw(size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t exc = mpf_obj_new_tuple(n_args - 1, args + 1);
    agen_awaitable_t *a = mpf_obj_ptr(args[0]);
    if (a->state == AGEN_INIT && a->kind != AGEN_SEND) {
        // athrow()/aclose() not started: the throw replaces what it would have thrown
        a->kind = AGEN_THROW;
    }
    return agen_step(args[0], MPF_OBJ_NONE, exc);
}

static mpf_obj_t agen_aw_close(mpf_obj_t self) {
    agen_awaitable_t *a = mpf_obj_ptr(self);
    a->state = AGEN_DONE;
    return MPF_OBJ_NONE;
}

static mpf_obj_t agen_aw_await(mpf_obj_t self) {
    return self;
}

static const mpf_rom_map_elem_t agen_aw_locals_table[] = {
    MPF_ROM_FUN_1(MPF_QSTR___await__, agen_aw_await),
    MPF_ROM_FUN_2(MPF_QSTR_send, agen_aw_send),
    MPF_ROM_FUN_VAR(MPF_QSTR_throw, 2, 4, agen_aw_throw),
    MPF_ROM_FUN_1(MPF_QSTR_close, agen_aw_close),
};
MPF_ROM_MAP(agen_aw_locals, agen_aw_locals_table);

static const mpf_type_t agen_asend_type = MPF_TYPE(MPF_QSTR_async_generator_asend, 0,
    (getiter, mpf_iter_self),
    (iternext, agen_aw_iternext),
    (locals, &agen_aw_locals));

static const mpf_type_t agen_athrow_type = MPF_TYPE(MPF_QSTR_async_generator_athrow, 0,
    (getiter, mpf_iter_self),
    (iternext, agen_aw_iternext),
    (locals, &agen_aw_locals));

static mpf_obj_t gen_aiter(mpf_obj_t self) {
    return self;
}

static mpf_obj_t gen_anext(mpf_obj_t self) {
    return agen_awaitable_new(self, AGEN_SEND, MPF_OBJ_NONE);
}

static mpf_obj_t gen_asend(mpf_obj_t self, mpf_obj_t v) {
    return agen_awaitable_new(self, AGEN_SEND, v);
}

static mpf_obj_t gen_athrow(size_t n_args, const mpf_obj_t *args) {
    return agen_awaitable_new(args[0], AGEN_THROW, mpf_obj_new_tuple(n_args - 1, args + 1));
}

static mpf_obj_t gen_aclose(mpf_obj_t self) {
    return agen_awaitable_new(self, AGEN_CLOSE, MPF_OBJ_NONE);
}
#endif
#if CONFIG_MODULE_MICROPYTHON
// gen.pend_throw(v) (MicroPython's): [v] is raised in the generator when it is next resumed
// (a non-exception as a TypeError there); None cancels. Returns what was pending before
// (None if nothing), so a scheduler can also keep a mark in a suspended generator.
static mpf_obj_t gen_pend_throw(mpf_obj_t self, mpf_obj_t v) {
    mpf_gen_t *g = mpf_obj_ptr(self);
    if (g->running) {
        mpf_raise_msg(&mpf_type_ValueError, "generator already executing");
    }
    mpf_obj_t prev = g->frame->pending;
    g->frame->pending = v == MPF_OBJ_NONE ? MPF_OBJ_NULL : v;
    return prev == MPF_OBJ_NULL ? MPF_OBJ_NONE : prev;
}
#endif

#if CONFIG_BUILTIN_EXTRAS
// The __name__ (i 0) or __qualname__ (i 1) stored in [g], else NULL.
static mpf_obj_t gen_name_stored(const mpf_gen_t *g, size_t i) {
    return g->names == MPF_OBJ_NULL ? MPF_OBJ_NULL : ((const mpf_tuple_t *)mpf_obj_ptr(g->names))->items[i];
}
#endif

static void gen_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const mpf_gen_t *g = mpf_obj_ptr(self);
    const mpf_fun_bc_t *f = g->frame->fun;
#if CONFIG_BUILTIN_EXTRAS
    mpf_obj_t q = gen_name_stored(g, 1);
    if (q != MPF_OBJ_NULL) {
        mpf_printf(p, "<generator object %O at 0x%x>", q, (unsigned)(uintptr_t)self);
        return;
    }
#endif
#if CONFIG_COMPILER_INTROSPECTION
    mpf_printf(p, "<generator object %O at 0x%x>", mpf_fun_qualname(mpf_obj_from_ptr(f)), (unsigned)(uintptr_t)self);
#else
    mpf_printf(p, "<generator object %q at 0x%x>", f->ctx->qstrs[f->rc->simple_name], (unsigned)(uintptr_t)self);
#endif
}

// gen.__name__ and __qualname__ (its function's; with CONFIG_BUILTIN_EXTRAS writable, a str
// only, as CPython's), gi_running, gi_code (with CONFIG_BUILTIN_HELPERS: its function's
// __code__); the others read-only.
static void gen_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    mpf_gen_t *g = mpf_obj_ptr(self);
    bool name = attr == MPF_QSTR___name__ || attr == MPF_QSTR___qualname__;
    if (dest[0] != MPF_OBJ_NULL) {
#if CONFIG_BUILTIN_EXTRAS
        if (name) {
            if (dest[1] == MPF_OBJ_NULL || !mpf_obj_is_str(dest[1])) {
                mpf_raise_fmt(&mpf_type_TypeError, "%q must be set to a string object", attr);
            }
            if (g->names == MPF_OBJ_NULL) {
                g->names = mpf_obj_new_tuple(2, NULL);
            }
            ((mpf_tuple_t *)mpf_obj_ptr(g->names))->items[attr == MPF_QSTR___qualname__] = dest[1];
            dest[0] = MPF_OBJ_NULL;
        }
#endif
        return;
    }
    if (attr == MPF_QSTR_gi_running) {
        dest[0] = mpf_obj_bool(g->running);
        return;
    }
#if CONFIG_BUILTIN_HELPERS
    if (attr == MPF_QSTR_gi_code) {
        dest[0] = mpf_load_attr(mpf_obj_from_ptr(g->frame->fun), MPF_QSTR___code__);
        return;
    }
#endif
    if (name) {
#if CONFIG_BUILTIN_EXTRAS
        dest[0] = gen_name_stored(g, attr == MPF_QSTR___qualname__);
        if (dest[0] != MPF_OBJ_NULL) {
            return;
        }
#endif
        dest[0] = mpf_load_attr(mpf_obj_from_ptr(g->frame->fun), attr);
    }
}

static const mpf_rom_map_elem_t gen_locals_table[] = {
    MPF_ROM_FUN_2(MPF_QSTR_send, gen_send),
    MPF_ROM_FUN_VAR(MPF_QSTR_throw, 2, 4, gen_throw),
    MPF_ROM_FUN_1(MPF_QSTR_close, gen_close),
#if CONFIG_ASYNC
    MPF_ROM_FUN_1(MPF_QSTR___aiter__, gen_aiter),
    MPF_ROM_FUN_1(MPF_QSTR___anext__, gen_anext),
    MPF_ROM_FUN_2(MPF_QSTR_asend, gen_asend),
    MPF_ROM_FUN_VAR(MPF_QSTR_athrow, 2, 4, gen_athrow),
    MPF_ROM_FUN_1(MPF_QSTR_aclose, gen_aclose),
#endif
#if CONFIG_MODULE_MICROPYTHON
    MPF_ROM_FUN_2(MPF_QSTR_pend_throw, gen_pend_throw),
#endif
};
MPF_ROM_MAP(gen_locals, gen_locals_table);

const mpf_type_t mpf_type_gen = MPF_TYPE(MPF_QSTR_generator, 0,
    (print, gen_print),
    (attr, gen_attr),
    (getiter, mpf_iter_self),
    (iternext, gen_iternext),
    (locals, &gen_locals));
