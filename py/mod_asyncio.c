// mod_asyncio.c -- the asyncio module: a small event loop for coroutines: run,
// create_task, current_task, sleep, sleep_ms, gather, wait_for, wait_for_ms, Event,
// ThreadSafeFlag, Lock, Task (await, cancel, cancelled, done, result, done callbacks), the loop object
// (get_event_loop, new_event_loop: run_until_complete, run_forever, stop, close and the
// exception handler), CancelledError and TimeoutError.
//
// The scheduler. One run queue holds the tasks that are to run, ordered by the time
// (port millisecond tick) they may run and, at equal times, by when they were queued: a
// task just created or woken goes in at "now", behind the others due now; a sleeping task
// at its deadline. The loop takes the head when its time has come and resumes it once. A
// task that waits for something (another task, an event, a lock, a gather) is on no run
// queue: it is parked in that object's list of waiters, and whatever satisfies the wait
// (the task ending, set(), release()) moves it to the run queue.
//
// How awaiting works. `await x` compiles to GET_ITER + YIELD_FROM, so every awaitable here
// is (or returns) an *awaiter*: an iterator whose first __next__ runs inside the awaiting
// task and queues or parks that task (the value it yields to the loop is only a marker).
// When the task is resumed, __next__ is called again and gives the outcome of the wait
// (StopIteration(value), or an exception). cancel() makes the loop throw CancelledError
// into the task; the awaiter's throw() undoes the wait (leaves the waiter list, hands a
// lock on) and lets it through. Cancelling a task that awaits another task cancels the
// awaited one instead (the innermost), so the waiter sees the CancelledError as the result
// of its await; a task cannot cancel itself (RuntimeError, as MicroPython's asyncio).
//
// wait_for(aw, timeout) runs aw under a helper ("runner") task, which ends the waiting
// task's timed sleep when aw finishes, by cancelling it with CancelledError(status, value)
// that the wait_for awaiter turns into aw's value or exception; the timeout cancels aw.
// A task that ends with an exception that nobody awaits is reported to the loop's
// exception handler when the loop next reaches it.
#include "mpf_int.h"
#include "port.h"

// ---------------------------------------------------------------- objects
// What an awaiter waits for.
enum {
    AW_SLEEP,     // until now + ms (0: the next turn)
    AW_TASK,      // until target (a task) is done
    AW_EVENT,     // until target (an Event or ThreadSafeFlag) is set
    AW_LOCK,      // until target (a Lock) is handed to the task
    AW_GATHER,    // until every task of target (a tuple) is done, or one fails
    AW_WAIT_FOR,  // wait_for: target (a task) done, or ms elapsed
    AW_RUNNER,    // the coroutine of wait_for's runner task: awaits target, then ends owner's sleep
    AW_DONE,      // nothing: __next__ stops at once (Lock.__aexit__)
    AW_QGET,      // until target (a Queue) has an item: returns it
    AW_QPUT,      // until target (a Queue) has room for result: puts it
    AW_QJOIN,     // until target (a Queue) has no unfinished item
};

// wait_for's phases (awaiter_t.flag).
enum { WF_START, WF_SLEEP, WF_CANCELLING };

typedef struct awaiter {
    mpf_obj_base_t base;
    uint8_t kind;
    uint8_t yielded;          // the first __next__ has run
    uint8_t flag;             // GATHER: return_exceptions (bit 0), cancel the rest (bit 1);
                              // WAIT_FOR: the phase
    uint64_t ms;              // SLEEP, WAIT_FOR: the duration
    size_t remaining;         // GATHER: tasks still running
    mpf_obj_t target;
    mpf_obj_t result;         // SLEEP: sleep()'s value; GATHER: the exception that ends it
                              // or NULL; WAIT_FOR: the runner task
    mpf_obj_t owner;          // GATHER: the gathering task; RUNNER: the task in wait_for (NULL
                              // once it moved on)
} awaiter_t;

typedef struct task {
    mpf_obj_base_t base;
    mpf_obj_t coro;           // a coroutine, an awaiter (create_task(sleep(1))), or NULL (run_forever's stopper)
    mpf_obj_t data;           // once done: the result, or the exception
    mpf_obj_t throw_;         // thrown in when it next runs (CancelledError), or NULL
    mpf_obj_t waiters;        // list of the tasks awaiting it, or NULL
    mpf_obj_t gather;         // the gather awaiter it is part of, or NULL
    mpf_obj_t waiting_on;     // where it is parked (task, event, lock, gather awaiter) or NULL
    mpf_obj_t callbacks;      // list of add_done_callback()'s functions, or NULL
    uint64_t key;             // on the run queue: when it may run
    uintptr_t seq;            // on the run queue: order among equal keys
    uint8_t done, failed, queued;
    uint8_t retrieved;        // its outcome was taken (await, gather, result())
    uint8_t report;           // queued again to report an exception nobody awaited
    uint8_t call_back;        // queued again to call its done callbacks
} task_t;

typedef struct event {
    mpf_obj_base_t base;
    uintptr_t flag;
    mpf_obj_t waiters;        // list of parked tasks, or NULL
} event_t;

typedef struct lock {
    mpf_obj_base_t base;
    uintptr_t locked;
    mpf_obj_t waiters;        // list of parked tasks, or NULL
    mpf_obj_t handed;         // release() gave the lock to this parked task, not yet resumed
} lock_t;

// A Queue: its items (a list) and three Events its getters, putters and joiners park on.
typedef struct queue {
    mpf_obj_base_t base;
    mpf_int_t maxsize;        // <= 0: unbounded
    mpf_int_t unfinished;     // items put and not yet task_done()
    mpf_obj_t items;
    mpf_obj_t getters, putters, joiners;
} queue_t;

extern const mpf_type_t mpf_type_asyncio_task, mpf_type_asyncio_awaiter, mpf_type_asyncio_event,
    mpf_type_asyncio_tsf, mpf_type_asyncio_lock, mpf_type_asyncio_queue;

// The module's globals (kept alive by sys.modules): the run queue (_queue), the exception
// handler (_handler) and the exception classes live there, so the GC sees them.
static mpf_obj_t asyncio_globals;

// The run queue (a list, sorted by key then seq), also asyncio_globals["_queue"].
static mpf_obj_t run_queue;

// The tasks not done yet, in the order they were made (a list, also
// asyncio_globals["_tasks"]): those asyncio.run() cancels once its main task has ended.
static mpf_obj_t live_tasks;

// Insertion counter for task_t.seq.
static uintptr_t queue_seq;

// The task being resumed (current_task()), or NULL.
static mpf_obj_t current_task;

// A loop is running (run_until).
static bool loop_running;

// run_forever()'s stopper (a task without coroutine: the loop ends when it comes up), or NULL.
static mpf_obj_t stop_task;

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

static mpf_obj_t global_get(mpf_qstr_t name) {
    return asyncio_globals == MPF_OBJ_NULL ? MPF_OBJ_NULL : mpf_dict_get(asyncio_globals, mpf_obj_new_qstr(name));
}

// An asyncio exception class made on import (CancelledError, TimeoutError).
static const mpf_type_t *module_exc(mpf_qstr_t name, const mpf_type_t *fallback) {
    mpf_obj_t e = global_get(name);
    if (e != MPF_OBJ_NULL && mpf_obj_is_type(e, &mpf_type_type)) {
        return mpf_obj_ptr(e);
    }
    return fallback;
}

static const mpf_type_t *cancelled_error(void) {
    return module_exc(MPF_QSTR_CancelledError, &mpf_type_BaseException);
}

static task_t *task_of(mpf_obj_t o) {
    return mpf_obj_ptr(o);
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
        return mpf_float_to_u64(f, true);
    }
#endif
    mpf_int_t n = mpf_obj_get_int(o);
    return n <= 0 ? 0 : (uint64_t)n * unit_ms;
}

// ---------------------------------------------------------------- the run queue
static void queue_push(mpf_obj_t o, uint64_t key) {
    task_t *t = task_of(o);
    t->key = key;
    t->seq = ++queue_seq;
    t->queued = 1;
    mpf_list_append(run_queue, o);
    mpf_list_t *q = mpf_obj_ptr(run_queue);
    size_t i = q->len - 1;
    while (i > 0 && task_of(q->items[i - 1])->key > key) {
        q->items[i] = q->items[i - 1];
        i--;
    }
    q->items[i] = o;
}

static void list_remove(mpf_obj_t list, mpf_obj_t o) {
    mpf_list_t *l = mpf_obj_ptr(list);
    for (size_t i = 0; i < l->len; i++) {
        if (l->items[i] == o) {
            memmove(&l->items[i], &l->items[i + 1], (l->len - i - 1) * sizeof(mpf_obj_t));
            l->items[--l->len] = MPF_OBJ_NULL;
            return;
        }
    }
}

static void queue_remove(mpf_obj_t o) {
    list_remove(run_queue, o);
    task_of(o)->queued = 0;
}

