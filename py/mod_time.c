// mod_time.c -- the time module: sleeping, the wrapping tick counters of MicroPython
// (ticks_ms/us/cpu, ticks_add, ticks_diff) and CPython's time()/monotonic().
//
// The only clock of the port API is mpf_port_ticks_ms(), a 32-bit millisecond counter
// from an arbitrary start. Everything here derives from it:
//   ticks_ms()  that counter modulo TICKS_PERIOD;
//   ticks_us()  and ticks_cpu(): milliseconds * 1000 (1 ms resolution until the port
//               API has a microsecond clock);
//   time()      seconds since start-up on a board (no real-time clock); on a port with
//               CONFIG_PORT_HAS_WALL_CLOCK (the host), seconds since 1970 from its clock;
//   monotonic() seconds since start-up, as CPython's time.monotonic() has no defined epoch.
// The 32-bit counter itself wraps after ~49.7 days; `extended_ms` widens it to 64 bits
// as long as it is read at least once per wrap.
#include "mpf.h"
#include "port.h"

// Tick values wrap at 2**30 so that every value is a small int on 32-bit targets (31-bit
// small ints): no allocation when polling a timer. ticks_diff() is correct for any two
// ticks less than TICKS_PERIOD / 2 apart.
#define TICKS_PERIOD ((mpf_uint_t)1 << 30)
#define TICKS_MASK (TICKS_PERIOD - 1)
#define TICKS_HALF (TICKS_PERIOD / 2)

// The 32-bit port counter widened to 64 bits: [high] counts wraps seen so far.
static uint64_t extended_ms(void) {
    static uint32_t last;
    static uint32_t high;
    uint32_t now = mpf_port_ticks_ms();
    if (now < last) {
        high++;
    }
    last = now;
    return ((uint64_t)high << 32) | now;
}

// Idle (polling the port, running scheduled callbacks) for at least [ms] milliseconds:
// the tick counts whole milliseconds, so more than [ms] of them must pass.
static void sleep_for_ms(uint64_t ms) {
    uint64_t start = extended_ms();
    while (ms != 0 && extended_ms() - start <= ms) {
        mpf_wait_idle();
    }
}

// A non-negative duration argument in units of [scale] (1000 for seconds -> ms).
static uint64_t duration_ms(mpf_obj_t arg, uint32_t scale_to_ms, uint32_t div) {
#if CONFIG_FLOAT
    if (mpf_obj_is_type(arg, &mpf_type_float)) {
        mpf_float_t f = mpf_obj_get_float(arg);
        if (f < 0) {
            mpf_raise_msg(&mpf_type_ValueError, "sleep length must be non-negative");
        }
        if (!(f < (mpf_float_t)1e12)) {
            mpf_raise_msg(&mpf_type_OverflowError, "sleep length is too large");
        }
        return mpf_float_to_u64(f * (mpf_float_t)scale_to_ms / (mpf_float_t)div, true);
    }
#endif
    mpf_int_t n = mpf_obj_get_int(arg);
    if (n < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "sleep length must be non-negative");
    }
    return ((uint64_t)n * scale_to_ms + div - 1) / div;
}

static mpf_obj_t time_sleep(mpf_obj_t secs) {
    sleep_for_ms(duration_ms(secs, 1000, 1));
    return MPF_OBJ_NONE;
}

static mpf_obj_t time_sleep_ms(mpf_obj_t ms) {
    sleep_for_ms(duration_ms(ms, 1, 1));
    return MPF_OBJ_NONE;
}

static mpf_obj_t time_sleep_us(mpf_obj_t us) {
    sleep_for_ms(duration_ms(us, 1, 1000));
    return MPF_OBJ_NONE;
}

static mpf_obj_t time_ticks_ms(void) {
    return mpf_obj_new_small_int((mpf_int_t)(extended_ms() & TICKS_MASK));
}

static mpf_obj_t time_ticks_us(void) {
    return mpf_obj_new_small_int((mpf_int_t)((extended_ms() * 1000u) & TICKS_MASK));
}

