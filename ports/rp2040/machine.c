// machine.c -- the `machine` module on the RP2040: Pin (GPIO 0..29 through the SIO: in,
// out, open-drain emulated by switching the output enable; pulls in the pads), UART(1)
// (on the driver of uart.c; UART0 is the console), reset(), freq(), unique_id() (the
// flash chip's ID, which boot2 read). Registered in the build's builtin-module table.
#include "mpf.h"
#include "port.h"
#include "rp2040.h"
#include "rp2040hal.h"

// ---------------------------------------------------------------- Pin
enum { PIN_IN = 0, PIN_OUT = 1, PIN_OPEN_DRAIN = 2 };

typedef struct machine_pin {
    mpf_obj_base_t base;
    uint8_t pin;   // GPn
    uint8_t mode;  // as last set (or read back from the hardware)
    uint8_t pull;  // rp2040_pull_t
    bool od_high;  // open drain: released (high) rather than driven low
} machine_pin_t;

extern const mpf_type_t machine_pin_type;

static machine_pin_t *pin_self(mpf_obj_t o) {
    return (machine_pin_t *)mpf_obj_ptr(o);
}

static const mpf_qstr_t pin_arg_names[] = {MPF_QSTR_mode, MPF_QSTR_pull, MPF_QSTR_value};
enum { PIN_ARG_MODE, PIN_ARG_PULL, PIN_ARG_VALUE, PIN_N_ARGS };

// Drive [self] to [high]. Open drain: low drives, high lets go (output disabled).
static void pin_write(machine_pin_t *self, bool high) {
    if (self->mode == PIN_OPEN_DRAIN) {
        self->od_high = high;
        rp2040_gpio_set_output(self->pin, !high);
    } else {
        rp2040_gpio_write(self->pin, high);
    }
}

static void pin_configure(machine_pin_t *self, const mpf_obj_t *vals) {
    mpf_int_t mode = mpf_arg_int(vals[PIN_ARG_MODE], self->mode);
    if (mode != PIN_IN && mode != PIN_OUT && mode != PIN_OPEN_DRAIN) {
        mpf_raise_msg(&mpf_type_ValueError, "invalid Pin mode (Pin.IN, Pin.OUT or Pin.OPEN_DRAIN)");
    }
    mpf_obj_t pull_arg = vals[PIN_ARG_PULL];
    mpf_int_t pull = pull_arg == MPF_OBJ_NULL ? self->pull : mpf_arg_int(pull_arg, RP2040_PULL_NONE);
    if (pull != RP2040_PULL_NONE && pull != RP2040_PULL_UP && pull != RP2040_PULL_DOWN) {
        mpf_raise_msg(&mpf_type_ValueError, "Pin pull must be None, Pin.PULL_UP or Pin.PULL_DOWN");
    }
    self->mode = (uint8_t)mode;
    self->pull = (uint8_t)pull;
    rp2040_gpio_function(self->pin, GPIO_FUNC_SIO, (rp2040_pull_t)pull);
    if (mode == PIN_OPEN_DRAIN) {
        rp2040_gpio_write(self->pin, false);  // the latch stays low; OE does the work
        bool high = vals[PIN_ARG_VALUE] == MPF_OBJ_NULL || vals[PIN_ARG_VALUE] == MPF_OBJ_NONE
            ? self->od_high : mpf_obj_is_true(vals[PIN_ARG_VALUE]);
        pin_write(self, high);
        return;
    }
    if (vals[PIN_ARG_VALUE] != MPF_OBJ_NULL && vals[PIN_ARG_VALUE] != MPF_OBJ_NONE) {
        rp2040_gpio_write(self->pin, mpf_obj_is_true(vals[PIN_ARG_VALUE]));  // before it drives
    }
    rp2040_gpio_set_output(self->pin, mode == PIN_OUT);
}