static mpf_obj_t queue_pop(void) {
    mpf_list_t *q = mpf_obj_ptr(run_queue);
    mpf_obj_t o = q->items[0];
    memmove(&q->items[0], &q->items[1], (q->len - 1) * sizeof(mpf_obj_t));
    q->items[--q->len] = MPF_OBJ_NULL;
    task_of(o)->queued = 0;
    return o;
}

// ---------------------------------------------------------------- parking
// The waiter list field of a task, event or lock ([o]), or NULL (a gather awaiter).
static mpf_obj_t *waiters_field(mpf_obj_t o) {
    if (mpf_obj_is_type(o, &mpf_type_asyncio_task)) {
        return &task_of(o)->waiters;
    }
    if (mpf_obj_is_type(o, &mpf_type_asyncio_event) || mpf_obj_is_type(o, &mpf_type_asyncio_tsf)) {
        return &((event_t *)mpf_obj_ptr(o))->waiters;
    }
    if (mpf_obj_is_type(o, &mpf_type_asyncio_lock)) {
        return &((lock_t *)mpf_obj_ptr(o))->waiters;
    }
    return NULL;
}

// Park task [t] on [on] (in its waiter list, if it has one).
static void park(mpf_obj_t t, mpf_obj_t on) {
    mpf_obj_t *w = waiters_field(on);
    if (w != NULL) {
        if (*w == MPF_OBJ_NULL) {
            *w = mpf_obj_new_list(0, NULL);
        }
        mpf_list_append(*w, t);
    }
    task_of(t)->waiting_on = on;
}

static void unpark(mpf_obj_t t) {
    task_t *tt = task_of(t);
    if (tt->waiting_on != MPF_OBJ_NULL) {
        mpf_obj_t *w = waiters_field(tt->waiting_on);
        if (w != NULL && *w != MPF_OBJ_NULL) {
            list_remove(*w, t);
        }
        tt->waiting_on = MPF_OBJ_NULL;
    }
}

// Move every task parked in the list [*w] to the run queue, in order.
static bool wake_all(mpf_obj_t *w) {
    if (*w == MPF_OBJ_NULL) {
        return false;
    }
    mpf_list_t *l = mpf_obj_ptr(*w);
    bool any = l->len != 0;
    uint64_t now = now_ms();
    for (size_t i = 0; i < l->len; i++) {
        task_of(l->items[i])->waiting_on = MPF_OBJ_NULL;
        queue_push(l->items[i], now);
        l->items[i] = MPF_OBJ_NULL;
    }
    l->len = 0;
    return any;
}

// Move the first task parked on event [ev] (a queue's wait point) to the run queue.
static void wake_one(mpf_obj_t ev) {
    mpf_obj_t w = ((event_t *)mpf_obj_ptr(ev))->waiters;
    if (w != MPF_OBJ_NULL && ((mpf_list_t *)mpf_obj_ptr(w))->len != 0) {
        mpf_obj_t t = ((mpf_list_t *)mpf_obj_ptr(w))->items[0];
        list_remove(w, t);
        task_of(t)->waiting_on = MPF_OBJ_NULL;
        queue_push(t, now_ms());
    }
}

// The ThreadSafeFlags that tasks wait on (asyncio_globals["_flags"]), polled by the loop.
static mpf_obj_t flag_list(void) {
    mpf_obj_t l = global_get(MPF_QSTR__flags);
    if (l == MPF_OBJ_NULL) {
        l = mpf_obj_new_list(0, NULL);
        mpf_dict_store(asyncio_globals, mpf_obj_new_qstr(MPF_QSTR__flags), l);
    }
    return l;
}

// Wake the waiters of the ThreadSafeFlags that are set; forget the flags nobody waits on.
static void poll_flags(void) {
    mpf_obj_t fl = global_get(MPF_QSTR__flags);
    if (fl == MPF_OBJ_NULL) {
        return;
    }
    mpf_list_t *l = mpf_obj_ptr(fl);
    size_t k = 0;
    for (size_t i = 0; i < l->len; i++) {
        event_t *e = mpf_obj_ptr(l->items[i]);
        if (e->flag) {
            wake_all(&e->waiters);
        }
        if (e->waiters != MPF_OBJ_NULL && ((const mpf_list_t *)mpf_obj_ptr(e->waiters))->len != 0) {
            l->items[k++] = l->items[i];
        }
    }
    for (size_t i = k; i < l->len; i++) {
        l->items[i] = MPF_OBJ_NULL;
    }
    l->len = k;
}

// The running task (RuntimeError outside a task).
static mpf_obj_t running_task(void) {
    if (current_task == MPF_OBJ_NULL) {
        mpf_raise_msg(&mpf_type_RuntimeError, "no running event loop");
    }
    return current_task;
}

// ---------------------------------------------------------------- tasks
// A task running [coro] (a coroutine, an awaiter or an awaitable's iterator), queued to
// run now.
static mpf_obj_t task_new_any(mpf_obj_t coro) {
    task_t *t = mpf_new(task_t);
    t->base.type = &mpf_type_asyncio_task;
    t->coro = coro;
    t->data = MPF_OBJ_NONE;
    mpf_obj_t o = mpf_obj_from_ptr(t);
    queue_push(o, now_ms());
    mpf_list_append(live_tasks, o);
    return o;
}

// A task running coroutine [coro].
static mpf_obj_t task_new(mpf_obj_t coro) {
    if (!mpf_obj_is_type(coro, &mpf_type_gen) && !mpf_obj_is_type(coro, &mpf_type_asyncio_awaiter)) {
        mpf_raise_fmt(&mpf_type_TypeError, "a coroutine was expected, got %R", coro);
    }
    return task_new_any(coro);
}

// create_task(coro): only from a running loop, as CPython.
static mpf_obj_t asyncio_create_task(mpf_obj_t coro) {
    if (!loop_running) {
        mpf_raise_msg(&mpf_type_RuntimeError, "no running event loop");
    }
    return task_new(coro);
}

// A task for [aw]: a task itself, a new task running a coroutine, or one driving the
// iterator of another awaitable's __await__() (an async generator's __anext__()...).
static mpf_obj_t ensure_task(mpf_obj_t aw) {
    if (mpf_obj_is_type(aw, &mpf_type_asyncio_task)) {
        return aw;
    }
    if (mpf_obj_is_type(aw, &mpf_type_gen) || mpf_obj_is_type(aw, &mpf_type_asyncio_awaiter)) {
        return task_new(aw);
    }
    mpf_obj_t dest[2];
    mpf_load_method_maybe(aw, MPF_QSTR___await__, dest);
    if (dest[0] == MPF_OBJ_NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, "An asyncio.Future, a coroutine or an awaitable is required, not %T", aw);
    }
    mpf_obj_t it = mpf_call_method_n(0, 0, dest);
    if (!mpf_obj_is_type(it, &mpf_type_gen)) {
        it = mpf_getiter(it);
    }
    return task_new_any(it);
}

static void gather_child_done(mpf_obj_t gather, mpf_obj_t child);

// Have the loop call the done callbacks of done task [o] on its next turn (as CPython's
// call_soon): the task is queued again, marked.
static void schedule_callbacks(mpf_obj_t o) {
    task_t *t = task_of(o);
    t->call_back = 1;
    if (!t->queued) {
        queue_push(o, now_ms());
    }
}

// Task [o] ended with [data] (its exception if [failed]): wake what waits for it. An
// exception nobody waits for is reported when the loop next reaches the task.
static void task_finish(mpf_obj_t o, mpf_obj_t data, bool failed) {
    task_t *t = task_of(o);
    list_remove(live_tasks, o);
    t->done = 1;
    t->failed = failed;
    t->data = data;
    if (t->callbacks != MPF_OBJ_NULL && mpf_obj_len(t->callbacks) != 0) {
        schedule_callbacks(o);  // before the waiters wake, as CPython's usual order
    }
    bool waited = false;
    if (t->gather != MPF_OBJ_NULL) {
        gather_child_done(t->gather, o);
        waited = true;
    }
    if (wake_all(&t->waiters)) {
        waited = true;
    }
    if (!waited && failed && !mpf_exc_match(data, cancelled_error()) && !mpf_exc_match(data, &mpf_type_StopIteration)) {
        t->report = 1;
        if (!t->queued) {
            queue_push(o, now_ms());
        }
    }
}

// cancel(): CancelledError is thrown into the task (or, if it awaits a task, into the
// innermost awaited task) when it next runs, which is now.
static mpf_obj_t task_cancel(mpf_obj_t self) {
    task_t *t = task_of(self);
    if (t->done) {
        return MPF_OBJ_FALSE;
    }
    if (self == current_task) {
        mpf_raise_msg(&mpf_type_RuntimeError, "can't cancel self");
    }
    mpf_obj_t o = self;
    // (bounded: tasks awaiting each other in a ring would otherwise loop here)
    for (size_t n = 0; n < 4096 && task_of(o)->waiting_on != MPF_OBJ_NULL &&
                       mpf_obj_is_type(task_of(o)->waiting_on, &mpf_type_asyncio_task);
         n++) {
        o = task_of(o)->waiting_on;
    }
    t = task_of(o);
    uint64_t now = now_ms();
    if (t->waiting_on != MPF_OBJ_NULL) {
        unpark(o);
        queue_push(o, now);
    } else if (t->queued && t->key > now) {
        queue_remove(o);
        queue_push(o, now);
    }
    t->throw_ = mpf_obj_from_ptr(cancelled_error());
    return MPF_OBJ_TRUE;
}

