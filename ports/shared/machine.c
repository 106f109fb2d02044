// machine.c -- the `machine` module every microcontroller port shares: Pin (in/out/
// open-drain, alt/analog where the chip has them, pull, value, on/off/toggle), UART
// (timeouts, read/readline/readinto/write, select/poll), reset(), freq(), unique_id().
// All the Python is here; the chip implements machine_hal.h on its registers, and its
// machine_chip.h says which extras it has. Registered in the build's builtin-module
// table when a port compiles this file.
#include "mpf.h"
#include "port.h"
#include "machine_hal.h"


// ---------------------------------------------------------------- Pin
// Pin modes and pulls as Python sees them: machine_hal.h's.

typedef struct machine_pin {
    mpf_obj_base_t base;
    uint16_t pin;  // the chip's pin number
    uint8_t mode;  // as last set (or read from the registers when the object was made)
    uint8_t pull;
    uint8_t alt;   // alternate function number in ALT modes
} machine_pin_t;

extern const mpf_type_t machine_pin_type;

static machine_pin_t *pin_self(mpf_obj_t o) {
    return (machine_pin_t *)mpf_obj_ptr(o);
}

// Argument names of Pin() and Pin.init() after the id: mode, pull, value (and alt).
static const mpf_qstr_t pin_arg_names[] = {
    MPF_QSTR_mode, MPF_QSTR_pull, MPF_QSTR_value,
#if MHAL_PIN_HAS_ALT
    MPF_QSTR_alt,
#endif
};
enum { PIN_ARG_MODE, PIN_ARG_PULL, PIN_ARG_VALUE, PIN_ARG_ALT, PIN_N_ARGS = PIN_ARG_ALT + MHAL_PIN_HAS_ALT };

static bool pin_mode_valid(mpf_int_t mode) {
    return mode == MHAL_PIN_IN || mode == MHAL_PIN_OUT || mode == MHAL_PIN_OPEN_DRAIN
        || (MHAL_PIN_HAS_ALT && (mode == MHAL_PIN_ALT || mode == MHAL_PIN_ALT_OPEN_DRAIN || mode == MHAL_PIN_ANALOG));
}

// Apply the given ones of [vals] (mode, pull, value, alt) to [self]; the others keep
// their current setting, as machine.Pin.init() documents.
static void pin_configure(machine_pin_t *self, const mpf_obj_t *vals) {
    mpf_int_t mode = mpf_arg_int(vals[PIN_ARG_MODE], self->mode);
    if (!pin_mode_valid(mode)) {
        mpf_raise_msg(&mpf_type_ValueError,
            MHAL_PIN_HAS_ALT ? "invalid Pin mode" : "invalid Pin mode (Pin.IN, Pin.OUT or Pin.OPEN_DRAIN)");
    }
    mpf_obj_t pull_arg = vals[PIN_ARG_PULL];
    mpf_int_t pull = pull_arg == MPF_OBJ_NULL ? self->pull : mpf_arg_int(pull_arg, MHAL_PULL_NONE);
    if (pull != MHAL_PULL_NONE && pull != MHAL_PULL_UP && pull != MHAL_PULL_DOWN) {
        mpf_raise_msg(&mpf_type_ValueError, "Pin pull must be None, Pin.PULL_UP or Pin.PULL_DOWN");
    }
#if MHAL_PIN_HAS_ALT
    mpf_int_t alt = mpf_arg_int(vals[PIN_ARG_ALT], self->alt);
    bool alt_mode = mode == MHAL_PIN_ALT || mode == MHAL_PIN_ALT_OPEN_DRAIN;
    if (alt_mode && (alt < 0 || alt > 15)) {
        mpf_raise_msg(&mpf_type_ValueError, "Pin.ALT needs alt=0..15");
    }
#else
    mpf_int_t alt = 0;
#endif
    self->mode = (uint8_t)mode;
    self->pull = (uint8_t)pull;
    self->alt = (uint8_t)alt;
    if (vals[PIN_ARG_VALUE] != MPF_OBJ_NULL && vals[PIN_ARG_VALUE] != MPF_OBJ_NONE) {
        mhal_pin_write(self->pin, mpf_obj_is_true(vals[PIN_ARG_VALUE]));  // before it drives
    }
    const char *err = mhal_pin_config(self->pin, (mhal_pin_mode_t)self->mode, (mhal_pin_pull_t)self->pull, self->alt);
    if (err != NULL) {
        mpf_raise_msg(&mpf_type_ValueError, err);
    }
}

