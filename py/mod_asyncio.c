// mod_asyncio.c -- the asyncio module: a small event loop for coroutines, enough for a
// sensor-polling application: run, create_task, sleep, sleep_ms, gather, wait_for,
// wait_for_ms, Event, Lock, Task (await, cancel, done, result), CancelledError and
// TimeoutError.
//
// How awaiting works. `await x` compiles to GET_ITER + YIELD_FROM, so every awaitable
// here is (or returns) an *awaiter*: a one-shot iterator whose first __next__ yields
// the awaiter itself to the loop, as a request ("wake me at t", "when task T is
// done"...). The loop keeps each task's pending request and, on every pass, resumes
// the tasks whose request is satisfied: with send(value) (the awaiter's send raises
// StopIteration(value), which is the value of the await), with None (its __next__
// then stops: the await gives None), or by throwing an exception into the coroutine.
//
// Scheduling: each pass runs, in task creation order, the tasks that are ready, then
// the expired sleepers in deadline order; with nothing ready the loop polls the port
// until the earliest deadline. Time comes from the port's millisecond tick.
#include "mpf_int.h"
#include "port.h"

// ---------------------------------------------------------------- objects
// What a task waits for (the kind of an awaiter).
enum {
    AW_NONE,      // nothing: run on the next pass (sleep(0), a task just created)
    AW_SLEEP,     // until deadline
    AW_TASK,      // until target (a task) is done
    AW_EVENT,     // until target (an event) is set
    AW_LOCK,      // until target (a lock) can be acquired
    AW_GATHER,    // until every task in target (a tuple) is done
    AW_WAIT_FOR,  // until target (a task) is done, or deadline (then TimeoutError)
    AW_DONE,      // nothing at all: __next__ stops at once (Lock.__aexit__)
};

typedef struct awaiter {
    mpf_obj_base_t base;
    uint8_t kind;
    uint8_t yielded;          // __next__ already gave the request to the loop
    uint8_t return_exceptions; // gather
    uint64_t deadline;        // SLEEP / WAIT_FOR: the duration in ms until the first
                              // yield starts the clock, then the deadline (see now_ms);
                              // EVENT: the event's set() count when the wait began (yield)
    mpf_obj_t target;
    mpf_obj_t result;         // SLEEP: the value sleep() returns
} awaiter_t;

typedef struct task {
    mpf_obj_base_t base;
    mpf_obj_t coro;
    mpf_obj_t request;        // the awaiter it waits on, or NULL (ready)
    mpf_obj_t result;
    mpf_obj_t exception;      // what it raised, or NULL
    uintptr_t done;
    uintptr_t cancel;         // a cancel() is pending: throw CancelledError next
    uintptr_t seq;            // when it was created or last ran: a pass runs the tasks
                              // in this order, as CPython's first-in first-out ready queue
} task_t;

// The clock of task_t.seq.
static uintptr_t task_seq;

// The task being run (current_task()), or NULL; it is in the loop's task list meanwhile.
static mpf_obj_t current_task;

// run_forever() runs until stop() sets this.
static bool loop_stop;

// Tasks created by loop.create_task() before the loop runs: a list in the module's
// globals (so the GC sees it), adopted by the next run.
static mpf_obj_t pending_tasks(void) {
    mpf_obj_t mod = mpf_dict_get(mpf_state.modules, mpf_obj_new_qstr(MPF_QSTR_asyncio));
    if (mod == MPF_OBJ_NULL || !mpf_obj_is_type(mod, &mpf_type_module)) {
        mpf_raise_msg(&mpf_type_RuntimeError, "no running event loop");
    }
    mpf_obj_t g = ((const mpf_module_t *)mpf_obj_ptr(mod))->globals;
    mpf_obj_t l = mpf_dict_get(g, mpf_obj_new_qstr(MPF_QSTR__pending));
    if (l == MPF_OBJ_NULL || !mpf_obj_is_type(l, &mpf_type_list)) {
        l = mpf_obj_new_list(0, NULL);
        mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR__pending), l);
    }
    return l;
}

typedef struct event {
    mpf_obj_base_t base;
    uintptr_t flag;
    uintptr_t sets;           // set() calls so far: a waiter woken by a set() that a clear()
                              // undid before the waiter ran still wakes up
} event_t;

typedef struct lock {
    mpf_obj_base_t base;
    uintptr_t locked;
} lock_t;

extern const mpf_type_t mpf_type_asyncio_task, mpf_type_asyncio_awaiter, mpf_type_asyncio_event,
    mpf_type_asyncio_tsf, mpf_type_asyncio_lock;

// The running loop's task list (a list object kept alive by run()'s C frame), or NULL.
static mpf_obj_t loop_tasks;

// The port's 32-bit millisecond tick widened to 64 bits (read at least every 49 days).
static uint64_t now_ms(void) {
    static uint32_t last, high;
    uint32_t t = mpf_port_ticks_ms();
    if (t < last) {
        high++;
    }
    last = t;
    return ((uint64_t)high << 32) | t;
}