static mpf_obj_t task_getiter(mpf_obj_t self) {
    return new_awaiter(AW_TASK, self);
}

static mpf_obj_t task_done(mpf_obj_t self) {
    return mpf_obj_bool(task_of(self)->done != 0);
}

// The outcome of done task [o]: its value, or its exception raised.
static mpf_obj_t task_outcome(mpf_obj_t o) {
    task_t *t = task_of(o);
    t->retrieved = 1;
    if (t->failed) {
        mpf_raise(t->data);
    }
    return t->data;
}

// asyncio.InvalidStateError() unless task [self] is done.
static void check_done(mpf_obj_t self) {
    if (!task_of(self)->done) {
        mpf_raise(mpf_exc_new(module_exc(MPF_QSTR_InvalidStateError, &mpf_type_RuntimeError), 0, NULL));
    }
}

static mpf_obj_t task_result(mpf_obj_t self) {
    check_done(self);
    return task_outcome(self);
}

// exception(): the exception a done task ended with, or None; a cancelled task raises its
// CancelledError.
static mpf_obj_t task_exception(mpf_obj_t self) {
    check_done(self);
    task_t *t = task_of(self);
    t->retrieved = 1;
    if (!t->failed) {
        return MPF_OBJ_NONE;
    }
    if (mpf_exc_match(t->data, cancelled_error())) {
        mpf_raise(t->data);
    }
    return t->data;
}

// get_coro(): the coroutine the task runs (None for run_forever's stopper).
static mpf_obj_t task_get_coro(mpf_obj_t self) {
    mpf_obj_t c = task_of(self)->coro;
    return c == MPF_OBJ_NULL ? MPF_OBJ_NONE : c;
}

// add_done_callback(fn): fn(task) is called once the task is done (on the loop's next
// turn if it is done already); remove_done_callback(fn): how many were removed.
static mpf_obj_t task_add_done_callback(mpf_obj_t self, mpf_obj_t fn) {
    task_t *t = task_of(self);
    if (!mpf_obj_is_callable(fn)) {
        mpf_raise_fmt(&mpf_type_TypeError, "'%T' object is not callable", fn);
    }
    if (t->callbacks == MPF_OBJ_NULL) {
        t->callbacks = mpf_obj_new_list(0, NULL);
    }
    mpf_list_append(t->callbacks, fn);
    if (t->done) {
        schedule_callbacks(self);
    }
    return MPF_OBJ_NONE;
}

static mpf_obj_t task_remove_done_callback(mpf_obj_t self, mpf_obj_t fn) {
    task_t *t = task_of(self);
    mpf_int_t n = 0;
    if (t->callbacks != MPF_OBJ_NULL) {
        mpf_list_t *l = mpf_obj_ptr(t->callbacks);
        size_t j = 0;
        for (size_t i = 0; i < l->len; i++) {
            mpf_obj_t item = l->items[i];
            if (mpf_obj_equal(item, fn)) {
                n++;
            } else {
                l->items[j++] = item;
            }
        }
        for (size_t i = j; i < l->len; i++) {
            l->items[i] = MPF_OBJ_NULL;
        }
        l->len = j;
    }
    return mpf_obj_new_small_int(n);
}

// set_result() and set_exception(): a task's outcome is its coroutine's, so both refuse.
static mpf_obj_t task_set_outcome(mpf_obj_t self, mpf_obj_t value) {
    (void)self;
    (void)value;
    mpf_raise(mpf_exc_new(&mpf_type_RuntimeError, 0, NULL));
}

// Task.coro (read-only) and Task.data: the outcome of a done task (its result or its
// exception), readable and writable.
static void task_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    task_t *t = task_of(self);
    if (attr == MPF_QSTR_coro && dest[0] == MPF_OBJ_NULL) {
        dest[0] = task_get_coro(self);
        return;
    }
    if (attr != MPF_QSTR_data || !t->done) {
        return;
    }
    if (dest[0] == MPF_OBJ_NULL) {
        dest[0] = t->data;
    } else if (dest[1] != MPF_OBJ_NULL) {
        t->data = dest[1];
        t->failed = mpf_obj_is_exception(dest[1]);
        dest[0] = MPF_OBJ_NULL;
    }
}

static mpf_obj_t task_cancelled(mpf_obj_t self) {
    const task_t *t = task_of(self);
    return mpf_obj_bool(t->done && t->failed && mpf_exc_match(t->data, cancelled_error()));
}

static void task_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    mpf_printf(p, "<Task %s>", task_of(self)->done ? "finished" : "pending");
}

static const mpf_rom_map_elem_t task_locals_table[] = {
    MPF_ROM_FUN_1(MPF_QSTR_done, task_done),
    MPF_ROM_FUN_1(MPF_QSTR_result, task_result),
    MPF_ROM_FUN_1(MPF_QSTR_exception, task_exception),
    MPF_ROM_FUN_1(MPF_QSTR_get_coro, task_get_coro),
    MPF_ROM_FUN_2(MPF_QSTR_set_result, task_set_outcome),
    MPF_ROM_FUN_2(MPF_QSTR_set_exception, task_set_outcome),
    MPF_ROM_FUN_1(MPF_QSTR_cancel, task_cancel),
    MPF_ROM_FUN_1(MPF_QSTR_cancelled, task_cancelled),
    MPF_ROM_FUN_2(MPF_QSTR_add_done_callback, task_add_done_callback),
    MPF_ROM_FUN_2(MPF_QSTR_remove_done_callback, task_remove_done_callback),
};
MPF_ROM_MAP(task_locals, task_locals_table);

const mpf_type_t mpf_type_asyncio_task = MPF_TYPE(MPF_QSTR_Task, 0,
    (print, task_print),
    (attr, task_attr),
    (getiter, task_getiter),
    (locals, &task_locals));

// ---------------------------------------------------------------- gather
// [child] of gather awaiter [g] ended: a failure (without return_exceptions) or the last
// child wakes the gathering task, unless it was woken already.
static void gather_child_done(mpf_obj_t g, mpf_obj_t child) {
    awaiter_t *a = mpf_obj_ptr(g);
    task_t *owner = task_of(a->owner);
    if (owner->waiting_on != g) {
        return;
    }
    const task_t *c = task_of(child);
    if (c->failed && !(a->flag & 1)) {
        a->result = c->data;
    } else if (--a->remaining > 0) {
        return;
    }
    owner->waiting_on = MPF_OBJ_NULL;
    queue_push(a->owner, now_ms());
}

// The end of gather [a]: detach the children still running (cancelling them if the
// gather was cancelled); the exception that ended it raised, or the list of outcomes.
static mpf_obj_t gather_finish(awaiter_t *a) {
    mpf_obj_t g = mpf_obj_from_ptr(a);
    const mpf_tuple_t *ts = mpf_obj_ptr(a->target);
    mpf_obj_t results = mpf_obj_new_list(ts->len, NULL);
    mpf_list_t *rl = mpf_obj_ptr(results);
    for (size_t i = 0; i < ts->len; i++) {
        task_t *c = task_of(ts->items[i]);
        if (c->gather == g) {
            c->gather = MPF_OBJ_NULL;
        }
        if (!c->done) {
            if (a->flag & 2) {
                task_cancel(ts->items[i]);
            }
            rl->items[i] = MPF_OBJ_NONE;
            continue;
        }
        c->retrieved = 1;
        rl->items[i] = c->data;
    }
    if (a->result != MPF_OBJ_NULL) {
        mpf_raise(a->result);
    }
    return results;
}

// First step of gather [a] in the gathering task: the children that still run report to
// it; it waits unless none runs or one has failed already.
static bool gather_start(awaiter_t *a, mpf_obj_t *ret) {
    mpf_obj_t g = mpf_obj_from_ptr(a);
    const mpf_tuple_t *ts = mpf_obj_ptr(a->target);
    a->owner = running_task();
    a->result = MPF_OBJ_NULL;
    for (size_t i = 0; i < ts->len; i++) {
        task_t *c = task_of(ts->items[i]);
        if (c->done) {
            if (c->failed && !(a->flag & 1)) {
                a->result = c->data;
                break;
            }
            continue;
        }
        if (c->gather == g) {
            continue;  // the same task twice: counted once
        }
        if (c->gather != MPF_OBJ_NULL || (c->waiters != MPF_OBJ_NULL && ((const mpf_list_t *)mpf_obj_ptr(c->waiters))->len)) {
            for (size_t j = 0; j < i; j++) {
                if (task_of(ts->items[j])->gather == g) {
                    task_of(ts->items[j])->gather = MPF_OBJ_NULL;
                }
            }
            mpf_raise_msg(&mpf_type_RuntimeError, "can't gather");
        }
        c->gather = g;
        a->remaining++;
    }
    if (a->remaining > 0 && a->result == MPF_OBJ_NULL) {
        park(a->owner, g);
        return true;
    }
    *ret = gather_finish(a);
    return false;
}