// Pin(id, mode=-1, pull=-1, value=None, *, alt=-1): id is a name ("PA5") or the chip's pin number.
// Without mode and pull the pin is left as it is (its settings are read back), or made
// an input without pull on chips that say so (MHAL_PIN_NEW_IS_INPUT).
static mpf_obj_t pin_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t vals[PIN_N_ARGS];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_Pin, 1), 3, PIN_N_ARGS, pin_arg_names, vals);
    unsigned pin;
#if MHAL_PIN_HAS_NAMES
    if (MPF_IS_STR(args[0])) {
        size_t len;
        const char *data = mpf_obj_str_data(args[0], &len);
        char name[8] = {0};  // a name and a terminator: str data need not end in NUL
        if (len < sizeof(name)) {
            memcpy(name, data, len);
        }
        if (len >= sizeof(name) || !mhal_pin_parse(name, &pin)) {
            mpf_raise_fmt(&mpf_type_ValueError, "invalid pin name %R" MHAL_PIN_NAME_HINT, args[0]);
        }
    } else
#endif
    {
        mpf_int_t id = mpf_obj_get_int(args[0]);
        if (id < 0 || id >= (mpf_int_t)mhal_pin_count || !mhal_pin_exists((unsigned)id)) {
            mpf_raise_fmt(&mpf_type_ValueError, MHAL_PIN_RANGE_ERROR, (int)id);
        }
        pin = (unsigned)id;
    }
    machine_pin_t *self = mpf_new(machine_pin_t);
    self->base.type = type;
    self->pin = (uint16_t)pin;
#if MHAL_PIN_NEW_IS_INPUT
    self->mode = MHAL_PIN_IN;
    self->pull = MHAL_PULL_NONE;
    bool configure = true;
#else
    mhal_pin_mode_t mode;
    mhal_pin_pull_t pull;
    int alt;
    mhal_pin_get(pin, &mode, &pull, &alt);
    self->mode = (uint8_t)mode;
    self->pull = (uint8_t)pull;
    self->alt = (uint8_t)alt;
    bool configure = vals[PIN_ARG_MODE] != MPF_OBJ_NULL || vals[PIN_ARG_PULL] != MPF_OBJ_NULL;
#endif
    if (configure) {
        pin_configure(self, vals);
    } else if (vals[PIN_ARG_VALUE] != MPF_OBJ_NULL && vals[PIN_ARG_VALUE] != MPF_OBJ_NONE) {
        mhal_pin_write(pin, mpf_obj_is_true(vals[PIN_ARG_VALUE]));
    }
    return MPF_OBJ_FROM_PTR(self);
}

static const char *pin_mode_name(int mode) {
    switch (mode) {
        case MHAL_PIN_IN:
            return "IN";
        case MHAL_PIN_OUT:
            return "OUT";
        case MHAL_PIN_OPEN_DRAIN:
            return "OPEN_DRAIN";
        case MHAL_PIN_ALT:
            return "ALT";
        case MHAL_PIN_ALT_OPEN_DRAIN:
            return "ALT_OPEN_DRAIN";
        default:
            return "ANALOG";
    }
}

// Pin('PA5', mode=Pin.OUT, pull=Pin.PULL_UP): what would make the same pin again (in
// the chip's words: machine_chip.h's MHAL_PIN_REPR_*).
static void pin_print(const mpf_print_t *p, mpf_obj_t o, mpf_print_kind_t kind) {
    (void)kind;
    machine_pin_t *self = pin_self(o);
    char name[8];
    mhal_pin_name(self->pin, name);
    mpf_printf(p, "Pin(" MHAL_PIN_REPR_ID ", " MHAL_PIN_REPR_MODE "%s", name, pin_mode_name(self->mode));
    if (self->pull != MHAL_PULL_NONE) {
        mpf_printf(p, ", " MHAL_PIN_REPR_PULL "%s", self->pull == MHAL_PULL_UP ? "PULL_UP" : "PULL_DOWN");
    }
    if (MHAL_PIN_HAS_ALT && (self->mode == MHAL_PIN_ALT || self->mode == MHAL_PIN_ALT_OPEN_DRAIN)) {
        mpf_printf(p, ", alt=%d", self->alt);
    }
    mpf_printf(p, ")");
}