// A tick value argument: any int, reduced modulo the period (so negative values and
// values from other sources still land in range).
static mpf_uint_t tick_arg(mpf_obj_t o) {
    return (mpf_uint_t)mpf_obj_get_int(o) & TICKS_MASK;
}

// ticks_add(ticks, delta): ticks + delta modulo the period; |delta| must be below half
// the period, as in MicroPython (larger deltas make ticks_diff ambiguous).
static mpf_obj_t time_ticks_add(mpf_obj_t ticks, mpf_obj_t delta) {
    mpf_int_t d = mpf_obj_get_int(delta);
    if (d >= (mpf_int_t)TICKS_HALF || d < -(mpf_int_t)TICKS_HALF) {
        mpf_raise_msg(&mpf_type_OverflowError, "ticks interval overflow");
    }
    return mpf_obj_new_small_int((mpf_int_t)((tick_arg(ticks) + (mpf_uint_t)d) & TICKS_MASK));
}

// ticks_diff(end, start): the signed distance end - start in [-period/2, period/2).
static mpf_obj_t time_ticks_diff(mpf_obj_t end, mpf_obj_t start) {
    mpf_uint_t d = (tick_arg(end) - tick_arg(start) + TICKS_HALF) & TICKS_MASK;
    return mpf_obj_new_small_int((mpf_int_t)d - (mpf_int_t)TICKS_HALF);
}

// monotonic(): seconds since start-up; a float when the build has floats.
static mpf_obj_t time_monotonic(void) {
    uint64_t ms = extended_ms();
#if CONFIG_FLOAT
    return mpf_obj_new_float(mpf_float_from_i64((int64_t)ms) / (mpf_float_t)1000);
#else
    return mpf_obj_new_int_from_ull(ms / 1000u);
#endif
}

static mpf_obj_t time_monotonic_ns(void) {
    return mpf_obj_new_int_from_ull(extended_ms() * 1000000u);
}

#if CONFIG_PORT_HAS_WALL_CLOCK
// time(): seconds since 1970 from the port's clock.
static mpf_obj_t time_time(void) {
    int64_t ns = mpf_port_time_ns();
#if CONFIG_FLOAT
    return mpf_obj_new_float((mpf_float_t)(ns / 1000000000) + (mpf_float_t)(ns % 1000000000) / (mpf_float_t)1e9);
#else
    return mpf_obj_new_int_from_ll(ns / 1000000000);
#endif
}

static mpf_obj_t time_time_ns(void) {
    return mpf_obj_new_int_from_ll(mpf_port_time_ns());
}

static int64_t now_seconds(void) {
    int64_t ns = mpf_port_time_ns();
    return ns >= 0 ? ns / 1000000000 : -((-ns + 999999999) / 1000000000);
}
#else
#define time_time time_monotonic
#define time_time_ns time_monotonic_ns
static int64_t now_seconds(void) {
    return (int64_t)(extended_ms() / 1000u);
}
#endif

// Days from 1970-01-01 to year/month/day (proleptic Gregorian), and back: the
// era-based civil calendar arithmetic (400-year eras of 146097 days).
static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