// Pin(id, mode=-1, pull=-1, value=None): id is the GPIO number or "GPn" ("LED" is GP25
// on the Pico). Without mode and pull the pin is left as it is.
static mpf_obj_t pin_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t vals[PIN_N_ARGS];
    mpf_arg_parse(n_args, n_kw, args, 1, 3, PIN_N_ARGS, pin_arg_names, vals);
    mpf_int_t id = -1;
    if (MPF_IS_STR(args[0])) {
        size_t len;
        const char *name = mpf_obj_str_data(args[0], &len);
        if (len == 3 && memcmp(name, "LED", 3) == 0) {
            id = 25;
        } else if (len >= 3 && len <= 4 && name[0] == 'G' && name[1] == 'P') {
            id = 0;
            for (size_t i = 2; i < len && id >= 0; i++) {
                id = name[i] >= '0' && name[i] <= '9' ? id * 10 + (name[i] - '0') : -1;
            }
        }
        if (id < 0 || id >= GPIO_COUNT) {
            mpf_raise_fmt(&mpf_type_ValueError, "invalid pin name %R (expected 'GP0'..'GP29' or 'LED')", args[0]);
        }
    } else {
        id = mpf_obj_get_int(args[0]);
        if (id < 0 || id >= GPIO_COUNT) {
            mpf_raise_msg(&mpf_type_ValueError, "pin number out of range (0..29)");
        }
    }
    machine_pin_t *self = mpf_new(machine_pin_t);
    self->base.type = type;
    self->pin = (uint8_t)id;
    self->mode = rp2040_gpio_is_output((int)id) ? PIN_OUT : PIN_IN;
    self->pull = (uint8_t)rp2040_gpio_pull((int)id);
    self->od_high = true;
    if (vals[PIN_ARG_MODE] != MPF_OBJ_NULL || vals[PIN_ARG_PULL] != MPF_OBJ_NULL) {
        pin_configure(self, vals);
    } else if (vals[PIN_ARG_VALUE] != MPF_OBJ_NULL && vals[PIN_ARG_VALUE] != MPF_OBJ_NONE) {
        pin_write(self, mpf_obj_is_true(vals[PIN_ARG_VALUE]));
    }
    return MPF_OBJ_FROM_PTR(self);
}

static void pin_print(const mpf_print_t *p, mpf_obj_t o, mpf_print_kind_t kind) {
    (void)kind;
    const machine_pin_t *self = pin_self(o);
    static const char *const modes[] = {"IN", "OUT", "OPEN_DRAIN"};
    mpf_printf(p, "Pin(GPIO%d, mode=%s", self->pin, modes[self->mode]);
    if (self->pull != RP2040_PULL_NONE) {
        mpf_printf(p, ", pull=%s", self->pull == RP2040_PULL_UP ? "PULL_UP" : "PULL_DOWN");
    }
    mpf_printf(p, ")");
}

static mpf_obj_t pin_init(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t vals[PIN_N_ARGS];
    mpf_arg_parse(n_args, n_kw, args, 1, 3, PIN_N_ARGS, pin_arg_names, vals);
    pin_configure(pin_self(args[0]), vals);
    return MPF_OBJ_NONE;
}
MPF_FUN_KW(pin_init_obj, MPF_QSTR_init, 1, pin_init);

static mpf_obj_t pin_value(size_t n_args, const mpf_obj_t *args) {
    machine_pin_t *self = pin_self(args[0]);
    if (n_args == 1) {
        return mpf_obj_new_small_int(rp2040_gpio_read(self->pin));
    }
    pin_write(self, mpf_obj_is_true(args[1]));
    return MPF_OBJ_NONE;
}
MPF_FUN_VAR(pin_value_obj, MPF_QSTR_value, 1, 2, pin_value);

static mpf_obj_t pin_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_arg_check_num(n_args, n_kw, 0, 1, false);
    mpf_obj_t both[2] = {self, n_args ? args[0] : MPF_OBJ_NONE};
    return pin_value(1 + n_args, both);
}

static mpf_obj_t pin_on(mpf_obj_t self) {
    pin_write(pin_self(self), true);
    return MPF_OBJ_NONE;
}
MPF_FUN_1(pin_on_obj, MPF_QSTR_on, pin_on);

static mpf_obj_t pin_off(mpf_obj_t self) {
    pin_write(pin_self(self), false);
    return MPF_OBJ_NONE;
}
MPF_FUN_1(pin_off_obj, MPF_QSTR_off, pin_off);

// Toggle what the pin is set to drive (the latch, or the open-drain state), not what
// it reads: right even when the pin is loaded.
static mpf_obj_t pin_toggle(mpf_obj_t o) {
    machine_pin_t *self = pin_self(o);
    pin_write(self, self->mode == PIN_OPEN_DRAIN ? !self->od_high : !rp2040_gpio_latch(self->pin));
    return MPF_OBJ_NONE;
}
MPF_FUN_1(pin_toggle_obj, MPF_QSTR_toggle, pin_toggle);