// pin.init(mode=-1, pull=-1, value=None, *, alt=-1)
static mpf_obj_t pin_init(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t vals[PIN_N_ARGS];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_init, 1), 3, PIN_N_ARGS, pin_arg_names, vals);
    pin_configure(pin_self(args[0]), vals);
    return MPF_OBJ_NONE;
}

// pin.value() reads the input; pin.value(x) drives the output.
static mpf_obj_t pin_value(size_t n_args, const mpf_obj_t *args) {
    machine_pin_t *self = pin_self(args[0]);
    if (n_args == 1) {
        return mpf_obj_new_small_int(mhal_pin_read(self->pin));
    }
    mhal_pin_write(self->pin, mpf_obj_is_true(args[1]));
    return MPF_OBJ_NONE;
}

// pin() and pin(x): value() and value(x), as in MicroPython.
static mpf_obj_t pin_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_arg_check_num(n_args, n_kw, 0, 1, false);
    mpf_obj_t both[2] = {self, n_args ? args[0] : MPF_OBJ_NONE};
    return pin_value(1 + n_args, both);
}

static mpf_obj_t pin_on(mpf_obj_t self) {
    mhal_pin_write(pin_self(self)->pin, true);
    return MPF_OBJ_NONE;
}

static mpf_obj_t pin_off(mpf_obj_t self) {
    mhal_pin_write(pin_self(self)->pin, false);
    return MPF_OBJ_NONE;
}

// Toggle from the output latch (ODR), not the input: right even when the pin is loaded.
static mpf_obj_t pin_toggle(mpf_obj_t o) {
    machine_pin_t *self = pin_self(o);
    mhal_pin_write(self->pin, !mhal_pin_output(self->pin));
    return MPF_OBJ_NONE;
}

// pin.mode() / pin.mode(m) and pin.pull() / pin.pull(p): get, or set alone.
static mpf_obj_t pin_get_set(size_t n_args, const mpf_obj_t *args, int which) {
    machine_pin_t *self = pin_self(args[0]);
    if (n_args == 1) {
        if (which == PIN_ARG_PULL && self->pull == MHAL_PULL_NONE) {
            return MPF_OBJ_NONE;
        }
        return mpf_obj_new_small_int(which == PIN_ARG_MODE ? self->mode : self->pull);
    }
    mpf_obj_t vals[PIN_N_ARGS];
    for (size_t i = 0; i < PIN_N_ARGS; i++) {
        vals[i] = MPF_OBJ_NULL;
    }
    vals[which] = args[1];
    pin_configure(self, vals);
    return MPF_OBJ_NONE;
}

static mpf_obj_t pin_mode(size_t n_args, const mpf_obj_t *args) {
    return pin_get_set(n_args, args, PIN_ARG_MODE);
}

static mpf_obj_t pin_pull(size_t n_args, const mpf_obj_t *args) {
    return pin_get_set(n_args, args, PIN_ARG_PULL);
}