// gmtime([secs]) / localtime([secs]): the 9-tuple (year, month, mday, hour, minute,
// second, weekday (Monday 0), yearday (1..366), isdst 0) of UTC seconds since 1970
// (there is no time zone: localtime is gmtime). CPython returns a struct_time, whose
// tuple() is this tuple.
static mpf_obj_t time_gmtime(size_t n_args, const mpf_obj_t *args) {
    int64_t secs;
    if (n_args == 0 || args[0] == MPF_OBJ_NONE) {
        secs = now_seconds();
#if CONFIG_FLOAT
    } else if (mpf_obj_is_type(args[0], &mpf_type_float)) {
        mpf_float_t f = mpf_obj_get_float(args[0]);
        if (!(f > (mpf_float_t)-1e15 && f < (mpf_float_t)1e15)) {
            mpf_raise_msg(&mpf_type_OverflowError, "timestamp out of range for platform time_t");
        }
        secs = mpf_float_floor_i64(f);
#endif
    } else {
        secs = (int64_t)mpf_obj_get_int(args[0]);
    }
    int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    int64_t rem = secs - days * 86400;
    int64_t y;
    unsigned m, d;
    civil_from_days(days, &y, &m, &d);
    int64_t yday = days - days_from_civil(y, 1, 1) + 1;
    int64_t wday = (days % 7 + 7 + 3) % 7; // 1970-01-01 was a Thursday (3)
    mpf_obj_t items[9] = {
        mpf_obj_new_int((mpf_int_t)y), mpf_obj_new_small_int(m), mpf_obj_new_small_int(d),
        mpf_obj_new_small_int((mpf_int_t)(rem / 3600)), mpf_obj_new_small_int((mpf_int_t)(rem / 60 % 60)),
        mpf_obj_new_small_int((mpf_int_t)(rem % 60)), mpf_obj_new_small_int((mpf_int_t)wday),
        mpf_obj_new_small_int((mpf_int_t)yday), mpf_obj_new_small_int(0),
    };
    return mpf_obj_new_tuple(9, items);
}

// mktime(tuple): the inverse of localtime() for a tuple of at least 6 items.
static mpf_obj_t time_mktime(mpf_obj_t tuple) {
    size_t n;
    mpf_obj_t *items;
    mpf_obj_get_array(tuple, &n, &items);
    if (n < 6) {
        mpf_raise_msg(&mpf_type_TypeError, "mktime(): illegal time tuple argument");
    }
    int64_t y = mpf_obj_get_int(items[0]);
    int64_t mon = (int64_t)mpf_obj_get_int(items[1]) - 1;
    // normalise the month into 0..11 carrying into the year, as C mktime does
    y += mon >= 0 ? mon / 12 : -((11 - mon) / 12);
    mon = ((mon % 12) + 12) % 12;
    int64_t days = days_from_civil(y, (unsigned)mon + 1, 1) + (int64_t)mpf_obj_get_int(items[2]) - 1;
    int64_t secs = days * 86400 + (int64_t)mpf_obj_get_int(items[3]) * 3600 +
                   (int64_t)mpf_obj_get_int(items[4]) * 60 + (int64_t)mpf_obj_get_int(items[5]);
#if CONFIG_FLOAT
    return mpf_obj_new_float(mpf_float_from_i64(secs));
#else
    return mpf_obj_new_int_from_ll(secs);
#endif
}

static const mpf_rom_map_elem_t time_members_table[] = {
    MPF_ROM_FUN_1(MPF_QSTR_sleep, time_sleep),
    MPF_ROM_FUN_1(MPF_QSTR_sleep_ms, time_sleep_ms),
    MPF_ROM_FUN_1(MPF_QSTR_sleep_us, time_sleep_us),
    MPF_ROM_FUN_0(MPF_QSTR_ticks_ms, time_ticks_ms),
    MPF_ROM_FUN_0(MPF_QSTR_ticks_us, time_ticks_us),
    MPF_ROM_FUN_0(MPF_QSTR_ticks_cpu, time_ticks_us),
    MPF_ROM_FUN_2(MPF_QSTR_ticks_add, time_ticks_add),
    MPF_ROM_FUN_2(MPF_QSTR_ticks_diff, time_ticks_diff),
    MPF_ROM_FUN_0(MPF_QSTR_time, time_time),
    MPF_ROM_FUN_0(MPF_QSTR_time_ns, time_time_ns),
    MPF_ROM_FUN_0(MPF_QSTR_monotonic, time_monotonic),
    MPF_ROM_FUN_0(MPF_QSTR_monotonic_ns, time_monotonic_ns),
    MPF_ROM_FUN_VAR(MPF_QSTR_gmtime, 0, 1, time_gmtime),
    MPF_ROM_FUN_VAR(MPF_QSTR_localtime, 0, 1, time_gmtime),
    MPF_ROM_FUN_1(MPF_QSTR_mktime, time_mktime),
};
MPF_ROM_MAP(time_members, time_members_table);

const mpf_builtin_module_t mpf_module_time = {MPF_QSTR_time, &time_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_time, mpf_module_time);