static mpf_obj_t pin_get_set(size_t n_args, const mpf_obj_t *args, int which) {
    machine_pin_t *self = pin_self(args[0]);
    if (n_args == 1) {
        if (which == PIN_ARG_PULL && self->pull == RP2040_PULL_NONE) {
            return MPF_OBJ_NONE;
        }
        return mpf_obj_new_small_int(which == PIN_ARG_MODE ? self->mode : self->pull);
    }
    mpf_obj_t vals[PIN_N_ARGS] = {MPF_OBJ_NULL, MPF_OBJ_NULL, MPF_OBJ_NULL};
    vals[which] = args[1];
    pin_configure(self, vals);
    return MPF_OBJ_NONE;
}

static mpf_obj_t pin_mode(size_t n_args, const mpf_obj_t *args) {
    return pin_get_set(n_args, args, PIN_ARG_MODE);
}
MPF_FUN_VAR(pin_mode_obj, MPF_QSTR_mode, 1, 2, pin_mode);

static mpf_obj_t pin_pull(size_t n_args, const mpf_obj_t *args) {
    return pin_get_set(n_args, args, PIN_ARG_PULL);
}
MPF_FUN_VAR(pin_pull_obj, MPF_QSTR_pull, 1, 2, pin_pull);

static const mpf_map_elem_t pin_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_init), MPF_ROM_PTR(&pin_init_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_value), MPF_ROM_PTR(&pin_value_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_on), MPF_ROM_PTR(&pin_on_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_off), MPF_ROM_PTR(&pin_off_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_toggle), MPF_ROM_PTR(&pin_toggle_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_mode), MPF_ROM_PTR(&pin_mode_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_pull), MPF_ROM_PTR(&pin_pull_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_IN), MPF_ROM_INT(PIN_IN)},
    {MPF_ROM_QSTR(MPF_QSTR_OUT), MPF_ROM_INT(PIN_OUT)},
    {MPF_ROM_QSTR(MPF_QSTR_OPEN_DRAIN), MPF_ROM_INT(PIN_OPEN_DRAIN)},
    {MPF_ROM_QSTR(MPF_QSTR_PULL_UP), MPF_ROM_INT(RP2040_PULL_UP)},
    {MPF_ROM_QSTR(MPF_QSTR_PULL_DOWN), MPF_ROM_INT(RP2040_PULL_DOWN)},
};
MPF_ROM_MAP(pin_locals, pin_locals_table);

const mpf_type_t machine_pin_type = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_Pin,
    .print = pin_print,
    .make_new = pin_make_new,
    .call = pin_call,
    .locals = &pin_locals,
};

// ---------------------------------------------------------------- UART
// One static object per UART: UART(1) returns the same object each time, and its ring
// is the driver's static one, so nothing on the GC heap is reachable from an interrupt.
typedef struct machine_uart {
    mpf_obj_base_t base;
    uint8_t id;
    uint32_t timeout;       // ms for the first byte of a read
    uint32_t timeout_char;  // ms between bytes
} machine_uart_t;

static machine_uart_t uart_objs[RP2040_UART_COUNT];

extern const mpf_type_t machine_uart_type;

static const mpf_qstr_t uart_arg_names[] = {
    MPF_QSTR_baudrate, MPF_QSTR_bits, MPF_QSTR_parity, MPF_QSTR_stop,
    MPF_QSTR_timeout, MPF_QSTR_timeout_char, MPF_QSTR_rxbuf,
};
enum { UART_ARG_BAUD, UART_ARG_BITS, UART_ARG_PARITY, UART_ARG_STOP, UART_ARG_TIMEOUT, UART_ARG_TIMEOUT_CHAR,
    UART_ARG_RXBUF, UART_N_ARGS };

static machine_uart_t *uart_open_self(mpf_obj_t o) {
    machine_uart_t *self = (machine_uart_t *)mpf_obj_ptr(o);
    if (!rp2040_uart_is_open(self->id)) {
        mpf_raise_fmt(&mpf_type_OSError, "UART(%d) is deinitialised; call init()", self->id);
    }
    return self;
}