// An asyncio exception class made on import (CancelledError, TimeoutError).
static const mpf_type_t *module_exc(mpf_qstr_t name, const mpf_type_t *fallback) {
    mpf_obj_t mod = mpf_dict_get(mpf_state.modules, mpf_obj_new_qstr(MPF_QSTR_asyncio));
    if (mod != MPF_OBJ_NULL && mpf_obj_is_type(mod, &mpf_type_module)) {
        mpf_obj_t e = mpf_dict_get(((const mpf_module_t *)mpf_obj_ptr(mod))->globals, mpf_obj_new_qstr(name));
        if (e != MPF_OBJ_NULL && mpf_obj_is_type(e, &mpf_type_type)) {
            return mpf_obj_ptr(e);
        }
    }
    return fallback;
}

static mpf_obj_t new_awaiter(uint8_t kind, mpf_obj_t target) {
    awaiter_t *a = mpf_new(awaiter_t);
    a->base.type = &mpf_type_asyncio_awaiter;
    a->kind = kind;
    a->target = target;
    a->result = MPF_OBJ_NONE;
    return mpf_obj_from_ptr(a);
}

// A duration argument in [unit_ms] milliseconds (1000 for seconds) as milliseconds,
// rounded up; negative means zero.
static uint64_t duration_arg(mpf_obj_t o, uint32_t unit_ms) {
#if CONFIG_FLOAT
    if (mpf_obj_is_type(o, &mpf_type_float)) {
        mpf_float_t f = mpf_obj_get_float(o) * (mpf_float_t)unit_ms;
        if (!(f > 0)) {
            return 0;
        }
        if (f > (mpf_float_t)1e15) {
            f = (mpf_float_t)1e15;
        }
        uint64_t ms = (uint64_t)f;
        return (mpf_float_t)ms < f ? ms + 1 : ms;
    }
#endif
    mpf_int_t n = mpf_obj_get_int(o);
    return n <= 0 ? 0 : (uint64_t)n * unit_ms;
}

// ---------------------------------------------------------------- awaiters
// Hand the request to the loop: timed waits start counting now, as a coroutine's
// sleep starts when it is first awaited.
static mpf_obj_t awaiter_yield(awaiter_t *a) {
    a->yielded = 1;
    if (a->kind == AW_SLEEP || a->kind == AW_WAIT_FOR) {
        a->deadline += now_ms();
    } else if (a->kind == AW_EVENT) {
        a->deadline = ((const event_t *)mpf_obj_ptr(a->target))->sets;
    }
    return mpf_obj_from_ptr(a);
}

// First __next__: yield the request to the loop. Later: the await is over (None).
static mpf_obj_t awaiter_iternext(mpf_obj_t self) {
    awaiter_t *a = mpf_obj_ptr(self);
    if (a->kind == AW_DONE || a->yielded) {
        return MPF_OBJ_STOP;
    }
    return awaiter_yield(a);
}

// send(value) after the yield: the await evaluates to value.
static mpf_obj_t awaiter_send(mpf_obj_t self, mpf_obj_t value) {
    awaiter_t *a = mpf_obj_ptr(self);
    if (!a->yielded) {
        return awaiter_yield(a);
    }
    mpf_raise_stop_iteration(value);
}
MPF_FUN_2(awaiter_send_obj, MPF_QSTR_send, awaiter_send);

static const mpf_map_elem_t awaiter_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_send), MPF_ROM_PTR(&awaiter_send_obj)},
};
MPF_ROM_MAP(awaiter_locals, awaiter_locals_table);

const mpf_type_t mpf_type_asyncio_awaiter = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_awaitable,
    .getiter = mpf_iter_self,
    .iternext = awaiter_iternext,
    .locals = &awaiter_locals,
};

// ---------------------------------------------------------------- tasks
// A task running [coro], scheduled on the running loop (or, with [early], on the next
// loop to run: loop.create_task before run_until_complete).
static mpf_obj_t task_new_ex(mpf_obj_t coro, bool early) {
    if (!mpf_obj_is_type(coro, &mpf_type_gen) && !mpf_obj_is_type(coro, &mpf_type_asyncio_awaiter)) {
        mpf_raise_fmt(&mpf_type_TypeError, "a coroutine was expected, got %R", coro);
    }
    mpf_obj_t list = loop_tasks;
    if (list == MPF_OBJ_NULL) {
        if (!early) {
            mpf_raise_msg(&mpf_type_RuntimeError, "no running event loop");
        }
        list = pending_tasks();
    }
    task_t *t = mpf_new(task_t);
    t->base.type = &mpf_type_asyncio_task;
    t->coro = coro;
    t->result = MPF_OBJ_NONE;
    t->seq = ++task_seq;
    mpf_obj_t o = mpf_obj_from_ptr(t);
    mpf_list_append(list, o);
    return o;
}

