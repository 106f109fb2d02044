// mod_select.c -- the select module: select.select() and select.poll() over stream
// objects (sys.stdin/stdout/stderr, machine.UART...): anything whose type has a poll
// slot. As in MicroPython, poll() reports the registered objects themselves, not file
// descriptors. Waiting idles the port (mpf_wait_idle) between checks, so Ctrl-C and
// micropython.schedule() callbacks still run.
#include "mpf.h"
#include "port.h"

// Which of [events] [obj] could do now; TypeError for an object that is not a stream.
// A stream class written in Python (an io.IOBase subclass, say) is polled as MicroPython
// polls it: its method ioctl(3, events) returns the ready events, or -errno (OSError).
// [events] 0 only checks that [obj] can be polled (register()): no ioctl call.
static uintptr_t poll_one(mpf_obj_t obj, uintptr_t events) {
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(obj));
    if (mpf_type_get_ext(t) != NULL && mpf_type_get_ext(t)->poll != NULL) {
        return mpf_type_get_ext(t)->poll(obj, events | MPF_POLL_ERR | MPF_POLL_HUP);
    }
    mpf_obj_t dest[4];
    mpf_load_method_maybe(obj, MPF_QSTR_ioctl, dest);
    if (dest[0] == MPF_OBJ_NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, "'%T' object is not a pollable stream", obj);
    }
    if (events == 0) {
        return 0;
    }
    dest[2] = mpf_obj_new_small_int(3);  // MP_STREAM_POLL
    dest[3] = mpf_obj_new_small_int((mpf_int_t)events);
    mpf_int_t r = mpf_obj_get_int(mpf_call_method_n(2, 0, dest));
    if (r < 0) {
        mpf_raise_oserror(r < -0x7fff ? 0x7fff : (int)-r, MPF_OBJ_NONE, MPF_OBJ_NONE);
    }
    return (uintptr_t)r;
}

// Run [scan] until it finds something ready or [timeout_ms] passes (negative: for ever).
// [scan] returns true when done; it is always run at least once. The tick counts whole
// milliseconds, so a wait ends only once more than [timeout_ms] ticks have passed: never
// shorter than asked.
static void wait_until(mpf_int_t timeout_ms, bool (*scan)(void *env), void *env) {
    uint32_t start = mpf_port_ticks_ms();
    while (!scan(env)) {
        if (timeout_ms == 0 || (timeout_ms > 0 && (mpf_int_t)(uint32_t)(mpf_port_ticks_ms() - start) > timeout_ms)) {
            return;
        }
        mpf_wait_idle();
    }
}

// ---------------------------------------------------------------- select.select
typedef struct select_scan {
    mpf_obj_t in[3];   // the rlist, wlist and xlist as tuples
    mpf_obj_t out[3];  // the ready objects of each, as lists
} select_scan_t;

static bool select_scan(void *env) {
    select_scan_t *s = env;
    static const uintptr_t wanted[3] = {MPF_POLL_IN, MPF_POLL_OUT, MPF_POLL_ERR};
    bool any = false;
    for (size_t k = 0; k < 3; k++) {
        const mpf_tuple_t *in = mpf_obj_ptr(s->in[k]);
        s->out[k] = mpf_obj_new_list(0, NULL);
        for (size_t i = 0; i < in->len; i++) {
            if (poll_one(in->items[i], wanted[k]) & wanted[k]) {
                mpf_list_append(s->out[k], in->items[i]);
                any = true;
            }
        }
    }
    return any;
}

// select(rlist, wlist, xlist[, timeout]): timeout in seconds, None (or absent) for ever.
static mpf_obj_t select_select(size_t n_args, const mpf_obj_t *args) {
    select_scan_t s;
    for (size_t k = 0; k < 3; k++) {
        s.in[k] = mpf_tuple_from_iter(args[k]);
    }
    mpf_int_t timeout_ms = -1;
    if (n_args > 3 && args[3] != MPF_OBJ_NONE) {
#if CONFIG_FLOAT
        mpf_float_t secs = mpf_obj_get_float(args[3]);
        if (!(secs >= 0)) {  // NaN too
            mpf_raise_msg(&mpf_type_ValueError, "timeout must be non-negative");
        }
        timeout_ms = secs * 1000 > 1e9 ? 1000000000 : (mpf_int_t)(secs * 1000);
#else
        timeout_ms = mpf_obj_get_int(args[3]);
        if (timeout_ms < 0) {
            mpf_raise_msg(&mpf_type_ValueError, "timeout must be non-negative");
        }
        timeout_ms = timeout_ms > 1000000 ? 1000000000 : timeout_ms * 1000;
#endif
    }
    wait_until(timeout_ms, select_scan, &s);
    return mpf_obj_new_tuple(3, s.out);
}

// ---------------------------------------------------------------- select.poll
typedef struct poll_obj {
    mpf_obj_base_t base;
    mpf_obj_t registered;  // dict: stream -> event mask, in registration order
} poll_obj_t;

static const mpf_type_t poll_type;

static mpf_obj_t select_poll(void) {
    poll_obj_t *p = mpf_new(poll_obj_t);
    p->base.type = &poll_type;
    p->registered = mpf_obj_new_dict(0);
    return mpf_obj_from_ptr(p);
}

static poll_obj_t *poll_self(mpf_obj_t o) {
    return mpf_obj_ptr(o);
}