// gather(*aws, return_exceptions=False): every awaitable becomes a task now.
static mpf_obj_t asyncio_gather(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t re = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_return_exceptions);
    mpf_obj_t tasks = mpf_obj_new_tuple(n_args, NULL);
    mpf_tuple_t *t = mpf_obj_ptr(tasks);
    for (size_t i = 0; i < n_args; i++) {
        t->items[i] = ensure_task(args[i]);
    }
    mpf_obj_t a = new_awaiter(AW_GATHER, tasks);
    ((awaiter_t *)mpf_obj_ptr(a))->result = MPF_OBJ_NULL;
    ((awaiter_t *)mpf_obj_ptr(a))->flag = re != MPF_OBJ_NULL && mpf_obj_is_true(re);
    return a;
}

// ---------------------------------------------------------------- locks
static mpf_obj_t lock_release(mpf_obj_t self) {
    lock_t *l = mpf_obj_ptr(self);
    if (!l->locked || l->handed != MPF_OBJ_NULL) {
        mpf_raise_msg(&mpf_type_RuntimeError, "Lock not acquired");
    }
    mpf_list_t *w = l->waiters == MPF_OBJ_NULL ? NULL : mpf_obj_ptr(l->waiters);
    if (w != NULL && w->len != 0) {
        // hand the lock to the first waiter
        mpf_obj_t next = w->items[0];
        list_remove(l->waiters, next);
        task_of(next)->waiting_on = MPF_OBJ_NULL;
        l->handed = next;
        queue_push(next, now_ms());
    } else {
        l->locked = 0;
    }
    return MPF_OBJ_NONE;
}

// ---------------------------------------------------------------- wait_for
// The status wait_for's runner hands over: CancelledError(True, value) or
// CancelledError(exception, None); NULL for a plain CancelledError (an outside cancel).
static mpf_obj_t runner_status(mpf_obj_t exc, mpf_obj_t *value) {
    if (!mpf_exc_match(exc, cancelled_error()) || !mpf_obj_is_exception(exc)) {
        return MPF_OBJ_NULL;
    }
    const mpf_exc_t *e = mpf_obj_ptr(exc);
    const mpf_tuple_t *args = mpf_obj_ptr(e->args);
    if (args->len != 2 || args->items[0] == MPF_OBJ_NONE) {
        return MPF_OBJ_NULL;
    }
    *value = args->items[1];
    return args->items[0];
}

// The runner's step once [inner] is done (or could not be awaited: [err]): end the
// waiting task's sleep with the outcome, unless it moved on.
static void runner_report(awaiter_t *a, mpf_obj_t err) {
    task_t *inner = task_of(a->target);
    mpf_obj_t status[2] = {MPF_OBJ_TRUE, MPF_OBJ_NONE};
    if (err != MPF_OBJ_NULL) {
        status[0] = err;
    } else if (inner->failed) {
        status[0] = inner->data;
    } else {
        status[1] = inner->data;
    }
    inner->retrieved = 1;
    if (a->owner == MPF_OBJ_NULL) {
        return;
    }
    task_t *w = task_of(a->owner);
    if (!w->done && w->throw_ == MPF_OBJ_NULL && w->waiting_on == MPF_OBJ_NULL && task_cancel(a->owner) == MPF_OBJ_TRUE) {
        w->throw_ = mpf_exc_new(cancelled_error(), 2, status);
    }
}

// wait_for awaiter [a] returns before its runner reported: the runner must not end the
// waiting task's sleep any more.
static void wait_for_detach(awaiter_t *a) {
    const task_t *runner = task_of(a->result);
    if (!runner->done && runner->coro != MPF_OBJ_NULL && mpf_obj_is_type(runner->coro, &mpf_type_asyncio_awaiter)) {
        ((awaiter_t *)mpf_obj_ptr(runner->coro))->owner = MPF_OBJ_NULL;
    }
}

// ---------------------------------------------------------------- awaiters
// One step of awaiter [a] in the running task, resumed normally ([throw_] NULL) or with
// [throw_] thrown in: true when the task must wait (it is queued or parked), false when
// the await is over with *ret its value. Raises the await's exception.
// ---------------------------------------------------------------- Queue
static bool queue_full(const queue_t *q) {
    return q->maxsize > 0 && (mpf_int_t)((mpf_list_t *)mpf_obj_ptr(q->items))->len >= q->maxsize;
}

// The oldest item of non-empty [q], taken out; a putter waiting for room is woken.
static mpf_obj_t queue_take(queue_t *q) {
    mpf_list_t *l = mpf_obj_ptr(q->items);
    mpf_obj_t v = l->items[0];
    memmove(&l->items[0], &l->items[1], (l->len - 1) * sizeof(mpf_obj_t));
    l->items[--l->len] = MPF_OBJ_NULL;
    wake_one(q->putters);
    return v;
}

// [v] appended to [q] (which has room); a getter waiting for an item is woken.
static void queue_add(queue_t *q, mpf_obj_t v) {
    mpf_list_append(q->items, v);
    q->unfinished++;
    wake_one(q->getters);
}

// get(), put() and join(): done at once when they can be, else parked on the queue's
// event until woken, then tried again (another task may have been first).
static bool queue_step(awaiter_t *a, mpf_obj_t throw_, mpf_obj_t *ret) {
    queue_t *q = mpf_obj_ptr(a->target);
    mpf_obj_t me = running_task();
    mpf_obj_t ev = a->kind == AW_QGET ? q->getters : a->kind == AW_QPUT ? q->putters : q->joiners;
    if (throw_ != MPF_OBJ_NULL) {
        if (task_of(me)->waiting_on == ev) {
            unpark(me);
        }
        mpf_raise(throw_);
    }
    if (a->kind == AW_QGET && ((mpf_list_t *)mpf_obj_ptr(q->items))->len != 0) {
        *ret = queue_take(q);
        return false;
    }
    if (a->kind == AW_QPUT && !queue_full(q)) {
        queue_add(q, a->result);
        return false;
    }
    if (a->kind == AW_QJOIN && q->unfinished == 0) {
        return false;
    }
    park(me, ev);
    return true;
}