static mpf_obj_t task_new(mpf_obj_t coro) {
    return task_new_ex(coro, false);
}

static mpf_obj_t asyncio_create_task(mpf_obj_t coro) {
    return task_new(coro);
}
MPF_FUN_1(asyncio_create_task_obj, MPF_QSTR_create_task, asyncio_create_task);

// A task for [aw]: a task itself, or a new task running a coroutine.
static mpf_obj_t ensure_task(mpf_obj_t aw) {
    return mpf_obj_is_type(aw, &mpf_type_asyncio_task) ? aw : task_new(aw);
}

static mpf_obj_t task_getiter(mpf_obj_t self) {
    return new_awaiter(AW_TASK, self);
}

static mpf_obj_t task_done(mpf_obj_t self) {
    return mpf_obj_bool(((const task_t *)mpf_obj_ptr(self))->done != 0);
}
MPF_FUN_1(task_done_obj, MPF_QSTR_done, task_done);

static mpf_obj_t task_result(mpf_obj_t self) {
    const task_t *t = mpf_obj_ptr(self);
    if (!t->done) {
        mpf_raise_msg(&mpf_type_RuntimeError, "Result is not set.");
    }
    if (t->exception != MPF_OBJ_NULL) {
        mpf_raise(t->exception);
    }
    return t->result;
}
MPF_FUN_1(task_result_obj, MPF_QSTR_result, task_result);

// cancel(): CancelledError is thrown into the coroutine when it next runs.
static mpf_obj_t task_cancel(mpf_obj_t self) {
    task_t *t = mpf_obj_ptr(self);
    if (t->done) {
        return MPF_OBJ_FALSE;
    }
    t->cancel = 1;
    return MPF_OBJ_TRUE;
}
MPF_FUN_1(task_cancel_obj, MPF_QSTR_cancel, task_cancel);

static mpf_obj_t task_cancelled(mpf_obj_t self) {
    const task_t *t = mpf_obj_ptr(self);
    return mpf_obj_bool(t->done && t->exception != MPF_OBJ_NULL &&
                        mpf_exc_match(t->exception, module_exc(MPF_QSTR_CancelledError, &mpf_type_BaseException)));
}
MPF_FUN_1(task_cancelled_obj, MPF_QSTR_cancelled, task_cancelled);

static void task_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const task_t *t = mpf_obj_ptr(self);
    mpf_printf(p, "<Task %s>", t->done ? "finished" : "pending");
}

static const mpf_map_elem_t task_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_done), MPF_ROM_PTR(&task_done_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_result), MPF_ROM_PTR(&task_result_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_cancel), MPF_ROM_PTR(&task_cancel_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_cancelled), MPF_ROM_PTR(&task_cancelled_obj)},
};
MPF_ROM_MAP(task_locals, task_locals_table);

const mpf_type_t mpf_type_asyncio_task = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_Task,
    .print = task_print,
    .getiter = task_getiter,
    .locals = &task_locals,
};

// ---------------------------------------------------------------- sleeping, gathering
static mpf_obj_t sleep_for(uint64_t ms, mpf_obj_t result) {
    mpf_obj_t a = new_awaiter(ms == 0 ? AW_NONE : AW_SLEEP, MPF_OBJ_NULL);
    awaiter_t *aw = mpf_obj_ptr(a);
    aw->deadline = ms;
    aw->result = result;
    return a;
}

// sleep(delay, result=None)
static mpf_obj_t asyncio_sleep(size_t n_args, const mpf_obj_t *args) {
    return sleep_for(duration_arg(args[0], 1000), n_args > 1 ? args[1] : MPF_OBJ_NONE);
}
MPF_FUN_VAR(asyncio_sleep_obj, MPF_QSTR_sleep, 1, 2, asyncio_sleep);

// A millisecond duration of sleep_ms/wait_for_ms: below 2**29 ms (half the period of
// time.ticks_ms, as ticks_add requires), else OverflowError.
static uint64_t duration_ms_arg(mpf_obj_t o) {
    uint64_t ms = duration_arg(o, 1);
    if (ms >= ((uint64_t)1 << 29)) {
        mpf_raise_msg(&mpf_type_OverflowError, "ticks interval overflow");
    }
    return ms;
}

static mpf_obj_t asyncio_sleep_ms(mpf_obj_t ms) {
    return sleep_for(duration_ms_arg(ms), MPF_OBJ_NONE);
}
MPF_FUN_1(asyncio_sleep_ms_obj, MPF_QSTR_sleep_ms, asyncio_sleep_ms);

