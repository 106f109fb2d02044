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
    volatile char here = 0;
    if (MPF_UNLIKELY((uintptr_t)&here < (uintptr_t)mpf_state.stack_limit_addr)) {
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
        mpf_raise_msg(&mpf_type_RuntimeError, "generator raised StopIteration");
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
MPF_FUN_2(gen_send_obj, MPF_QSTR_send, gen_send);

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
MPF_FUN_VAR(gen_throw_obj, MPF_QSTR_throw, 2, 4, gen_throw);

static mpf_obj_t gen_close(mpf_obj_t self) {
    mpf_gen_t *g = mpf_obj_ptr(self);
    if (g->finished) {
        return MPF_OBJ_NONE;
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
MPF_FUN_1(gen_close_obj, MPF_QSTR_close, gen_close);

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
MPF_FUN_2(gen_pend_throw_obj, MPF_QSTR_pend_throw, gen_pend_throw);
#endif

static void gen_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const mpf_gen_t *g = mpf_obj_ptr(self);
    const mpf_fun_bc_t *f = g->frame->fun;
    mpf_printf(p, "<generator object %q at 0x%x>", f->ctx->qstrs[f->rc->simple_name], (unsigned)(uintptr_t)self);
}

static const mpf_map_elem_t gen_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_send), MPF_ROM_PTR(&gen_send_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_throw), MPF_ROM_PTR(&gen_throw_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_close), MPF_ROM_PTR(&gen_close_obj)},
#if CONFIG_MODULE_MICROPYTHON
    {MPF_ROM_QSTR(MPF_QSTR_pend_throw), MPF_ROM_PTR(&gen_pend_throw_obj)},
#endif
};
MPF_ROM_MAP(gen_locals, gen_locals_table);

const mpf_type_t mpf_type_gen = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_generator,
    .print = gen_print,
    .getiter = mpf_iter_self,
    .iternext = gen_iternext,
    .locals = &gen_locals,
};
