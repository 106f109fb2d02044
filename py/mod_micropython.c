// mod_micropython.c -- the micropython module: const(), opt_level(), mem_info(),
// alloc_emergency_exception_buf() and schedule().
//
// Scheduled callbacks wait in a list kept in the module's own globals (under a name
// no Python code can write: the GC finds it through sys.modules, and the core's state
// struct needs no new root). They run, oldest first, from
// mpf_micropython_run_scheduled(): the time module calls it while sleeping, and the
// VM at its poll point (backward jumps) whenever mpf_state.sched_pending is set.
#include "mpf_int.h"
#include "compile.h"
#include "port.h"

// Pending callbacks at most (MicroPython's default depth): schedule() raises
// RuntimeError beyond it, so an interrupt storm cannot exhaust the heap.
#define SCHEDULE_DEPTH 8

// const(x) is folded by mpy-cross; at run time it is the identity.
static mpf_obj_t mp_const(mpf_obj_t x) {
    return x;
}

#if CONFIG_COMPILER
// The optimisation level a program asks for: the on-device compiler's (compile.c)
#define opt_level mpf_compile_opt_level
#else
// The optimisation level a program asks for; only recorded (code is compiled ahead
// of time by mpy-cross, which takes its own -O).
static mpf_int_t opt_level;
#endif

static mpf_obj_t mp_opt_level(size_t n_args, const mpf_obj_t *args) {
    if (n_args == 0) {
        return mpf_obj_new_small_int(opt_level);
    }
    opt_level = mpf_obj_get_int(args[0]);
    return MPF_OBJ_NONE;
}

// The bytes of C stack in use, from its top down to this call.
__attribute__((noinline)) static size_t stack_in_use(void) {
    volatile char here = 0;
    size_t n = (size_t)(mpf_state.stack_top - (const char *)&here);
    (void)here;
    return n;
}

// stack_use(): the stack in use now, in bytes (for differences between two points)
static mpf_obj_t mp_stack_use(void) {
    return mpf_obj_new_int((mpf_int_t)stack_in_use());
}

// mem_info([verbose]): the stack in use, the heap's totals and its largest free block (the
// largest object it gives without a collection); with a true argument the heap's size too.
static mpf_obj_t mp_mem_info(size_t n_args, const mpf_obj_t *args) {
    size_t total, used, free_;
    mpf_gc_info(&total, &used, &free_);
    size_t stack_used = stack_in_use();
    size_t stack_max = (size_t)(mpf_state.stack_top - mpf_state.stack_limit_addr);
    mpf_printf(&mpf_print_stdout, "stack: %u out of %u\n", (unsigned)stack_used, (unsigned)stack_max);
    mpf_printf(&mpf_print_stdout, "GC: total: %u, used: %u, free: %u\n", (unsigned)total, (unsigned)used, (unsigned)free_);
    mpf_printf(&mpf_print_stdout, " largest free block: %u\n", (unsigned)mpf_gc_max_free());
    if (n_args > 0 && mpf_obj_is_true(args[0])) {
        mpf_printf(&mpf_print_stdout, "heap size (CONFIG_HEAP_SIZE): %u\n", (unsigned)CONFIG_HEAP_SIZE);
    }
    return MPF_OBJ_NONE;
}

// The core keeps one MemoryError preallocated (CONFIG_EMERGENCY_EXCEPTION), so there
// is nothing to reserve; accepted for compatibility.
static mpf_obj_t mp_alloc_emergency_exception_buf(mpf_obj_t size) {
    (void)mpf_obj_get_int(size);
    return MPF_OBJ_NONE;
}

// The module's globals dict, or NULL if micropython has not been imported.
// heap_lock() / heap_unlock(): nest; unlock returns the depth left (0: allocation works)
static mpf_obj_t mp_heap_lock(void) {
    mpf_gc_lock(1);
    return MPF_OBJ_NONE;
}

static mpf_obj_t mp_heap_unlock(void) {
    return mpf_obj_new_small_int((mpf_int_t)mpf_gc_lock(-1));
}

// heap_locked(): the lock depth (0: allocation works)
static mpf_obj_t mp_heap_locked(void) {
    return mpf_obj_new_small_int((mpf_int_t)mpf_gc_lock(0));
}

static mpf_obj_t module_globals(void) {
    mpf_obj_t mod = mpf_dict_get(mpf_state.modules, mpf_obj_new_qstr(MPF_QSTR_micropython));
    if (mod == MPF_OBJ_NULL || !mpf_obj_is_type(mod, &mpf_type_module)) {
        return MPF_OBJ_NULL;
    }
    return ((const mpf_module_t *)mpf_obj_ptr(mod))->globals;
}