// gather(*aws, return_exceptions=False): every awaitable becomes a task now.
static mpf_obj_t asyncio_gather(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t re = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_return_exceptions);
    mpf_obj_t tasks = mpf_obj_new_tuple(n_args, NULL);
    mpf_tuple_t *t = mpf_obj_ptr(tasks);
    for (size_t i = 0; i < n_args; i++) {
        t->items[i] = ensure_task(args[i]);
    }
    mpf_obj_t a = new_awaiter(AW_GATHER, tasks);
    ((awaiter_t *)mpf_obj_ptr(a))->return_exceptions = re != MPF_OBJ_NULL && mpf_obj_is_true(re);
    return a;
}
MPF_FUN_KW(asyncio_gather_obj, MPF_QSTR_gather, 0, asyncio_gather);

static mpf_obj_t wait_for(mpf_obj_t aw, uint64_t ms) {
    mpf_obj_t a = new_awaiter(AW_WAIT_FOR, ensure_task(aw));
    ((awaiter_t *)mpf_obj_ptr(a))->deadline = ms;
    return a;
}

// wait_for(aw, timeout): None waits for ever.
static mpf_obj_t asyncio_wait_for(mpf_obj_t aw, mpf_obj_t timeout) {
    if (timeout == MPF_OBJ_NONE) {
        return new_awaiter(AW_TASK, ensure_task(aw));
    }
    return wait_for(aw, duration_arg(timeout, 1000));
}
MPF_FUN_2(asyncio_wait_for_obj, MPF_QSTR_wait_for, asyncio_wait_for);

static mpf_obj_t asyncio_wait_for_ms(mpf_obj_t aw, mpf_obj_t timeout) {
    return wait_for(aw, duration_ms_arg(timeout));
}
MPF_FUN_2(asyncio_wait_for_ms_obj, MPF_QSTR_wait_for_ms, asyncio_wait_for_ms);

// ---------------------------------------------------------------- Event
static mpf_obj_t event_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    (void)args;
    mpf_arg_check_num(n_args, n_kw, 0, 0, false);
    event_t *e = mpf_new(event_t);
    e->base.type = type;  // Event or ThreadSafeFlag
    return mpf_obj_from_ptr(e);
}

static mpf_obj_t event_set(mpf_obj_t self) {
    event_t *e = mpf_obj_ptr(self);
    if (!e->flag) {
        e->sets++;
    }
    e->flag = 1;
    return MPF_OBJ_NONE;
}
MPF_FUN_1(event_set_obj, MPF_QSTR_set, event_set);

static mpf_obj_t event_clear(mpf_obj_t self) {
    ((event_t *)mpf_obj_ptr(self))->flag = 0;
    return MPF_OBJ_NONE;
}
MPF_FUN_1(event_clear_obj, MPF_QSTR_clear, event_clear);

static mpf_obj_t event_is_set(mpf_obj_t self) {
    return mpf_obj_bool(((const event_t *)mpf_obj_ptr(self))->flag != 0);
}
MPF_FUN_1(event_is_set_obj, MPF_QSTR_is_set, event_is_set);

static mpf_obj_t event_wait(mpf_obj_t self) {
    return new_awaiter(AW_EVENT, self);
}
MPF_FUN_1(event_wait_obj, MPF_QSTR_wait, event_wait);

static const mpf_map_elem_t event_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_set), MPF_ROM_PTR(&event_set_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_clear), MPF_ROM_PTR(&event_clear_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_is_set), MPF_ROM_PTR(&event_is_set_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_wait), MPF_ROM_PTR(&event_wait_obj)},
};
MPF_ROM_MAP(event_locals, event_locals_table);

const mpf_type_t mpf_type_asyncio_event = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_Event,
    .make_new = event_make_new,
    .locals = &event_locals,
};

// ThreadSafeFlag (MicroPython): an Event that the waiter's wake-up clears again; set()
// may come from an interrupt handler or micropython.schedule().
static const mpf_map_elem_t tsf_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_set), MPF_ROM_PTR(&event_set_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_clear), MPF_ROM_PTR(&event_clear_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_wait), MPF_ROM_PTR(&event_wait_obj)},
};
MPF_ROM_MAP(tsf_locals, tsf_locals_table);

const mpf_type_t mpf_type_asyncio_tsf = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_ThreadSafeFlag,
    .make_new = event_make_new,
    .locals = &tsf_locals,
};

// ---------------------------------------------------------------- Lock
static mpf_obj_t lock_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    (void)args;
    mpf_arg_check_num(n_args, n_kw, 0, 0, false);
    lock_t *l = mpf_new(lock_t);
    l->base.type = &mpf_type_asyncio_lock;
    return mpf_obj_from_ptr(l);
}

static mpf_obj_t lock_acquire(mpf_obj_t self) {
    return new_awaiter(AW_LOCK, self);
}
MPF_FUN_1(lock_acquire_obj, MPF_QSTR_acquire, lock_acquire);

static mpf_obj_t lock_release(mpf_obj_t self) {
    lock_t *l = mpf_obj_ptr(self);
    if (!l->locked) {
        mpf_raise_msg(&mpf_type_RuntimeError, "Lock is not acquired.");
    }
    l->locked = 0;
    return MPF_OBJ_NONE;
}
MPF_FUN_1(lock_release_obj, MPF_QSTR_release, lock_release);