static bool awaiter_step(awaiter_t *a, mpf_obj_t throw_, mpf_obj_t *ret) {
    bool first = !a->yielded;
    if (a->kind != AW_DONE) {
        running_task();  // every wait needs a task (RuntimeError outside the loop)
    }
    a->yielded = 1;
    *ret = MPF_OBJ_NONE;
    if (throw_ != MPF_OBJ_NULL) {
        throw_ = mpf_exc_instantiate(throw_, MPF_OBJ_NULL);
    }
    switch (a->kind) {
        case AW_SLEEP:
            if (throw_ != MPF_OBJ_NULL) {
                mpf_raise(throw_);
            }
            if (first) {
                queue_push(running_task(), now_ms() + a->ms);
                return true;
            }
            *ret = a->result;
            return false;
        case AW_TASK: {
            mpf_obj_t me = running_task();
            if (throw_ != MPF_OBJ_NULL) {
                if (task_of(me)->waiting_on == a->target) {
                    unpark(me);
                }
                mpf_raise(throw_);
            }
            if (task_of(a->target)->done) {
                *ret = task_outcome(a->target);
                return false;
            }
            if (task_of(a->target)->gather != MPF_OBJ_NULL) {
                mpf_raise_msg(&mpf_type_RuntimeError, "can't wait");
            }
            if (a->target == me) {
                mpf_raise_msg(&mpf_type_RuntimeError, "Task cannot await on itself");
            }
            park(me, a->target);
            return true;
        }
        case AW_EVENT: {
            event_t *e = mpf_obj_ptr(a->target);
            mpf_obj_t me = running_task();
            bool tsf = e->base.type == &mpf_type_asyncio_tsf;
            if (throw_ != MPF_OBJ_NULL) {
                if (task_of(me)->waiting_on == a->target) {
                    unpark(me);
                }
                mpf_raise(throw_);
            }
            if (first && !e->flag) {
                park(me, a->target);
                if (tsf) {
                    // the loop polls it (a ThreadSafeFlag's set() wakes nobody itself)
                    mpf_list_append(flag_list(), a->target);
                }
                return true;
            }
            if (tsf) {
                e->flag = 0;  // a ThreadSafeFlag wakes one wait() per set()
            }
            *ret = MPF_OBJ_TRUE;
            return false;
        }
        case AW_LOCK: {
            lock_t *l = mpf_obj_ptr(a->target);
            mpf_obj_t me = running_task();
            if (throw_ != MPF_OBJ_NULL) {
                if (task_of(me)->waiting_on == a->target) {
                    unpark(me);
                }
                if (l->handed == me) {
                    // cancelled after release() chose it: pass the lock on
                    l->handed = MPF_OBJ_NULL;
                    lock_release(a->target);
                }
                mpf_raise(throw_);
            }
            if (first) {
                if (!l->locked) {
                    l->locked = 1;
                    *ret = MPF_OBJ_TRUE;
                    return false;
                }
                park(me, a->target);
                return true;
            }
            if (l->handed == me) {
                l->handed = MPF_OBJ_NULL;
            }
            *ret = MPF_OBJ_TRUE;
            return false;
        }
        case AW_GATHER:
            if (throw_ != MPF_OBJ_NULL) {
                unpark(running_task());
                if (mpf_exc_match(throw_, cancelled_error())) {
                    a->flag |= 2;  // cancelling a gather cancels its children
                }
                a->result = throw_;
                gather_finish(a);
                mpf_raise(throw_);
            }
            if (first) {
                return gather_start(a, ret);
            }
            *ret = gather_finish(a);
            return false;
        case AW_WAIT_FOR: {
            mpf_obj_t me = running_task();
            if (throw_ != MPF_OBJ_NULL) {
                if (a->flag == WF_SLEEP) {
                    mpf_obj_t value = MPF_OBJ_NULL;
                    mpf_obj_t status = runner_status(throw_, &value);
                    if (status == MPF_OBJ_TRUE) {
                        *ret = value;
                        return false;
                    }
                    if (status != MPF_OBJ_NULL) {
                        mpf_raise(status);
                    }
                    // cancelled from outside: if the task has just ended, its outcome is the
                    // await's (CPython 3.11); otherwise it is cancelled behind the raise
                    // (MicroPython: at once, not once the task has ended)
                    task_t *inner = task_of(a->target);
                    if (inner->done && !(inner->failed && mpf_exc_match(inner->data, cancelled_error()))) {
                        wait_for_detach(a);
                        inner->retrieved = 1;
                        *ret = task_outcome(a->target);
                        return false;
                    }
                    task_cancel(a->result);
                } else if (task_of(me)->waiting_on != MPF_OBJ_NULL) {
                    unpark(me);
                }
                mpf_raise(throw_);
            }
            if (first) {
                // the runner awaits the task; this task sleeps until the timeout or until
                // the runner ends the sleep
                mpf_obj_t r = new_awaiter(AW_RUNNER, a->target);
                ((awaiter_t *)mpf_obj_ptr(r))->owner = me;
                a->result = task_new(r);
                queue_push(me, now_ms() + a->ms);
                a->flag = WF_SLEEP;
                return true;
            }
            if (a->flag == WF_SLEEP) {
                // timed out: cancel the task, wait for the runner to see it end
                a->flag = WF_CANCELLING;
                task_cancel(a->result);
                if (!task_of(a->result)->done) {
                    park(me, a->result);
                    return true;
                }
            }
            if (task_of(a->result)->failed) {
                mpf_raise(task_of(a->result)->data);
            }
            // the task has ended: TimeoutError if the cancel ended it, else its own outcome
            // (it caught the CancelledError: CPython 3.11 returns its value)
            task_t *inner = task_of(a->target);
            if (inner->done && !(inner->failed && mpf_exc_match(inner->data, cancelled_error()))) {
                *ret = task_outcome(a->target);
                return false;
            }
            mpf_raise(mpf_exc_new(module_exc(MPF_QSTR_TimeoutError, &mpf_type_OSError), 0, NULL));
        }
        case AW_RUNNER: {
            mpf_obj_t me = running_task();
            if (throw_ != MPF_OBJ_NULL) {
                unpark(me);
                mpf_raise(throw_);
            }
            if (first && !task_of(a->target)->done) {
                if (task_of(a->target)->gather != MPF_OBJ_NULL) {
                    runner_report(a, mpf_exc_new_msg(&mpf_type_RuntimeError, "can't wait"));
                    return false;
                }
                park(me, a->target);
                return true;
            }
            runner_report(a, MPF_OBJ_NULL);
            return false;
        }
        case AW_QGET:
        case AW_QPUT:
        case AW_QJOIN:
            return queue_step(a, throw_, ret);
        default:
            if (throw_ != MPF_OBJ_NULL) {
                mpf_raise(throw_);
            }
            return false;
    }
}

// __next__ and send(): a step of the wait; the awaiter itself is what the task yields.
static mpf_obj_t awaiter_next_value(mpf_obj_t self, mpf_obj_t throw_) {
    mpf_obj_t ret;
    if (awaiter_step(mpf_obj_ptr(self), throw_, &ret)) {
        return self;
    }
    if (ret == MPF_OBJ_NONE) {
        return MPF_OBJ_STOP;
    }
    mpf_raise_stop_iteration(ret);
}

static mpf_obj_t awaiter_iternext(mpf_obj_t self) {
    return awaiter_next_value(self, MPF_OBJ_NULL);
}

static mpf_obj_t awaiter_method_result(mpf_obj_t self, mpf_obj_t throw_) {
    mpf_obj_t r = awaiter_next_value(self, throw_);
    if (r == MPF_OBJ_STOP) {
        mpf_raise_stop_iteration(MPF_OBJ_NONE);
    }
    return r;
}

static mpf_obj_t awaiter_send(mpf_obj_t self, mpf_obj_t value) {
    (void)value;
    return awaiter_method_result(self, MPF_OBJ_NULL);
}

// throw(exc): how a cancel reaches the wait.
static mpf_obj_t awaiter_throw(size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t exc = args[1];
    if (n_args > 2 && args[2] != MPF_OBJ_NONE) {
        exc = mpf_exc_instantiate(args[1], args[2]);
    }
    return awaiter_method_result(args[0], exc);
}

static const mpf_rom_map_elem_t awaiter_locals_table[] = {
    MPF_ROM_FUN_2(MPF_QSTR_send, awaiter_send),
    MPF_ROM_FUN_VAR(MPF_QSTR_throw, 2, 4, awaiter_throw),
};
MPF_ROM_MAP(awaiter_locals, awaiter_locals_table);

const mpf_type_t mpf_type_asyncio_awaiter = MPF_TYPE(MPF_QSTR_awaitable, 0,
    (getiter, mpf_iter_self),
    (iternext, awaiter_iternext),
    (locals, &awaiter_locals));

// ---------------------------------------------------------------- sleeping, waiting
static mpf_obj_t sleep_for(uint64_t ms, mpf_obj_t result) {
    mpf_obj_t a = new_awaiter(AW_SLEEP, MPF_OBJ_NULL);
    awaiter_t *aw = mpf_obj_ptr(a);
    aw->ms = ms;
    aw->result = result;
    return a;
}

// sleep(delay, result=None)
static mpf_obj_t asyncio_sleep(size_t n_args, const mpf_obj_t *args) {
    return sleep_for(duration_arg(args[0], 1000), n_args > 1 ? args[1] : MPF_OBJ_NONE);
}

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

static mpf_obj_t wait_for(mpf_obj_t aw, uint64_t ms) {
    mpf_obj_t a = new_awaiter(AW_WAIT_FOR, ensure_task(aw));
    ((awaiter_t *)mpf_obj_ptr(a))->ms = ms;
    return a;
}

// wait_for(aw, timeout): None waits for ever.
static mpf_obj_t asyncio_wait_for(mpf_obj_t aw, mpf_obj_t timeout) {
    if (timeout == MPF_OBJ_NONE) {
        return new_awaiter(AW_TASK, ensure_task(aw));
    }
    return wait_for(aw, duration_arg(timeout, 1000));
}

static mpf_obj_t asyncio_wait_for_ms(mpf_obj_t aw, mpf_obj_t timeout) {
    return wait_for(aw, duration_ms_arg(timeout));
}

// ---------------------------------------------------------------- Event
static mpf_obj_t event_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)args;
    mpf_arg_check_num(n_args, n_kw, 0, 0, false);
    event_t *e = mpf_new(event_t);
    e->base.type = type;  // Event or ThreadSafeFlag
    return mpf_obj_from_ptr(e);
}

// set(): every waiter runs (even if clear() comes before it does). A ThreadSafeFlag's
// waiter is woken by the loop when it next polls (set() may come from a callback that
// micropython.schedule() runs at any point).
static mpf_obj_t event_set(mpf_obj_t self) {
    event_t *e = mpf_obj_ptr(self);
    e->flag = 1;
    if (e->base.type == &mpf_type_asyncio_event) {
        wake_all(&e->waiters);
    }
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

static mpf_obj_t event_wait(mpf_obj_t self) {
    return new_awaiter(AW_EVENT, self);
}
MPF_FUN_1(event_wait_obj, MPF_QSTR_wait, event_wait);

static const mpf_rom_map_elem_t event_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_set), MPF_ROM_PTR(&event_set_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_clear), MPF_ROM_PTR(&event_clear_obj)},
    MPF_ROM_FUN_1(MPF_QSTR_is_set, event_is_set),
    {MPF_ROM_QSTR(MPF_QSTR_wait), MPF_ROM_PTR(&event_wait_obj)},
};
MPF_ROM_MAP(event_locals, event_locals_table);