// The pending-callback list: pairs (function, argument) flattened.
static mpf_obj_t queue(bool create) {
    mpf_obj_t g = module_globals();
    if (g == MPF_OBJ_NULL) {
        return MPF_OBJ_NULL;
    }
    mpf_obj_t key = mpf_obj_new_qstr(MPF_QSTRE__3cscheduled_3e);
    mpf_obj_t q = mpf_dict_get(g, key);
    if (q == MPF_OBJ_NULL && create) {
        q = mpf_obj_new_list(0, NULL);
        mpf_dict_store(g, key, q);
    }
    return q;
}

static mpf_obj_t mp_schedule(mpf_obj_t fun, mpf_obj_t arg) {
    if (!mpf_obj_is_callable(fun)) {
        mpf_raise_msg(&mpf_type_TypeError, "schedule(): function must be callable");
    }
    mpf_obj_t q = queue(true);
    mpf_list_t *l = mpf_obj_ptr(q);
    if (l->len >= 2 * SCHEDULE_DEPTH) {
        mpf_raise_msg(&mpf_type_RuntimeError, "schedule queue full");
    }
    mpf_list_append(q, fun);
    mpf_list_append(q, arg);
    mpf_state.sched_pending = 1;
    return MPF_OBJ_NONE;
}

// Run every pending callback, oldest first. A callback's exception propagates (the
// rest stay queued). Re-entry from inside a callback does nothing.
void mpf_micropython_run_scheduled(void) {
    static bool running;
    if (running) {
        return;
    }
    mpf_obj_t q = queue(false);
    if (q == MPF_OBJ_NULL) {
        mpf_state.sched_pending = 0;
        return;
    }
    mpf_list_t *l = mpf_obj_ptr(q);
    mpf_state.sched_pending = 0;
    running = true;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        // only the callbacks queued so far: one that schedules itself again runs at the
        // next poll, so it cannot starve the program (or the asyncio loop)
        for (size_t n = l->len / 2; n > 0 && l->len >= 2; n--) {
            mpf_obj_t fun = l->items[0], arg = l->items[1];
            memmove(l->items, l->items + 2, (l->len - 2) * sizeof(mpf_obj_t));
            l->len -= 2;
            mpf_call1(fun, arg);
        }
        mpf_nlr_pop(&nlr);
        running = false;
        mpf_state.sched_pending = l->len >= 2;
        return;
    }
    running = false;
    mpf_state.sched_pending = l->len >= 2;  // the rest run at the next poll
    mpf_nlr_raise(nlr.exc);
}

atomic_int mpf_micropython_interrupt_char = 0x03;

// kbd_intr(c): the console byte that raises KeyboardInterrupt, -1 for none (a program
// that reads raw bytes from stdin, mpremote's mount protocol).
static mpf_obj_t mp_kbd_intr(mpf_obj_t c) {
    mpf_int_t v = mpf_obj_get_int(c);
    MPF_SET_INTERRUPT_CHAR(v >= 0 && v <= 255 ? (int)v : -1);
    return MPF_OBJ_NONE;
}

static const mpf_rom_map_elem_t micropython_members_table[] = {
    MPF_ROM_FUN_1(MPF_QSTR_const, mp_const),
    MPF_ROM_FUN_VAR(MPF_QSTR_opt_level, 0, 1, mp_opt_level),
    MPF_ROM_FUN_VAR(MPF_QSTR_mem_info, 0, 1, mp_mem_info),
    MPF_ROM_FUN_1(MPF_QSTR_alloc_emergency_exception_buf, mp_alloc_emergency_exception_buf),
    MPF_ROM_FUN_2(MPF_QSTR_schedule, mp_schedule),
    MPF_ROM_FUN_0(MPF_QSTR_heap_lock, mp_heap_lock),
    MPF_ROM_FUN_0(MPF_QSTR_heap_unlock, mp_heap_unlock),
    MPF_ROM_FUN_0(MPF_QSTR_heap_locked, mp_heap_locked),
    MPF_ROM_FUN_0(MPF_QSTR_stack_use, mp_stack_use),
    MPF_ROM_FUN_1(MPF_QSTR_kbd_intr, mp_kbd_intr),
};
MPF_ROM_MAP(micropython_members, micropython_members_table);

const mpf_builtin_module_t mpf_module_micropython = {MPF_QSTR_micropython, &micropython_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_micropython, mpf_module_micropython);