static mpf_obj_t lock_locked(mpf_obj_t self) {
    return mpf_obj_bool(((const lock_t *)mpf_obj_ptr(self))->locked != 0);
}
MPF_FUN_1(lock_locked_obj, MPF_QSTR_locked, lock_locked);

// async with lock: __aenter__ awaits acquire(); __aexit__ releases at once.
static mpf_obj_t lock_aexit(size_t n_args, const mpf_obj_t *args) {
    (void)n_args;
    lock_release(args[0]);
    return new_awaiter(AW_DONE, MPF_OBJ_NULL);
}
MPF_FUN_VAR(lock_aexit_obj, MPF_QSTR___aexit__, 1, 4, lock_aexit);
MPF_FUN_1(lock_aenter_obj, MPF_QSTR___aenter__, lock_acquire);

static const mpf_map_elem_t lock_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_acquire), MPF_ROM_PTR(&lock_acquire_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_release), MPF_ROM_PTR(&lock_release_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_locked), MPF_ROM_PTR(&lock_locked_obj)},
    {MPF_ROM_QSTR(MPF_QSTR___aenter__), MPF_ROM_PTR(&lock_aenter_obj)},
    {MPF_ROM_QSTR(MPF_QSTR___aexit__), MPF_ROM_PTR(&lock_aexit_obj)},
};
MPF_ROM_MAP(lock_locals, lock_locals_table);

const mpf_type_t mpf_type_asyncio_lock = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_Lock,
    .make_new = lock_make_new,
    .locals = &lock_locals,
};

// ---------------------------------------------------------------- the loop
// How a ready task is to be resumed.
typedef struct resume {
    mpf_obj_t send;    // value to send (None: plain __next__)
    mpf_obj_t throw_;  // or an exception to throw (NULL: none)
} resume_t;

// Whether [t]'s request is satisfied at time [now]; fills *r. May take a lock or
// cancel a timed-out task as a side effect (only when it returns true).
static bool request_ready(task_t *t, uint64_t now, resume_t *r) {
    r->send = MPF_OBJ_NONE;
    r->throw_ = MPF_OBJ_NULL;
    if (t->cancel) {
        t->cancel = 0;
        r->throw_ = mpf_exc_new(module_exc(MPF_QSTR_CancelledError, &mpf_type_BaseException), 0, NULL);
        // as CPython: what the task was waiting on is cancelled with it (the awaited task,
        // or every task of a gather)
        const awaiter_t *a = t->request == MPF_OBJ_NULL ? NULL : mpf_obj_ptr(t->request);
        if (a != NULL && (a->kind == AW_TASK || a->kind == AW_WAIT_FOR)) {
            task_cancel(a->target);
        } else if (a != NULL && a->kind == AW_GATHER) {
            const mpf_tuple_t *tt = mpf_obj_ptr(a->target);
            for (size_t i = 0; i < tt->len; i++) {
                task_cancel(tt->items[i]);
            }
        }
        return true;
    }
    if (t->request == MPF_OBJ_NULL) {
        return true;
    }
    awaiter_t *a = mpf_obj_ptr(t->request);
    switch (a->kind) {
        case AW_NONE:
        case AW_DONE:
            r->send = a->result;
            return true;
        case AW_SLEEP:
            r->send = a->result;
            return now >= a->deadline;
        case AW_EVENT: {
            event_t *e = mpf_obj_ptr(a->target);
            if (!e->flag && e->sets == a->deadline) {
                return false;
            }
            if (e->base.type == &mpf_type_asyncio_tsf) {
                e->flag = 0;  // a ThreadSafeFlag wakes one waiter and clears itself
            }
            r->send = MPF_OBJ_TRUE;
            return true;
        }
        case AW_LOCK: {
            lock_t *l = mpf_obj_ptr(a->target);
            if (l->locked) {
                return false;
            }
            l->locked = 1;
            r->send = MPF_OBJ_TRUE;
            return true;
        }
        case AW_TASK:
        case AW_WAIT_FOR: {
            task_t *w = mpf_obj_ptr(a->target);
            if (!w->done) {
                if (a->kind == AW_WAIT_FOR && now >= a->deadline) {
                    w->cancel = 1;
                    r->throw_ = mpf_exc_new(module_exc(MPF_QSTR_TimeoutError, &mpf_type_OSError), 0, NULL);
                    return true;
                }
                return false;
            }
            if (w->exception != MPF_OBJ_NULL) {
                r->throw_ = w->exception;
            } else {
                r->send = w->result;
            }
            return true;
        }
        case AW_GATHER: {
            const mpf_tuple_t *ts = mpf_obj_ptr(a->target);
            for (size_t i = 0; i < ts->len; i++) {
                const task_t *w = mpf_obj_ptr(ts->items[i]);
                if (!w->done) {
                    // without return_exceptions, the first failure ends the wait
                    continue;
                }
                if (w->exception != MPF_OBJ_NULL && !a->return_exceptions) {
                    r->throw_ = w->exception;
                    return true;
                }
            }
            mpf_obj_t results = mpf_obj_new_list(ts->len, NULL);
            mpf_list_t *rl = mpf_obj_ptr(results);
            for (size_t i = 0; i < ts->len; i++) {
                const task_t *w = mpf_obj_ptr(ts->items[i]);
                if (!w->done) {
                    return false;
                }
                rl->items[i] = w->exception != MPF_OBJ_NULL ? w->exception : w->result;
            }
            r->send = results;
            return true;
        }
        default:
            return true;
    }
}