const mpf_type_t mpf_type_asyncio_event = MPF_TYPE(MPF_QSTR_Event, 0,
    (make_new, event_make_new),
    (locals, &event_locals));

// ThreadSafeFlag (MicroPython): an Event whose wait() clears it again on return; set()
// may come from micropython.schedule().
static const mpf_rom_map_elem_t tsf_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_set), MPF_ROM_PTR(&event_set_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_clear), MPF_ROM_PTR(&event_clear_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_wait), MPF_ROM_PTR(&event_wait_obj)},
};
MPF_ROM_MAP(tsf_locals, tsf_locals_table);

const mpf_type_t mpf_type_asyncio_tsf = MPF_TYPE(MPF_QSTR_ThreadSafeFlag, 0,
    (make_new, event_make_new),
    (locals, &tsf_locals));

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


// locked(): False while the lock is being handed to a waiter that has not run yet.
static mpf_obj_t lock_locked(mpf_obj_t self) {
    const lock_t *l = mpf_obj_ptr(self);
    return mpf_obj_bool(l->locked != 0 && l->handed == MPF_OBJ_NULL);
}

// async with lock: __aenter__ awaits acquire(); __aexit__ releases at once.
static mpf_obj_t lock_aexit(size_t n_args, const mpf_obj_t *args) {
    (void)n_args;
    lock_release(args[0]);
    return new_awaiter(AW_DONE, MPF_OBJ_NULL);
}

static const mpf_rom_map_elem_t lock_locals_table[] = {
    MPF_ROM_FUN_1(MPF_QSTR_acquire, lock_acquire),
    MPF_ROM_FUN_1(MPF_QSTR_release, lock_release),
    MPF_ROM_FUN_1(MPF_QSTR_locked, lock_locked),
    MPF_ROM_FUN_1(MPF_QSTR___aenter__, lock_acquire),
    MPF_ROM_FUN_VAR(MPF_QSTR___aexit__, 1, 4, lock_aexit),
};
MPF_ROM_MAP(lock_locals, lock_locals_table);

const mpf_type_t mpf_type_asyncio_lock = MPF_TYPE(MPF_QSTR_Lock, 0,
    (make_new, lock_make_new),
    (locals, &lock_locals));


// ---------------------------------------------------------------- Queue (the type)
static mpf_obj_t new_wait_point(void) {
    return event_make_new(&mpf_type_asyncio_event, 0, 0, NULL);
}

static mpf_obj_t queue_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_maxsize};
    mpf_obj_t m;
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_Queue, 0), 1, 1, kws, &m);
    queue_t *q = mpf_new(queue_t);
    q->base.type = type;
    q->maxsize = m == MPF_OBJ_NULL ? 0 : mpf_obj_get_int(m);
    q->items = mpf_obj_new_list(0, NULL);
    q->getters = new_wait_point();
    q->putters = new_wait_point();
    q->joiners = new_wait_point();
    return mpf_obj_from_ptr(q);
}

static queue_t *queue_of(mpf_obj_t o) {
    return mpf_obj_ptr(o);
}

static size_t queue_len(mpf_obj_t self) {
    return ((mpf_list_t *)mpf_obj_ptr(queue_of(self)->items))->len;
}

static mpf_obj_t queue_qsize(mpf_obj_t self) {
    return mpf_obj_new_int((mpf_int_t)queue_len(self));
}

static mpf_obj_t queue_empty(mpf_obj_t self) {
    return mpf_obj_bool(queue_len(self) == 0);
}

static mpf_obj_t queue_full_m(mpf_obj_t self) {
    return mpf_obj_bool(queue_full(queue_of(self)));
}

static mpf_obj_t queue_get_nowait(mpf_obj_t self) {
    if (queue_len(self) == 0) {
        mpf_raise(mpf_exc_new(module_exc(MPF_QSTR_QueueEmpty, &mpf_type_Exception), 0, NULL));
    }
    return queue_take(queue_of(self));
}

static mpf_obj_t queue_put_nowait(mpf_obj_t self, mpf_obj_t v) {
    if (queue_full(queue_of(self))) {
        mpf_raise(mpf_exc_new(module_exc(MPF_QSTR_QueueFull, &mpf_type_Exception), 0, NULL));
    }
    queue_add(queue_of(self), v);
    return MPF_OBJ_NONE;
}

static mpf_obj_t queue_task_done(mpf_obj_t self) {
    queue_t *q = queue_of(self);
    if (q->unfinished <= 0) {
        mpf_raise_msg(&mpf_type_ValueError, "task_done() called too many times");
    }
    if (--q->unfinished == 0) {
        wake_all(&((event_t *)mpf_obj_ptr(q->joiners))->waiters);
    }
    return MPF_OBJ_NONE;
}

static mpf_obj_t queue_get(mpf_obj_t self) {
    return new_awaiter(AW_QGET, self);
}

static mpf_obj_t queue_put(mpf_obj_t self, mpf_obj_t v) {
    mpf_obj_t a = new_awaiter(AW_QPUT, self);
    ((awaiter_t *)mpf_obj_ptr(a))->result = v;
    return a;
}

static mpf_obj_t queue_join(mpf_obj_t self) {
    return new_awaiter(AW_QJOIN, self);
}

static void queue_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (attr == MPF_QSTR_maxsize && dest[0] == MPF_OBJ_NULL) {
        dest[0] = mpf_obj_new_int(queue_of(self)->maxsize);
    }
}

static const mpf_rom_map_elem_t queue_locals_table[] = {
    MPF_ROM_FUN_1(MPF_QSTR_qsize, queue_qsize),
    MPF_ROM_FUN_1(MPF_QSTR_empty, queue_empty),
    MPF_ROM_FUN_1(MPF_QSTR_full, queue_full_m),
    MPF_ROM_FUN_1(MPF_QSTR_get, queue_get),
    MPF_ROM_FUN_2(MPF_QSTR_put, queue_put),
    MPF_ROM_FUN_1(MPF_QSTR_get_nowait, queue_get_nowait),
    MPF_ROM_FUN_2(MPF_QSTR_put_nowait, queue_put_nowait),
    MPF_ROM_FUN_1(MPF_QSTR_task_done, queue_task_done),
    MPF_ROM_FUN_1(MPF_QSTR_join, queue_join),
};
MPF_ROM_MAP(queue_locals, queue_locals_table);

const mpf_type_t mpf_type_asyncio_queue = MPF_TYPE(MPF_QSTR_Queue, 0,
    (make_new, queue_make_new),
    (attr, queue_attr),
    (locals, &queue_locals));

// ---------------------------------------------------------------- the loop
// The exception handler: asyncio_globals["_handler"], None for the default.
static mpf_obj_t exc_handler(void) {
    mpf_obj_t h = global_get(MPF_QSTR__handler);
    return h == MPF_OBJ_NULL ? MPF_OBJ_NONE : h;
}

static void check_context(mpf_obj_t context) {
    if (!mpf_obj_is_type(context, &mpf_type_dict)) {
        mpf_raise_fmt(&mpf_type_TypeError, "context must be a dict, not %R", context);
    }
}

static mpf_obj_t loop_default_exception_handler(mpf_obj_t self, mpf_obj_t context) {
    (void)self;
    check_context(context);
    const mpf_print_t *p = &mpf_print_stderr;
    mpf_obj_t msg = mpf_dict_get(context, mpf_obj_new_qstr(MPF_QSTR_message));
    mpf_obj_t fut = mpf_dict_get(context, mpf_obj_new_qstr(MPF_QSTR_future));
    mpf_obj_t exc = mpf_dict_get(context, mpf_obj_new_qstr(MPF_QSTR_exception));
    if (msg != MPF_OBJ_NULL) {
        mpf_obj_print(p, msg, MPF_PRINT_STR);
        mpf_print_str(p, "\n");
    }
    if (fut != MPF_OBJ_NULL) {
        mpf_print_str(p, "future: ");
        mpf_obj_print(p, fut, MPF_PRINT_REPR);
        if (mpf_obj_is_type(fut, &mpf_type_asyncio_task) && task_of(fut)->coro != MPF_OBJ_NULL) {
            mpf_print_str(p, " coro= ");
            mpf_obj_print(p, task_of(fut)->coro, MPF_PRINT_REPR);
        }
        mpf_print_str(p, "\n");
    }
    if (exc != MPF_OBJ_NULL && mpf_obj_is_exception(exc)) {
        mpf_exc_print_tb(p, exc);
    }
    return MPF_OBJ_NONE;
}