static const mpf_rom_map_elem_t pin_locals_table[] = {
    MPF_ROM_FUN_KW(MPF_QSTR_init, 1, pin_init),
    MPF_ROM_FUN_VAR(MPF_QSTR_value, 1, 2, pin_value),
    MPF_ROM_FUN_1(MPF_QSTR_on, pin_on),
    MPF_ROM_FUN_1(MPF_QSTR_off, pin_off),
    MPF_ROM_FUN_1(MPF_QSTR_toggle, pin_toggle),
    MPF_ROM_FUN_VAR(MPF_QSTR_mode, 1, 2, pin_mode),
    MPF_ROM_FUN_VAR(MPF_QSTR_pull, 1, 2, pin_pull),
    {MPF_ROM_QSTR(MPF_QSTR_IN), MPF_ROM_INT(MHAL_PIN_IN)},
    {MPF_ROM_QSTR(MPF_QSTR_OUT), MPF_ROM_INT(MHAL_PIN_OUT)},
    {MPF_ROM_QSTR(MPF_QSTR_OPEN_DRAIN), MPF_ROM_INT(MHAL_PIN_OPEN_DRAIN)},
#if MHAL_PIN_HAS_ALT
    {MPF_ROM_QSTR(MPF_QSTR_ALT), MPF_ROM_INT(MHAL_PIN_ALT)},
    {MPF_ROM_QSTR(MPF_QSTR_ALT_OPEN_DRAIN), MPF_ROM_INT(MHAL_PIN_ALT_OPEN_DRAIN)},
    {MPF_ROM_QSTR(MPF_QSTR_ANALOG), MPF_ROM_INT(MHAL_PIN_ANALOG)},
#endif
    {MPF_ROM_QSTR(MPF_QSTR_PULL_UP), MPF_ROM_INT(MHAL_PULL_UP)},
#if MHAL_PIN_HAS_PULL_DOWN
    {MPF_ROM_QSTR(MPF_QSTR_PULL_DOWN), MPF_ROM_INT(MHAL_PULL_DOWN)},
#endif
};
MPF_ROM_MAP(pin_locals, pin_locals_table);

const mpf_type_t machine_pin_type = MPF_TYPE(MPF_QSTR_Pin, 0,
    (print, pin_print),
    (make_new, pin_make_new),
    (call, pin_call),
    (locals, &pin_locals));

// ---------------------------------------------------------------- UART
// One static object per USART: UART(n) returns the same object each time, and the
// ring buffers it reads are the driver's static ones, so nothing on the GC heap is
// reachable from an interrupt. Timeouts are in milliseconds.
typedef struct machine_uart {
    mpf_obj_base_t base;
    uint8_t id;
    uint32_t timeout;       // for the first byte of a read
    uint32_t timeout_char;  // between bytes
} machine_uart_t;

static machine_uart_t uart_objs[MHAL_UART_MAX + 1];

extern const mpf_type_t machine_uart_type;

static const mpf_qstr_t uart_arg_names[] = {
    MPF_QSTR_baudrate, MPF_QSTR_bits, MPF_QSTR_parity, MPF_QSTR_stop,
    MPF_QSTR_timeout, MPF_QSTR_timeout_char, MPF_QSTR_rxbuf,
#if MHAL_UART_HAS_PIN_ARGS
    MPF_QSTR_tx, MPF_QSTR_rx,
#endif
};
enum { UART_ARG_BAUD, UART_ARG_BITS, UART_ARG_PARITY, UART_ARG_STOP, UART_ARG_TIMEOUT, UART_ARG_TIMEOUT_CHAR,
    UART_ARG_RXBUF, UART_ARG_TX, UART_ARG_RX, UART_N_ARGS = UART_ARG_TX + 2 * MHAL_UART_HAS_PIN_ARGS };

// A UART object that is open, or OSError.
static machine_uart_t *uart_open_self(mpf_obj_t o) {
    machine_uart_t *self = (machine_uart_t *)mpf_obj_ptr(o);
    if (!mhal_uart_is_open(self->id)) {
        mpf_raise_fmt(&mpf_type_OSError, "UART(%d) is deinitialised; call init()", self->id);
    }
    return self;
}

// (Re)initialise from the arguments after self (or the id): a full init, so those not
// given take their defaults (MHAL_UART_DEFAULT_BAUD 8N1, timeout 0, the whole static ring).
static void uart_init_args(machine_uart_t *self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t vals[UART_N_ARGS];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_UART, 1), 4, UART_N_ARGS, uart_arg_names, vals);
    mhal_uart_config_t cfg = {0};
    mpf_int_t baud = mpf_arg_int(vals[UART_ARG_BAUD], MHAL_UART_DEFAULT_BAUD);
    mpf_int_t bits = mpf_arg_int(vals[UART_ARG_BITS], 8);
    mpf_int_t parity = mpf_arg_int(vals[UART_ARG_PARITY], -1);
    mpf_int_t stop = mpf_arg_int(vals[UART_ARG_STOP], 1);
    mpf_int_t rxbuf = mpf_arg_int(vals[UART_ARG_RXBUF], 0);
    if (baud <= 0 || parity < -1 || parity > 1 || bits < 0 || bits > 9 || stop < 0 || stop > 2 || rxbuf < 0
        || (vals[UART_ARG_RXBUF] != MPF_OBJ_NULL && rxbuf == 0)) {
        mpf_raise_msg(&mpf_type_ValueError, "invalid UART argument (parity: None, 0 even or 1 odd; rxbuf >= 1)");
    }
    cfg.baud = (uint32_t)baud;
    cfg.bits = (uint8_t)bits;
    cfg.parity = parity < 0 ? MHAL_PARITY_NONE : parity == 0 ? MHAL_PARITY_EVEN : MHAL_PARITY_ODD;
    cfg.stop = (uint8_t)stop;
    cfg.rxbuf = rxbuf > 0xFFFF ? 0xFFFF : (uint16_t)rxbuf;
    cfg.tx = cfg.rx = -1;