// register(obj, eventmask=POLLIN|POLLOUT): registering again replaces the mask.
static mpf_obj_t poll_register(size_t n_args, const mpf_obj_t *args) {
    (void)poll_one(args[1], 0);  // refuse a non-stream now, not at poll() time
    mpf_obj_t mask = n_args > 2 ? args[2] : mpf_obj_new_small_int(MPF_POLL_IN | MPF_POLL_OUT);
    (void)mpf_obj_get_int(mask);
    mpf_dict_store(poll_self(args[0])->registered, args[1], mask);
    return MPF_OBJ_NONE;
}

static mpf_obj_t poll_unregister(mpf_obj_t self, mpf_obj_t obj) {
    if (mpf_map_lookup(mpf_dict_map(poll_self(self)->registered), obj, MPF_MAP_REMOVE) == NULL) {
        mpf_raise(mpf_exc_new(&mpf_type_KeyError, 1, &obj));
    }
    return MPF_OBJ_NONE;
}

static mpf_obj_t poll_modify(mpf_obj_t self, mpf_obj_t obj, mpf_obj_t mask) {
    mpf_map_elem_t *e = mpf_map_lookup(mpf_dict_map(poll_self(self)->registered), obj, MPF_MAP_LOOKUP);
    if (e == NULL) {
        mpf_raise_oserror(2, MPF_OBJ_NONE, MPF_OBJ_NONE);  // ENOENT, as CPython
    }
    (void)mpf_obj_get_int(mask);
    e->value = mask;
    return MPF_OBJ_NONE;
}

typedef struct poll_scan {
    mpf_map_t *map;
    bool one_shot;   // ipoll(flags=1): clear an object's mask once it is reported
    mpf_obj_t out;   // list of (obj, revents)
} poll_scan_t;

static bool poll_scan(void *env) {
    poll_scan_t *s = env;
    s->out = mpf_obj_new_list(0, NULL);
    for (size_t i = 0; i < s->map->used; i++) {
        mpf_map_elem_t *e = &s->map->elems[i];
        if (e->key == MPF_OBJ_NULL) {
            continue;
        }
        uintptr_t mask = (uintptr_t)mpf_obj_get_int(e->value);
        uintptr_t ready = poll_one(e->key, mask) & (mask | MPF_POLL_ERR | MPF_POLL_HUP);
        if (ready != 0) {
            mpf_obj_t pair[2] = {e->key, mpf_obj_new_small_int((mpf_int_t)ready)};
            mpf_list_append(s->out, mpf_obj_new_tuple(2, pair));
            if (s->one_shot) {
                e->value = mpf_obj_new_small_int(0);
            }
        }
    }
    return mpf_obj_len(s->out) != 0;
}

// The ready list of poll(timeout=-1) / ipoll(timeout=-1, flags=0): timeout in ms,
// negative or None for ever.
static mpf_obj_t poll_wait(size_t n_args, const mpf_obj_t *args, bool one_shot) {
    mpf_int_t timeout_ms = n_args > 1 && args[1] != MPF_OBJ_NONE ? mpf_obj_get_int(args[1]) : -1;
    poll_scan_t s = {mpf_dict_map(poll_self(args[0])->registered), one_shot, MPF_OBJ_NULL};
    wait_until(timeout_ms, poll_scan, &s);
    return s.out;
}

static mpf_obj_t poll_poll(size_t n_args, const mpf_obj_t *args) {
    return poll_wait(n_args, args, false);
}

static mpf_obj_t poll_ipoll(size_t n_args, const mpf_obj_t *args) {
    bool one_shot = n_args > 2 && (mpf_obj_get_int(args[2]) & 1);
    return mpf_getiter(poll_wait(n_args, args, one_shot));
}

static const mpf_rom_map_elem_t poll_locals_table[] = {
    MPF_ROM_FUN_VAR(MPF_QSTR_register, 2, 3, poll_register),
    MPF_ROM_FUN_2(MPF_QSTR_unregister, poll_unregister),
    MPF_ROM_FUN_3(MPF_QSTR_modify, poll_modify),
    MPF_ROM_FUN_VAR(MPF_QSTR_poll, 1, 2, poll_poll),
    MPF_ROM_FUN_VAR(MPF_QSTR_ipoll, 1, 3, poll_ipoll),
};
MPF_ROM_MAP(poll_locals, poll_locals_table);

static const mpf_type_t poll_type = MPF_TYPE(MPF_QSTR_poll, 0,
    (locals, &poll_locals));

static const mpf_rom_map_elem_t select_members_table[] = {
    MPF_ROM_FUN_VAR(MPF_QSTR_select, 3, 4, select_select),
    MPF_ROM_FUN_0(MPF_QSTR_poll, select_poll),
    {MPF_ROM_QSTR(MPF_QSTR_POLLIN), MPF_ROM_INT(MPF_POLL_IN)},
    {MPF_ROM_QSTR(MPF_QSTR_POLLOUT), MPF_ROM_INT(MPF_POLL_OUT)},
    {MPF_ROM_QSTR(MPF_QSTR_POLLERR), MPF_ROM_INT(MPF_POLL_ERR)},
    {MPF_ROM_QSTR(MPF_QSTR_POLLHUP), MPF_ROM_INT(MPF_POLL_HUP)},
};
MPF_ROM_MAP(select_members, select_members_table);

const mpf_builtin_module_t mpf_module_select = {MPF_QSTR_select, &select_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_select, mpf_module_select);