// A full (re)initialisation: settings not given take their defaults (9600 8N1).
static void uart_init_args(machine_uart_t *self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t vals[UART_N_ARGS];
    mpf_arg_parse(n_args, n_kw, args, 1, 4, UART_N_ARGS, uart_arg_names, vals);
    mpf_int_t baud = mpf_arg_int(vals[UART_ARG_BAUD], 9600);
    mpf_int_t bits = mpf_arg_int(vals[UART_ARG_BITS], 8);
    mpf_int_t parity = mpf_arg_int(vals[UART_ARG_PARITY], -1);
    mpf_int_t stop = mpf_arg_int(vals[UART_ARG_STOP], 1);
    mpf_int_t rxbuf = mpf_arg_int(vals[UART_ARG_RXBUF], 0);
    if (baud <= 0 || baud > 0x7fffffff || parity < -1 || parity > 1 || bits < 0 || bits > 9 || stop < 0
        || stop > 2 || rxbuf < 0 || rxbuf > 0xffff || (vals[UART_ARG_RXBUF] != MPF_OBJ_NULL && rxbuf == 0)) {
        mpf_raise_msg(&mpf_type_ValueError, "invalid UART argument (parity: None, 0 even or 1 odd; rxbuf >= 1)");
    }
    rp2040_uart_config_t cfg = {
        .baud = (uint32_t)baud,
        .bits = (uint8_t)bits,
        .parity = parity < 0 ? RP2040_PARITY_NONE : parity == 0 ? RP2040_PARITY_EVEN : RP2040_PARITY_ODD,
        .stop = (uint8_t)stop,
        .rxbuf = (uint16_t)rxbuf,
    };
    // Default gap between bytes: two 12-bit frames, plus a tick for the 1 ms resolution.
    mpf_int_t timeout = mpf_arg_int(vals[UART_ARG_TIMEOUT], 0);
    mpf_int_t timeout_char = mpf_arg_int(vals[UART_ARG_TIMEOUT_CHAR], (24000 + baud - 1) / baud + 1);
    if (timeout < 0 || timeout_char < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "timeouts must be >= 0 (milliseconds)");
    }
    const char *err = rp2040_uart_open(self->id, &cfg);
    if (err != NULL) {
        mpf_raise_fmt(&mpf_type_ValueError, "UART(%d): %s", self->id, err);
    }
    self->timeout = (uint32_t)timeout;
    self->timeout_char = (uint32_t)timeout_char;
}

// UART(id, baudrate=9600, bits=8, parity=None, stop=1, *, timeout=0, timeout_char, rxbuf)
static mpf_obj_t uart_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_num(n_args, n_kw, 1, 5, true);
    mpf_int_t id = mpf_obj_get_int(args[0]);
    if (id == RP2040_CONSOLE_UART) {
        mpf_raise_msg(&mpf_type_ValueError, "UART(0) is the console: use sys.stdin and sys.stdout");
    }
    if (id < 0 || id >= RP2040_UART_COUNT) {
        mpf_raise_fmt(&mpf_type_ValueError, "UART(%d) does not exist on the RP2040 (UART(1) is free)", (int)id);
    }
    machine_uart_t *self = &uart_objs[id];
    self->base.type = &machine_uart_type;
    self->id = (uint8_t)id;
    if (n_args > 1 || n_kw > 0 || !rp2040_uart_is_open(self->id)) {
        uart_init_args(self, n_args, n_kw, args);
    }
    return MPF_OBJ_FROM_PTR(self);
}

static void uart_print(const mpf_print_t *p, mpf_obj_t o, mpf_print_kind_t kind) {
    (void)kind;
    const machine_uart_t *self = (const machine_uart_t *)mpf_obj_ptr(o);
    if (!rp2040_uart_is_open(self->id)) {
        mpf_printf(p, "UART(%d)", self->id);
        return;
    }
    const rp2040_uart_config_t *cfg = rp2040_uart_config(self->id);
    int tx, rx;
    rp2040_uart_pins(self->id, &tx, &rx);
    mpf_printf(p, "UART(%d, baudrate=%u, bits=%d, parity=%s, stop=%d, tx=%d, rx=%d)", self->id,
        (unsigned)cfg->baud, cfg->bits,
        cfg->parity == RP2040_PARITY_NONE ? "None" : cfg->parity == RP2040_PARITY_EVEN ? "0" : "1", cfg->stop, tx,
        rx);
}

static mpf_obj_t uart_init(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    uart_init_args((machine_uart_t *)mpf_obj_ptr(args[0]), n_args, n_kw, args);
    return MPF_OBJ_NONE;
}
MPF_FUN_KW(uart_init_obj, MPF_QSTR_init, 1, uart_init);