static mpf_obj_t loop_call_exception_handler(mpf_obj_t self, mpf_obj_t context) {
    check_context(context);
    mpf_obj_t h = exc_handler();
    if (h == MPF_OBJ_NONE) {
        return loop_default_exception_handler(self, context);
    }
    return mpf_call2(h, self, context);
}

static mpf_obj_t asyncio_get_event_loop(void);

// Report the exception that ended task [o] if nobody took it meanwhile.
static void report_exception(mpf_obj_t o) {
    task_t *t = task_of(o);
    t->report = 0;
    if (t->retrieved) {
        return;
    }
    t->retrieved = 1;
    mpf_obj_t ctx = mpf_obj_new_dict(3);
    mpf_obj_t msg = mpf_obj_new_str("Task exception wasn't retrieved", 31);
    mpf_dict_store(ctx, mpf_obj_new_qstr(MPF_QSTR_message), msg);
    mpf_dict_store(ctx, mpf_obj_new_qstr(MPF_QSTR_exception), t->data);
    mpf_dict_store(ctx, mpf_obj_new_qstr(MPF_QSTR_future), o);
    loop_call_exception_handler(asyncio_get_event_loop(), ctx);
}

// Call the done callbacks of task [o] (a copy of the list: a callback may change it); an
// exception one raises goes to the loop's exception handler, as CPython's.
static void call_callbacks(mpf_obj_t o) {
    task_t *t = task_of(o);
    t->call_back = 0;
    if (t->callbacks == MPF_OBJ_NULL) {
        return;
    }
    mpf_obj_t fns = mpf_tuple_from_iter(t->callbacks);
    mpf_list_t *l = mpf_obj_ptr(t->callbacks);
    for (size_t i = 0; i < l->len; i++) {
        l->items[i] = MPF_OBJ_NULL;
    }
    l->len = 0;
    const mpf_tuple_t *ft = mpf_obj_ptr(fns);
    for (size_t i = 0; i < ft->len; i++) {
        mpf_nlr_t nlr;
        mpf_nlr_push(&nlr);
        if (setjmp(nlr.jb) == 0) {
            mpf_call1(ft->items[i], o);
            mpf_nlr_pop(&nlr);
            continue;
        }
        mpf_obj_t ctx = mpf_obj_new_dict(2);
        mpf_obj_t msg = mpf_obj_new_str("Exception in callback", 21);
        mpf_dict_store(ctx, mpf_obj_new_qstr(MPF_QSTR_message), msg);
        mpf_dict_store(ctx, mpf_obj_new_qstr(MPF_QSTR_exception), nlr.exc);
        loop_call_exception_handler(asyncio_get_event_loop(), ctx);
    }
}

// One step of the iterator [it] of an awaitable (ensure_task): next() or throw([throw_]).
// True when it yielded (*y), false when it finished (*ret its value).
static bool iter_step(mpf_obj_t it, mpf_obj_t throw_, mpf_obj_t *ret, mpf_obj_t *y) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t v;
        if (throw_ != MPF_OBJ_NULL) {
            mpf_obj_t dest[3];
            mpf_load_method_maybe(it, MPF_QSTR_throw, dest);
            if (dest[0] == MPF_OBJ_NULL) {
                mpf_raise(throw_);
            }
            dest[2] = throw_;
            v = mpf_call_method_n(1, 0, dest);
        } else {
            v = mpf_iternext(it);
        }
        mpf_nlr_pop(&nlr);
        *ret = MPF_OBJ_NONE;
        *y = v;
        return v != MPF_OBJ_STOP;
    }
    if (mpf_exc_match(nlr.exc, &mpf_type_StopIteration)) {
        *ret = mpf_exc_value(nlr.exc);
        return false;
    }
    mpf_nlr_raise(nlr.exc);
}

// Resume task [o] once: it ends with a new wait, a result or an exception.
static void task_step(mpf_obj_t o) {
    task_t *t = task_of(o);
    mpf_obj_t throw_ = t->throw_;
    t->throw_ = MPF_OBJ_NULL;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t ret = MPF_OBJ_NONE;
        mpf_obj_t y;
        bool returned;
        if (mpf_obj_is_type(t->coro, &mpf_type_asyncio_awaiter)) {
            // a task around sleep() and friends (coroutines in CPython)
            returned = !awaiter_step(mpf_obj_ptr(t->coro), throw_, &ret);
            y = t->coro;
        } else if (mpf_obj_is_type(t->coro, &mpf_type_gen)) {
            y = mpf_gen_resume(t->coro, MPF_OBJ_NONE, throw_, &ret, &returned);
        } else {
            returned = !iter_step(t->coro, throw_, &ret, &y);
        }
        mpf_nlr_pop(&nlr);
        if (returned) {
            task_finish(o, ret, false);
        } else if (y == MPF_OBJ_NONE) {
            queue_push(o, now_ms());  // a bare yield: run again on the next turn
        } else if (!mpf_obj_is_type(y, &mpf_type_asyncio_awaiter)) {
            task_finish(o, mpf_exc_new_msg(&mpf_type_RuntimeError, "Task got bad yield"), true);
        }
        return;
    }
    mpf_obj_t exc = nlr.exc;
    task_finish(o, exc, true);
    // KeyboardInterrupt (Ctrl-C) and SystemExit end the loop too, as in CPython: the task
    // keeps the exception, and it goes on to whoever runs the loop
    if (mpf_exc_match(exc, &mpf_type_KeyboardInterrupt) || mpf_exc_match(exc, &mpf_type_SystemExit)) {
        task_of(o)->report = 0;
        mpf_nlr_raise(exc);
    }
}

// Run the loop until task [main] is done (its result, or its exception raised); with
// [main] NULL, until stop() (run_forever). Tasks still pending stay queued for the next
// run, as on CPython's loop.
static mpf_obj_t run_until(mpf_obj_t main) {
    if (loop_running) {
        mpf_raise_msg(&mpf_type_RuntimeError, "asyncio.run() cannot be called from a running event loop");
    }
    volatile mpf_obj_t keep = main;  // on this frame for the GC
    loop_running = true;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        for (;;) {
            if (main != MPF_OBJ_NULL && task_of(main)->done) {
                break;
            }
            poll_flags();
            mpf_list_t *q = mpf_obj_ptr(run_queue);
            if (q->len == 0 || task_of(q->items[0])->key > now_ms()) {
                // nothing due: idle (scheduled callbacks may set an event meanwhile)
                mpf_wait_idle();
                continue;
            }
            mpf_obj_t t = queue_pop();
            if (t == stop_task) {
                break;
            }
            if (task_of(t)->done) {
                if (task_of(t)->call_back) {
                    call_callbacks(t);
                }
                if (task_of(t)->report) {
                    report_exception(t);
                }
                continue;
            }
            current_task = t;
            task_step(t);
            current_task = MPF_OBJ_NULL;
        }
        mpf_nlr_pop(&nlr);
        loop_running = false;
        (void)keep;
        return main == MPF_OBJ_NULL ? MPF_OBJ_NONE : task_outcome(main);
    }
    loop_running = false;
    current_task = MPF_OBJ_NULL;
    mpf_nlr_raise(nlr.exc);
}

static mpf_obj_t run_stopped(bool now);

// Run the loop until task [t] has ended, whatever it ended with.
static void run_to_end(mpf_obj_t t) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        run_until(t);
        mpf_nlr_pop(&nlr);
    }
}

// run(coro): run [coro] as a task until it ends.
static mpf_obj_t asyncio_run(mpf_obj_t coro) {
    if (!mpf_obj_is_type(coro, &mpf_type_gen) && !mpf_obj_is_type(coro, &mpf_type_asyncio_awaiter)) {
        mpf_raise_fmt(&mpf_type_TypeError, "a coroutine was expected, got %R", coro);
    }
    if (loop_running) {
        mpf_raise_msg(&mpf_type_RuntimeError, "asyncio.run() cannot be called from a running event loop");
    }
    volatile mpf_obj_t main = task_new(coro), ret = MPF_OBJ_NULL;  // (on this frame for the GC)
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        ret = run_until(main);
        mpf_nlr_pop(&nlr);
    }
    // CPython's run() then lets the tasks due when the main task ended take their turn (its
    // loop stops at the end of that turn), cancels the tasks still pending and runs the
    // loop until each has ended (their except/finally clauses run; what they end with is
    // dropped), whatever the main task ended with
    run_stopped(true);
    const mpf_list_t *l = mpf_obj_ptr(live_tasks);
    volatile mpf_obj_t left = mpf_obj_new_tuple(l->len, l->items);
    const mpf_tuple_t *lt = mpf_obj_ptr(left);
    for (size_t i = 0; i < lt->len; i++) {
        task_cancel(lt->items[i]);
    }
    for (size_t i = 0; i < lt->len; i++) {
        run_to_end(lt->items[i]);
    }
    if (ret == MPF_OBJ_NULL) {
        mpf_nlr_raise(nlr.exc);
    }
    (void)main;
    return ret;
}

// current_task(): the running task (RuntimeError outside the loop).
static mpf_obj_t asyncio_current_task(void) {
    return running_task();
}