// Resume the coroutine of task [t] with [send] or by throwing [throw_].
static void coro_step(task_t *t, mpf_obj_t send, mpf_obj_t throw_) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t ret;
        bool returned;
        mpf_obj_t y = mpf_gen_resume(t->coro, send, throw_, &ret, &returned);
        mpf_nlr_pop(&nlr);
        if (returned && t->cancel) {
            // it cancelled itself (or was cancelled) during this step and then returned:
            // cancelled all the same, as CPython
            t->cancel = 0;
            t->done = 1;
            t->exception = mpf_exc_new(module_exc(MPF_QSTR_CancelledError, &mpf_type_BaseException), 0, NULL);
        } else if (returned) {
            t->done = 1;
            t->result = ret;
        } else if (mpf_obj_is_type(y, &mpf_type_asyncio_awaiter)) {
            t->request = y;
        } else if (y != MPF_OBJ_NONE) {
            t->done = 1;
            mpf_obj_t msg = mpf_obj_new_str("Task got bad yield", 18);
            t->exception = mpf_exc_new(&mpf_type_RuntimeError, 1, &msg);
        }
        return;
    }
    t->done = 1;
    t->exception = nlr.exc;
}

// Resume task [t] once; it ends with a new request, a result or an exception.
static void task_step(task_t *t, const resume_t *r) {
    t->request = MPF_OBJ_NULL;
    if (!mpf_obj_is_type(t->coro, &mpf_type_asyncio_awaiter)) {
        coro_step(t, r->send, r->throw_);
        return;
    }
    // a task around sleep() and friends (coroutines in CPython): the awaiter is the
    // task's only request, and what resumes it is the task's outcome
    awaiter_t *a = mpf_obj_ptr(t->coro);
    if (!a->yielded) {
        t->request = awaiter_yield(a);
    } else if (r->throw_ != MPF_OBJ_NULL) {
        t->done = 1;
        t->exception = mpf_exc_instantiate(r->throw_, MPF_OBJ_NULL);
    } else {
        t->done = 1;
        t->result = r->send;
    }
}

// The earliest deadline any pending task waits for (UINT64_MAX: none).
static uint64_t next_deadline(const mpf_list_t *tl) {
    uint64_t d = UINT64_MAX;
    for (size_t i = 0; i < tl->len; i++) {
        const task_t *t = mpf_obj_ptr(tl->items[i]);
        if (!t->done && t->request != MPF_OBJ_NULL) {
            const awaiter_t *a = mpf_obj_ptr(t->request);
            if ((a->kind == AW_SLEEP || a->kind == AW_WAIT_FOR) && a->deadline < d) {
                d = a->deadline;
            }
        }
    }
    return d;
}

// One pass: run the ready tasks (sleepers last, by deadline). True if any ran.
static bool loop_pass(mpf_obj_t tasks) {
    mpf_list_t *tl = mpf_obj_ptr(tasks);
    uint64_t now = now_ms();
    bool ran = false;
    size_t n = tl->len;  // tasks created during the pass wait for the next one
    for (size_t i = 0; i < n; i++) {
        task_t *t = mpf_obj_ptr(tl->items[i]);
        if (t->done || (!t->cancel && t->request != MPF_OBJ_NULL &&
                           ((const awaiter_t *)mpf_obj_ptr(t->request))->kind == AW_SLEEP)) {
            continue;
        }
        resume_t r;
        if (request_ready(t, now, &r)) {
            current_task = tl->items[i];
            task_step(t, &r);
            current_task = MPF_OBJ_NULL;
            t->seq = ++task_seq;
            ran = true;
        }
    }
    // expired sleepers, earliest first
    for (;;) {
        task_t *best = NULL;
        for (size_t i = 0; i < n && i < tl->len; i++) {
            task_t *t = mpf_obj_ptr(tl->items[i]);
            if (!t->done && t->request != MPF_OBJ_NULL) {
                const awaiter_t *a = mpf_obj_ptr(t->request);
                if (a->kind == AW_SLEEP && a->deadline <= now &&
                    (best == NULL || a->deadline < ((const awaiter_t *)mpf_obj_ptr(best->request))->deadline)) {
                    best = t;
                }
            }
        }
        if (best == NULL) {
            break;
        }
        resume_t r;
        request_ready(best, now, &r);
        current_task = mpf_obj_from_ptr(best);
        task_step(best, &r);
        current_task = MPF_OBJ_NULL;
        best->seq = ++task_seq;
        ran = true;
    }
    // forget finished tasks (awaiters still hold the ones someone waits for) and order the
    // rest by when they last ran (an insertion sort: the list is almost in order)
    size_t k = 0;
    for (size_t i = 0; i < tl->len; i++) {
        mpf_obj_t o = tl->items[i];
        const task_t *t = mpf_obj_ptr(o);
        if (t->done) {
            continue;
        }
        size_t j = k++;
        while (j > 0 && ((const task_t *)mpf_obj_ptr(tl->items[j - 1]))->seq > t->seq) {
            tl->items[j] = tl->items[j - 1];
            j--;
        }
        tl->items[j] = o;
    }
    for (size_t i = k; i < tl->len; i++) {
        tl->items[i] = MPF_OBJ_NULL;
    }
    tl->len = k;
    return ran;
}