static mpf_obj_t uart_deinit(mpf_obj_t o) {
    machine_uart_t *self = (machine_uart_t *)mpf_obj_ptr(o);
    if (rp2040_uart_is_open(self->id)) {
        rp2040_uart_close(self->id);
    }
    return MPF_OBJ_NONE;
}
MPF_FUN_1(uart_deinit_obj, MPF_QSTR_deinit, uart_deinit);

// The next received byte, waiting up to [ms] milliseconds; -1 on timeout.
static int uart_getc_wait(int id, uint32_t ms) {
    uint32_t t0 = cm_tick_ms();
    int c;
    while ((c = rp2040_uart_getc(id)) < 0 && cm_tick_ms() - t0 < ms) {
        mpf_port_poll();
        mpf_port_idle();
    }
    return c;
}

// Read up to [max] bytes into [dst] (or append them to [v] when dst is NULL): wait
// `timeout` for the first, `timeout_char` for each next; stop after "\n" if [line].
static size_t uart_rx(machine_uart_t *self, uint8_t *dst, mpf_vstr_t *v, size_t max, bool line) {
    size_t n = 0;
    uint32_t wait = self->timeout;
    while (n < max) {
        int c = uart_getc_wait(self->id, wait);
        if (c < 0) {
            break;
        }
        if (dst != NULL) {
            dst[n] = (uint8_t)c;
        } else {
            mpf_vstr_add_char(v, (char)c);
        }
        n++;
        if (line && c == '\n') {
            break;
        }
        wait = self->timeout_char;
    }
    return n;
}

static mpf_obj_t uart_read_bytes(machine_uart_t *self, size_t max, bool line) {
    mpf_vstr_t v;
    mpf_vstr_init(&v, 32);
    if (uart_rx(self, NULL, &v, max, line) == 0) {
        return MPF_OBJ_NONE;
    }
    return mpf_vstr_to_bytes(&v);
}

static mpf_obj_t uart_read(size_t n_args, const mpf_obj_t *args) {
    machine_uart_t *self = uart_open_self(args[0]);
    mpf_int_t n = n_args > 1 ? mpf_arg_int(args[1], -1) : -1;
    return uart_read_bytes(self, n < 0 ? SIZE_MAX : (size_t)n, false);
}
MPF_FUN_VAR(uart_read_obj, MPF_QSTR_read, 1, 2, uart_read);

static mpf_obj_t uart_readline(mpf_obj_t o) {
    return uart_read_bytes(uart_open_self(o), SIZE_MAX, true);
}
MPF_FUN_1(uart_readline_obj, MPF_QSTR_readline, uart_readline);

static mpf_obj_t uart_readinto(size_t n_args, const mpf_obj_t *args) {
    machine_uart_t *self = uart_open_self(args[0]);
    mpf_buffer_t buf;
    if (!mpf_obj_get_buffer(args[1], &buf, true)) {
        mpf_raise_fmt(&mpf_type_TypeError, "readinto() needs a writable buffer, not %T", args[1]);
    }
    size_t max = buf.len;
    if (n_args > 2) {
        mpf_int_t n = mpf_obj_get_int(args[2]);
        max = n < 0 ? 0 : (size_t)n < max ? (size_t)n : max;
    }
    size_t got = uart_rx(self, buf.buf, NULL, max, false);
    return got == 0 && max > 0 ? MPF_OBJ_NONE : mpf_obj_new_small_int((mpf_int_t)got);
}
MPF_FUN_VAR(uart_readinto_obj, MPF_QSTR_readinto, 2, 3, uart_readinto);

static mpf_obj_t uart_write(mpf_obj_t o, mpf_obj_t data) {
    machine_uart_t *self = uart_open_self(o);
    size_t len;
    const char *bytes;
    mpf_buffer_t buf;
    if (MPF_IS_STR(data)) {
        bytes = mpf_obj_str_data(data, &len);
    } else if (mpf_obj_get_buffer(data, &buf, false)) {
        bytes = buf.buf;
        len = buf.len;
    } else {
        mpf_raise_fmt(&mpf_type_TypeError, "write() needs str or a bytes-like object, not %T", data);
    }
    rp2040_uart_write(self->id, bytes, len, false);
    return mpf_obj_new_small_int((mpf_int_t)len);
}
MPF_FUN_2(uart_write_obj, MPF_QSTR_write, uart_write);