// ---------------------------------------------------------------- the loop object
// get_event_loop(): the one loop, as an object with CPython's run_until_complete,
// run_forever, stop, create_task, close and exception handler methods.
static mpf_obj_t loop_run_until_complete(mpf_obj_t self, mpf_obj_t aw) {
    (void)self;
    if (loop_running) {
        mpf_raise_msg(&mpf_type_RuntimeError, "asyncio.run() cannot be called from a running event loop");
    }
    return run_until(ensure_task(aw));
}

static mpf_obj_t loop_run_forever(mpf_obj_t self) {
    (void)self;
    if (loop_running) {
        mpf_raise_msg(&mpf_type_RuntimeError, "asyncio.run() cannot be called from a running event loop");
    }
    return run_stopped(false);
}

// Run the loop until stop() ([now]: until the tasks due now have run, as if stop() had just
// been called).
static mpf_obj_t run_stopped(bool now) {
    task_t *s = mpf_new(task_t);
    s->base.type = &mpf_type_asyncio_task;
    s->data = MPF_OBJ_NONE;
    volatile mpf_obj_t stopper = mpf_obj_from_ptr(s);  // on this frame for the GC
    stop_task = stopper;
    if (now) {
        queue_push(stopper, now_ms());
    }
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        run_until(MPF_OBJ_NULL);
        mpf_nlr_pop(&nlr);
        if (s->queued) {
            queue_remove(stopper);
        }
        stop_task = MPF_OBJ_NULL;
        return MPF_OBJ_NONE;
    }
    if (s->queued) {
        queue_remove(stopper);
    }
    stop_task = MPF_OBJ_NULL;
    mpf_nlr_raise(nlr.exc);
}

// stop(): run_forever() returns once the tasks due now have run.
static mpf_obj_t loop_stop_m(mpf_obj_t self) {
    (void)self;
    if (stop_task != MPF_OBJ_NULL && !task_of(stop_task)->queued) {
        queue_push(stop_task, now_ms());
    }
    return MPF_OBJ_NONE;
}

// create_task(coro): also before the loop runs (the task waits for it).
static mpf_obj_t loop_create_task(mpf_obj_t self, mpf_obj_t coro) {
    (void)self;
    return task_new(coro);
}

static mpf_obj_t loop_close(mpf_obj_t self) {
    (void)self;
    return MPF_OBJ_NONE;
}

static mpf_obj_t loop_set_exception_handler(mpf_obj_t self, mpf_obj_t handler) {
    (void)self;
    if (handler != MPF_OBJ_NONE && !mpf_obj_is_callable(handler)) {
        mpf_raise_fmt(&mpf_type_TypeError, "A callable object or None is expected, got %R", handler);
    }
    mpf_dict_store(asyncio_globals, mpf_obj_new_qstr(MPF_QSTR__handler), handler);
    return MPF_OBJ_NONE;
}

static mpf_obj_t loop_get_exception_handler(mpf_obj_t self) {
    (void)self;
    return exc_handler();
}

static const mpf_rom_map_elem_t loop_locals_table[] = {
    MPF_ROM_FUN_2(MPF_QSTR_run_until_complete, loop_run_until_complete),
    MPF_ROM_FUN_1(MPF_QSTR_run_forever, loop_run_forever),
    MPF_ROM_FUN_1(MPF_QSTR_stop, loop_stop_m),
    MPF_ROM_FUN_2(MPF_QSTR_create_task, loop_create_task),
    MPF_ROM_FUN_1(MPF_QSTR_close, loop_close),
    MPF_ROM_FUN_2(MPF_QSTR_set_exception_handler, loop_set_exception_handler),
    MPF_ROM_FUN_1(MPF_QSTR_get_exception_handler, loop_get_exception_handler),
    MPF_ROM_FUN_2(MPF_QSTR_default_exception_handler, loop_default_exception_handler),
    MPF_ROM_FUN_2(MPF_QSTR_call_exception_handler, loop_call_exception_handler),
};
MPF_ROM_MAP(loop_locals, loop_locals_table);

static const mpf_type_t loop_type = MPF_TYPE(MPF_QSTR_EventLoop, 0,
    (locals, &loop_locals));
static const mpf_obj_base_t the_loop = {&loop_type};

static mpf_obj_t asyncio_get_event_loop(void) {
    return mpf_obj_from_ptr(&the_loop);
}

static void new_queue(void) {
    run_queue = mpf_obj_new_list(0, NULL);
    mpf_dict_store(asyncio_globals, mpf_obj_new_qstr(MPF_QSTR__queue), run_queue);
    live_tasks = mpf_obj_new_list(0, NULL);
    mpf_dict_store(asyncio_globals, mpf_obj_new_qstr(MPF_QSTR__tasks), live_tasks);
}

// new_event_loop(): the loop, starting afresh: the tasks of the old one are dropped.
static mpf_obj_t asyncio_new_event_loop(void) {
    if (loop_running) {
        mpf_raise_msg(&mpf_type_RuntimeError, "Cannot run the event loop while another loop is running");
    }
    new_queue();
    mpf_dict_store(asyncio_globals, mpf_obj_new_qstr(MPF_QSTR__handler), MPF_OBJ_NONE);
    mpf_dict_store(asyncio_globals, mpf_obj_new_qstr(MPF_QSTR__flags), mpf_obj_new_list(0, NULL));
    return asyncio_get_event_loop();
}

static const mpf_rom_map_elem_t asyncio_members_table[] = {
    MPF_ROM_FUN_1(MPF_QSTR_run, asyncio_run),
    MPF_ROM_FUN_0(MPF_QSTR_current_task, asyncio_current_task),
    MPF_ROM_FUN_0(MPF_QSTR_get_event_loop, asyncio_get_event_loop),
    MPF_ROM_FUN_0(MPF_QSTR_new_event_loop, asyncio_new_event_loop),
    MPF_ROM_FUN_1(MPF_QSTR_create_task, asyncio_create_task),
    MPF_ROM_FUN_VAR(MPF_QSTR_sleep, 1, 2, asyncio_sleep),
    MPF_ROM_FUN_1(MPF_QSTR_sleep_ms, asyncio_sleep_ms),
    MPF_ROM_FUN_KW(MPF_QSTR_gather, 0, asyncio_gather),
    MPF_ROM_FUN_2(MPF_QSTR_wait_for, asyncio_wait_for),
    MPF_ROM_FUN_2(MPF_QSTR_wait_for_ms, asyncio_wait_for_ms),
    {MPF_ROM_QSTR(MPF_QSTR_Event), MPF_ROM_PTR(&mpf_type_asyncio_event)},
    {MPF_ROM_QSTR(MPF_QSTR_ThreadSafeFlag), MPF_ROM_PTR(&mpf_type_asyncio_tsf)},
    {MPF_ROM_QSTR(MPF_QSTR_Lock), MPF_ROM_PTR(&mpf_type_asyncio_lock)},
    {MPF_ROM_QSTR(MPF_QSTR_Queue), MPF_ROM_PTR(&mpf_type_asyncio_queue)},
    {MPF_ROM_QSTR(MPF_QSTR_Task), MPF_ROM_PTR(&mpf_type_asyncio_task)},
};
MPF_ROM_MAP(asyncio_members, asyncio_members_table);

// CancelledError (a BaseException, as since CPython 3.8), TimeoutError (an OSError, as the
// builtin TimeoutError that 3.11's asyncio.TimeoutError is), InvalidStateError, QueueEmpty and
// QueueFull; the run queue.
static void asyncio_init(mpf_obj_t mod) {
    mpf_obj_t g = ((mpf_module_t *)mpf_obj_ptr(mod))->globals;
    asyncio_globals = g;
    static const struct {
        mpf_qstr_t name;
        const mpf_type_t *base;
    } excs[] = {
        {MPF_QSTR_CancelledError, &mpf_type_BaseException},
        {MPF_QSTR_TimeoutError, &mpf_type_OSError},
        {MPF_QSTR_InvalidStateError, &mpf_type_Exception},
        {MPF_QSTR_QueueEmpty, &mpf_type_Exception},
        {MPF_QSTR_QueueFull, &mpf_type_Exception},
    };
    for (size_t i = 0; i < sizeof(excs) / sizeof(excs[0]); i++) {
        mpf_obj_t base = mpf_obj_from_ptr(excs[i].base);
        mpf_obj_t dict = mpf_obj_new_dict(1);
        mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR___module__), mpf_obj_new_qstr(MPF_QSTR_asyncio));
        mpf_dict_store(g, mpf_obj_new_qstr(excs[i].name), mpf_make_class(excs[i].name, mpf_obj_new_tuple(1, &base), dict));
    }
    new_queue();
}

const mpf_builtin_module_t mpf_module_asyncio = {MPF_QSTR_asyncio, &asyncio_members, asyncio_init};
MPF_REGISTER_MODULE(MPF_QSTR_asyncio, mpf_module_asyncio);