#if MHAL_UART_HAS_PIN_ARGS
    mpf_int_t tx = mpf_arg_int(vals[UART_ARG_TX], -1);
    mpf_int_t rx = mpf_arg_int(vals[UART_ARG_RX], -1);
    tx = tx < -1 || tx > 0x7FFF ? 0x7FFF : tx;  // no pin has that number
    rx = rx < -1 || rx > 0x7FFF ? 0x7FFF : rx;
    cfg.tx = (int16_t)tx;  // the chip checks them
    cfg.rx = (int16_t)rx;
#endif
    // Default gap between bytes: two 12-bit frames, plus a tick for the 1 ms resolution.
    mpf_int_t char_ms = (24000 + baud - 1) / baud + 1;
    mpf_int_t timeout = mpf_arg_int(vals[UART_ARG_TIMEOUT], 0);
    mpf_int_t timeout_char = mpf_arg_int(vals[UART_ARG_TIMEOUT_CHAR], char_ms);
    if (timeout < 0 || timeout_char < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "timeouts must be >= 0 (milliseconds)");
    }
    const char *err = mhal_uart_open(self->id, &cfg);
    if (err != NULL) {
        mpf_raise_fmt(&mpf_type_ValueError, "UART(%d): %s", self->id, err);
    }
    self->timeout = (uint32_t)timeout;
    self->timeout_char = (uint32_t)timeout_char;
}

// UART(id, baudrate=9600, bits=8, parity=None, stop=1, *, timeout=0, timeout_char,
// rxbuf). UART(id) alone returns the open UART as it is (its buffered bytes kept).
static mpf_obj_t uart_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_num(n_args, n_kw, 1, 5, true);
    mpf_int_t id = mpf_obj_get_int(args[0]);
    if (id < 0 || id > MHAL_UART_MAX || !mhal_uart_exists((int)id)) {
        mpf_raise_fmt(
            &mpf_type_ValueError, "UART(%d) does not exist on the " CONFIG_CHIP MHAL_UART_ABSENT_NOTE, (int)id);
    }
    if (id == mhal_uart_console) {
        mpf_raise_fmt(&mpf_type_ValueError,
            "UART(%d) is the console" MHAL_UART_CONSOLE_NOTE ": use sys.stdin and sys.stdout", (int)id);
    }
    machine_uart_t *self = &uart_objs[id];
    if (self->base.type == NULL) {  // first use: a UART open already (a console one) reads byte by byte
        self->base.type = &machine_uart_type;
        self->id = (uint8_t)id;
        self->timeout_char = 1;
    }
    if (n_args > 1 || n_kw > 0 || !mhal_uart_is_open(self->id)) {
        uart_init_args(self, n_args, n_kw, args);
    }
    return MPF_OBJ_FROM_PTR(self);
}

static void uart_print(const mpf_print_t *p, mpf_obj_t o, mpf_print_kind_t kind) {
    (void)kind;
    const machine_uart_t *self = (const machine_uart_t *)mpf_obj_ptr(o);
    if (!mhal_uart_is_open(self->id)) {
        mpf_printf(p, "UART(%d)", self->id);
        return;
    }
    const mhal_uart_config_t *cfg = mhal_uart_config(self->id);
    mpf_printf(p, "UART(%d, baudrate=%u, bits=%d, parity=%s, stop=%d", self->id, (unsigned)cfg->baud, cfg->bits,
        cfg->parity == MHAL_PARITY_NONE ? "None" : cfg->parity == MHAL_PARITY_EVEN ? "0" : "1", cfg->stop);
#if MHAL_UART_REPR_PINS
    char tx[8], rx[8];
    mhal_uart_pin_names(self->id, tx, rx);
    mpf_printf(p, ", tx=%s, rx=%s", tx, rx);
#endif
    mpf_printf(p, ")");
}