static mpf_obj_t uart_any(mpf_obj_t o) {
    const machine_uart_t *self = (const machine_uart_t *)mpf_obj_ptr(o);
    return mpf_obj_new_small_int(rp2040_uart_is_open(self->id) ? (mpf_int_t)rp2040_uart_any(self->id) : 0);
}
MPF_FUN_1(uart_any_obj, MPF_QSTR_any, uart_any);

static mpf_obj_t uart_flush(mpf_obj_t o) {
    machine_uart_t *self = uart_open_self(o);
    while (!rp2040_uart_tx_done(self->id)) {
    }
    return MPF_OBJ_NONE;
}
MPF_FUN_1(uart_flush_obj, MPF_QSTR_flush, uart_flush);

static mpf_obj_t uart_txdone(mpf_obj_t o) {
    return mpf_obj_bool(rp2040_uart_tx_done(uart_open_self(o)->id));
}
MPF_FUN_1(uart_txdone_obj, MPF_QSTR_txdone, uart_txdone);

static mpf_obj_t uart_sendbreak(mpf_obj_t o) {
    rp2040_uart_send_break(uart_open_self(o)->id);
    return MPF_OBJ_NONE;
}
MPF_FUN_1(uart_sendbreak_obj, MPF_QSTR_sendbreak, uart_sendbreak);

static uintptr_t uart_poll(mpf_obj_t o, uintptr_t events) {
    const machine_uart_t *self = (const machine_uart_t *)mpf_obj_ptr(o);
    if (!rp2040_uart_is_open(self->id)) {
        return MPF_POLL_ERR;
    }
    uintptr_t ready = 0;
    if ((events & MPF_POLL_IN) && rp2040_uart_any(self->id) > 0) {
        ready |= MPF_POLL_IN;
    }
    if ((events & MPF_POLL_OUT) && rp2040_uart_tx_ready(self->id)) {
        ready |= MPF_POLL_OUT;
    }
    return ready;
}

static const mpf_map_elem_t uart_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_init), MPF_ROM_PTR(&uart_init_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_deinit), MPF_ROM_PTR(&uart_deinit_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_read), MPF_ROM_PTR(&uart_read_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_readline), MPF_ROM_PTR(&uart_readline_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_readinto), MPF_ROM_PTR(&uart_readinto_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_write), MPF_ROM_PTR(&uart_write_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_any), MPF_ROM_PTR(&uart_any_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_flush), MPF_ROM_PTR(&uart_flush_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_txdone), MPF_ROM_PTR(&uart_txdone_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_sendbreak), MPF_ROM_PTR(&uart_sendbreak_obj)},
};
MPF_ROM_MAP(uart_locals, uart_locals_table);

const mpf_type_t machine_uart_type = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_UART,
    .print = uart_print,
    .make_new = uart_make_new,
    .poll = uart_poll,
    .locals = &uart_locals,
};

// ---------------------------------------------------------------- module functions
static mpf_obj_t machine_reset(void) {
    rp2040_chip_reset();
}
MPF_FUN_0(machine_reset_obj, MPF_QSTR_reset, machine_reset);

static mpf_obj_t machine_freq(void) {
    return mpf_obj_new_int((mpf_int_t)rp2040_clock_sys_hz());
}
MPF_FUN_0(machine_freq_obj, MPF_QSTR_freq, machine_freq);

static mpf_obj_t machine_unique_id(void) {
    uint8_t id[8];
    rp2040_chip_unique_id(id);
    return mpf_obj_new_bytes(id, sizeof(id));
}
MPF_FUN_0(machine_unique_id_obj, MPF_QSTR_unique_id, machine_unique_id);

static const mpf_map_elem_t machine_members_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_Pin), MPF_ROM_PTR(&machine_pin_type)},
    {MPF_ROM_QSTR(MPF_QSTR_UART), MPF_ROM_PTR(&machine_uart_type)},
    {MPF_ROM_QSTR(MPF_QSTR_reset), MPF_ROM_PTR(&machine_reset_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_freq), MPF_ROM_PTR(&machine_freq_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_unique_id), MPF_ROM_PTR(&machine_unique_id_obj)},
};
MPF_ROM_MAP(machine_members, machine_members_table);

const mpf_builtin_module_t mpf_module_machine = {MPF_QSTR_machine, &machine_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_machine, mpf_module_machine);