// Run the loop until [aw] (a coroutine or task) is done: its result, or its exception
// raised; with [aw] NULL, until stop() (run_forever).
static mpf_obj_t run_until(mpf_obj_t aw) {
    if (loop_tasks != MPF_OBJ_NULL) {
        mpf_raise_msg(&mpf_type_RuntimeError, "asyncio.run() cannot be called from a running event loop");
    }
    volatile mpf_obj_t tasks = mpf_obj_new_list(0, NULL);  // kept on this frame for the GC
    mpf_obj_t pend = pending_tasks();  // adopt what loop.create_task() queued
    mpf_list_t *pl = mpf_obj_ptr(pend);
    for (size_t i = 0; i < pl->len; i++) {
        mpf_list_append(tasks, pl->items[i]);
    }
    pl->len = 0;
    loop_tasks = tasks;
    loop_stop = false;
    mpf_obj_t main_task;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        main_task = aw == MPF_OBJ_NULL ? MPF_OBJ_NULL : ensure_task(aw);
        const task_t *mt = aw == MPF_OBJ_NULL ? NULL : mpf_obj_ptr(main_task);
        while (mt != NULL ? !mt->done : !loop_stop) {
            if (!loop_pass(tasks)) {
                // nothing ready: idle until the earliest deadline (or poll for ever,
                // waiting for an event set from outside, as CPython would wait)
                uint64_t d = next_deadline(mpf_obj_ptr(tasks));
                do {
                    mpf_wait_idle();
                } while (d != UINT64_MAX && now_ms() < d);
            }
        }
        mpf_nlr_pop(&nlr);
        // tasks still pending (run_forever, or left by run_until_complete) wait for the
        // next run, as on CPython's loop
        mpf_list_t *tl = mpf_obj_ptr(tasks);
        for (size_t i = 0; i < tl->len; i++) {
            if (!((const task_t *)mpf_obj_ptr(tl->items[i]))->done) {
                mpf_list_append(pend, tl->items[i]);
            }
        }
        loop_tasks = MPF_OBJ_NULL;
        if (mt == NULL) {
            return MPF_OBJ_NONE;
        }
        if (mt->exception != MPF_OBJ_NULL) {
            mpf_raise(mt->exception);
        }
        return mt->result;
    }
    loop_tasks = MPF_OBJ_NULL;
    current_task = MPF_OBJ_NULL;
    mpf_nlr_raise(nlr.exc);
}

// run(coro): a fresh loop runs [coro] to the end.
static mpf_obj_t asyncio_run(mpf_obj_t coro) {
    if (!mpf_obj_is_type(coro, &mpf_type_gen) && !mpf_obj_is_type(coro, &mpf_type_asyncio_awaiter)) {
        mpf_raise_fmt(&mpf_type_TypeError, "a coroutine was expected, got %R", coro);
    }
    return run_until(coro);
}
MPF_FUN_1(asyncio_run_obj, MPF_QSTR_run, asyncio_run);

// current_task(): the running task (RuntimeError outside the loop).
static mpf_obj_t asyncio_current_task(void) {
    if (loop_tasks == MPF_OBJ_NULL || current_task == MPF_OBJ_NULL) {
        mpf_raise_msg(&mpf_type_RuntimeError, "no running event loop");
    }
    return current_task;
}
MPF_FUN_0(asyncio_current_task_obj, MPF_QSTR_current_task, asyncio_current_task);

// ---------------------------------------------------------------- the loop object
// get_event_loop() / new_event_loop(): the one loop, as an object with CPython's
// run_until_complete, run_forever, stop, create_task and close.
static mpf_obj_t loop_run_until_complete(mpf_obj_t self, mpf_obj_t aw) {
    (void)self;
    return run_until(aw);
}
MPF_FUN_2(loop_run_until_complete_obj, MPF_QSTR_run_until_complete, loop_run_until_complete);