// uart.init(baudrate=9600, bits=8, parity=None, stop=1, *, timeout=0, timeout_char, rxbuf)
static mpf_obj_t uart_init(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    uart_init_args((machine_uart_t *)mpf_obj_ptr(args[0]), n_args, n_kw, args);
    return MPF_OBJ_NONE;
}

static mpf_obj_t uart_deinit(mpf_obj_t o) {
    machine_uart_t *self = (machine_uart_t *)mpf_obj_ptr(o);
    if (mhal_uart_is_open(self->id)) {
        mhal_uart_close(self->id);
    }
    return MPF_OBJ_NONE;
}

// The next received byte, waiting up to [ms] milliseconds; -1 on timeout.
static int uart_getc_wait(int id, uint32_t ms) {
    uint32_t t0 = mpf_port_ticks_ms();
    int c;
    while ((c = mhal_uart_getc(id)) < 0 && mpf_port_ticks_ms() - t0 < ms) {
        mpf_port_poll();  // Ctrl-C on the console raises KeyboardInterrupt
        mpf_port_idle();  // until a received byte or the next SysTick
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

// read([n]) and readline(): bytes, or None when nothing came before the timeout.
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

static mpf_obj_t uart_readline(mpf_obj_t o) {
    return uart_read_bytes(uart_open_self(o), SIZE_MAX, true);
}

// readinto(buf[, n]): the number of bytes read, or None on timeout.
static mpf_obj_t uart_readinto(size_t n_args, const mpf_obj_t *args) {
    machine_uart_t *self = uart_open_self(args[0]);
    mpf_buffer_t buf;
    size_t max = mpf_obj_readinto_args(n_args, args, &buf);
    size_t got = uart_rx(self, buf.buf, NULL, max, false);
    return got == 0 && max > 0 ? MPF_OBJ_NONE : mpf_obj_new_small_int((mpf_int_t)got);
}

// write(buf): str or any bytes-like object; returns the bytes sent (all of them).
static mpf_obj_t uart_write(mpf_obj_t o, mpf_obj_t data) {
    machine_uart_t *self = uart_open_self(o);
    size_t len;
    const char *bytes = mpf_obj_write_data(data, &len);
    mhal_uart_write(self->id, bytes, len);
    return mpf_obj_new_small_int((mpf_int_t)len);
}

static mpf_obj_t uart_any(mpf_obj_t o) {
    machine_uart_t *self = (machine_uart_t *)mpf_obj_ptr(o);
    return mpf_obj_new_small_int(mhal_uart_is_open(self->id) ? (mpf_int_t)mhal_uart_any(self->id) : 0);
}

// flush(): wait until the last byte written has left the pin.
static mpf_obj_t uart_flush(mpf_obj_t o) {
    machine_uart_t *self = uart_open_self(o);
    while (!mhal_uart_tx_done(self->id)) {
    }
    return MPF_OBJ_NONE;
}

static mpf_obj_t uart_txdone(mpf_obj_t o) {
    machine_uart_t *self = uart_open_self(o);
    return mpf_obj_bool(mhal_uart_tx_done(self->id));
}

#if MHAL_UART_HAS_BREAK
static mpf_obj_t uart_sendbreak(mpf_obj_t o) {
    mhal_uart_send_break(uart_open_self(o)->id);
    return MPF_OBJ_NONE;
}
#endif

// select/poll: readable when bytes wait in the ring, writable when TXE is set.
static uintptr_t uart_poll(mpf_obj_t o, uintptr_t events) {
    const machine_uart_t *self = (const machine_uart_t *)mpf_obj_ptr(o);
    if (!mhal_uart_is_open(self->id)) {
        return MPF_POLL_ERR;
    }
    uintptr_t ready = 0;
    if ((events & MPF_POLL_IN) && mhal_uart_any(self->id) > 0) {
        ready |= MPF_POLL_IN;
    }
    if ((events & MPF_POLL_OUT) && mhal_uart_tx_ready(self->id)) {
        ready |= MPF_POLL_OUT;
    }
    return ready;
}

static const mpf_rom_map_elem_t uart_locals_table[] = {
    MPF_ROM_FUN_KW(MPF_QSTR_init, 1, uart_init),
    MPF_ROM_FUN_1(MPF_QSTR_deinit, uart_deinit),
    MPF_ROM_FUN_VAR(MPF_QSTR_read, 1, 2, uart_read),
    MPF_ROM_FUN_1(MPF_QSTR_readline, uart_readline),
    MPF_ROM_FUN_VAR(MPF_QSTR_readinto, 2, 3, uart_readinto),
    MPF_ROM_FUN_2(MPF_QSTR_write, uart_write),
    MPF_ROM_FUN_1(MPF_QSTR_any, uart_any),
    MPF_ROM_FUN_1(MPF_QSTR_flush, uart_flush),
    MPF_ROM_FUN_1(MPF_QSTR_txdone, uart_txdone),
#if MHAL_UART_HAS_BREAK
    MPF_ROM_FUN_1(MPF_QSTR_sendbreak, uart_sendbreak),
#endif
};
MPF_ROM_MAP(uart_locals, uart_locals_table);

static const mpf_type_ext_t uart_poll_ext = {.poll = uart_poll};
const mpf_type_t machine_uart_type = MPF_TYPE(MPF_QSTR_UART, 0,
    (print, uart_print),
    (make_new, uart_make_new),
    (ext, &uart_poll_ext),
    (locals, &uart_locals));

#if CONFIG_CORTEX_M_MACHINE_RTC
// ---------------------------------------------------------------- RTC
// A calendar clock from the millisecond tick (Kconfig CORTEX_M_MACHINE_RTC): the time set,
// in milliseconds since 2000-01-01 00:00, and the tick then.
static uint64_t rtc_set_ms;
static uint32_t rtc_set_tick;

static bool rtc_leap(uint32_t y) {
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static uint32_t rtc_month_days(uint32_t y, uint32_t m) {
    static const uint8_t days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[m - 1] + (m == 2 && rtc_leap(y));
}

// datetime(): (year, month, day, weekday, hours, minutes, seconds, microseconds);
// datetime(t) sets it (t[3], the weekday, is not used).
static mpf_obj_t rtc_datetime(size_t n_args, const mpf_obj_t *args) {
    if (n_args > 1) {
        size_t n;
        mpf_obj_t *t;
        mpf_obj_get_array(args[1], &n, &t);
        mpf_int_t v[8] = {0};
        for (size_t i = 0; i < n && i < 8; i++) {
            v[i] = mpf_obj_get_int(t[i]);
        }
        if (n < 7 || v[0] < 2000 || v[0] > 2099 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
            v[2] > (mpf_int_t)rtc_month_days((uint32_t)v[0], (uint32_t)v[1]) || v[4] < 0 || v[4] > 23 ||
            v[5] < 0 || v[5] > 59 || v[6] < 0 || v[6] > 59 || v[7] < 0 || v[7] > 999999) {
            mpf_raise_msg(&mpf_type_ValueError, "datetime: (year 2000..2099, month, day, weekday, hours, minutes, seconds[, microseconds])");
        }
        uint32_t days = (uint32_t)v[2] - 1;
        for (uint32_t y = 2000; y < (uint32_t)v[0]; y++) {
            days += 365 + rtc_leap(y);
        }
        for (uint32_t m = 1; m < (uint32_t)v[1]; m++) {
            days += rtc_month_days((uint32_t)v[0], m);
        }
        uint32_t secs = (uint32_t)(v[4] * 3600 + v[5] * 60 + v[6]);
        rtc_set_ms = ((uint64_t)days * 86400u + secs) * 1000u + (uint64_t)v[7] / 1000u;
        rtc_set_tick = mpf_port_ticks_ms();
        return MPF_OBJ_NONE;
    }
    uint64_t ms = rtc_set_ms + (uint32_t)(mpf_port_ticks_ms() - rtc_set_tick);
    uint32_t days = (uint32_t)(ms / 86400000u), in_day = (uint32_t)(ms % 86400000u);
    uint32_t weekday = (days + 5) % 7;  // 2000-01-01 was a Saturday (0: Monday)
    uint32_t y = 2000, m = 1;
    while (days >= 365u + rtc_leap(y)) {
        days -= 365u + rtc_leap(y);
        y++;
    }
    while (days >= rtc_month_days(y, m)) {
        days -= rtc_month_days(y, m);
        m++;
    }
    const uint32_t f[8] = {y, m, days + 1, weekday, in_day / 3600000u, in_day / 60000u % 60u, in_day / 1000u % 60u,
        in_day % 1000u * 1000u};
    mpf_obj_t items[8];
    for (size_t i = 0; i < 8; i++) {
        items[i] = mpf_obj_new_int((mpf_int_t)f[i]);
    }
    return mpf_obj_new_tuple(8, items);
}

static const mpf_rom_map_elem_t rtc_locals_table[] = {
    MPF_ROM_FUN_VAR(MPF_QSTR_datetime, 1, 2, rtc_datetime),
};
MPF_ROM_MAP(rtc_locals, rtc_locals_table);

static const mpf_type_t machine_rtc_type;
static const mpf_obj_base_t machine_rtc_obj = {&machine_rtc_type};

// RTC(): the one clock.
static mpf_obj_t rtc_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    (void)args;
    if (n_args + n_kw > 1) {
        mpf_raise_msg(&mpf_type_TypeError, "RTC() takes at most 1 argument");
    }
    return mpf_obj_from_ptr(&machine_rtc_obj);
}

static const mpf_type_t machine_rtc_type = MPF_TYPE(MPF_QSTR_RTC, 0,
    (make_new, rtc_make_new),
    (locals, &rtc_locals));
#endif

// ---------------------------------------------------------------- module functions
static mpf_obj_t machine_reset(void) {
    mhal_reset();
}

#if MHAL_HAS_FREQ_SET
// freq() -> the CPU clock in Hz; freq(hz) sets it (the chip says which it can).
static mpf_obj_t machine_freq(size_t n_args, const mpf_obj_t *args) {
    if (n_args == 0) {
        return mpf_obj_new_int((mpf_int_t)mhal_freq());
    }
    mpf_int_t hz = mpf_obj_get_int(args[0]);
    const char *err = mhal_freq_set(hz > 0 ? (uint32_t)hz : 0);
    if (err != NULL) {
        mpf_raise_msg(&mpf_type_ValueError, err);
    }
    return MPF_OBJ_NONE;
}
MPF_FUN_VAR(machine_freq_obj, MPF_QSTR_freq, 0, 1, machine_freq);
#else
static mpf_obj_t machine_freq(void) {
    return mpf_obj_new_int((mpf_int_t)mhal_freq());
}
MPF_FUN_0(machine_freq_obj, MPF_QSTR_freq, machine_freq);
#endif

#if MHAL_HAS_UNIQUE_ID
static mpf_obj_t machine_unique_id(void) {
    uint8_t uid[MHAL_UNIQUE_ID_MAX];  // STM32: 12 bytes, SAMD: 16, nRF: 8, ESP32-C3: 6
    size_t n = mhal_unique_id(uid);
    return mpf_obj_new_bytes(uid, n);
}
#endif

static const mpf_rom_map_elem_t machine_members_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_Pin), MPF_ROM_PTR(&machine_pin_type)},
    {MPF_ROM_QSTR(MPF_QSTR_UART), MPF_ROM_PTR(&machine_uart_type)},
#if CONFIG_CORTEX_M_MACHINE_RTC
    {MPF_ROM_QSTR(MPF_QSTR_RTC), MPF_ROM_PTR(&machine_rtc_type)},
#endif
    MPF_ROM_FUN_0(MPF_QSTR_reset, machine_reset),
    {MPF_ROM_QSTR(MPF_QSTR_freq), MPF_ROM_PTR(&machine_freq_obj)},
#if MHAL_HAS_UNIQUE_ID
    MPF_ROM_FUN_0(MPF_QSTR_unique_id, machine_unique_id),
#endif
};
MPF_ROM_MAP(machine_members, machine_members_table);

const mpf_builtin_module_t mpf_module_machine = {MPF_QSTR_machine, &machine_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_machine, mpf_module_machine);