static mpf_obj_t loop_run_forever(mpf_obj_t self) {
    (void)self;
    return run_until(MPF_OBJ_NULL);
}
MPF_FUN_1(loop_run_forever_obj, MPF_QSTR_run_forever, loop_run_forever);

static mpf_obj_t loop_stop_m(mpf_obj_t self) {
    (void)self;
    loop_stop = true;
    return MPF_OBJ_NONE;
}
MPF_FUN_1(loop_stop_obj, MPF_QSTR_stop, loop_stop_m);

static mpf_obj_t loop_create_task(mpf_obj_t self, mpf_obj_t coro) {
    (void)self;
    return task_new_ex(coro, true);
}
MPF_FUN_2(loop_create_task_obj, MPF_QSTR_create_task, loop_create_task);

static mpf_obj_t loop_close(mpf_obj_t self) {
    (void)self;
    return MPF_OBJ_NONE;
}
MPF_FUN_1(loop_close_obj, MPF_QSTR_close, loop_close);

static const mpf_map_elem_t loop_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_run_until_complete), MPF_ROM_PTR(&loop_run_until_complete_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_run_forever), MPF_ROM_PTR(&loop_run_forever_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_stop), MPF_ROM_PTR(&loop_stop_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_create_task), MPF_ROM_PTR(&loop_create_task_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_close), MPF_ROM_PTR(&loop_close_obj)},
};
MPF_ROM_MAP(loop_locals, loop_locals_table);

static const mpf_type_t loop_type = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_EventLoop,
    .locals = &loop_locals,
};
static const mpf_obj_base_t the_loop = {&loop_type};

static mpf_obj_t asyncio_get_event_loop(void) {
    return mpf_obj_from_ptr(&the_loop);
}
MPF_FUN_0(asyncio_get_event_loop_obj, MPF_QSTR_get_event_loop, asyncio_get_event_loop);
MPF_FUN_0(asyncio_new_event_loop_obj, MPF_QSTR_new_event_loop, asyncio_get_event_loop);

static const mpf_map_elem_t asyncio_members_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_run), MPF_ROM_PTR(&asyncio_run_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_current_task), MPF_ROM_PTR(&asyncio_current_task_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_get_event_loop), MPF_ROM_PTR(&asyncio_get_event_loop_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_new_event_loop), MPF_ROM_PTR(&asyncio_new_event_loop_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_create_task), MPF_ROM_PTR(&asyncio_create_task_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_sleep), MPF_ROM_PTR(&asyncio_sleep_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_sleep_ms), MPF_ROM_PTR(&asyncio_sleep_ms_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_gather), MPF_ROM_PTR(&asyncio_gather_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_wait_for), MPF_ROM_PTR(&asyncio_wait_for_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_wait_for_ms), MPF_ROM_PTR(&asyncio_wait_for_ms_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_Event), MPF_ROM_PTR(&mpf_type_asyncio_event)},
    {MPF_ROM_QSTR(MPF_QSTR_ThreadSafeFlag), MPF_ROM_PTR(&mpf_type_asyncio_tsf)},
    {MPF_ROM_QSTR(MPF_QSTR_Lock), MPF_ROM_PTR(&mpf_type_asyncio_lock)},
    {MPF_ROM_QSTR(MPF_QSTR_Task), MPF_ROM_PTR(&mpf_type_asyncio_task)},
};
MPF_ROM_MAP(asyncio_members, asyncio_members_table);

// CancelledError (a BaseException, as since CPython 3.8) and TimeoutError (an
// OSError, as the builtin TimeoutError that 3.11's asyncio.TimeoutError is).
static void asyncio_init(mpf_obj_t mod) {
    mpf_obj_t g = ((mpf_module_t *)mpf_obj_ptr(mod))->globals;
    static const struct {
        mpf_qstr_t name;
        const mpf_type_t *base;
    } excs[] = {
        {MPF_QSTR_CancelledError, &mpf_type_BaseException},
        {MPF_QSTR_TimeoutError, &mpf_type_OSError},
    };
    for (size_t i = 0; i < sizeof(excs) / sizeof(excs[0]); i++) {
        mpf_obj_t base = mpf_obj_from_ptr(excs[i].base);
        mpf_obj_t dict = mpf_obj_new_dict(1);
        mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR___module__), mpf_obj_new_qstr(MPF_QSTR_asyncio));
        mpf_dict_store(g, mpf_obj_new_qstr(excs[i].name), mpf_make_class(excs[i].name, mpf_obj_new_tuple(1, &base), dict));
    }
}

const mpf_builtin_module_t mpf_module_asyncio = {MPF_QSTR_asyncio, &asyncio_members, asyncio_init};
MPF_REGISTER_MODULE(MPF_QSTR_asyncio, mpf_module_asyncio);
