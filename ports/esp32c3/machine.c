// machine.c -- the `machine` module on the ESP32-C3: Pin (GPIO0..21 through the GPIO
// matrix: IN, OUT, OPEN_DRAIN, PULL_UP, PULL_DOWN), UART(1) on the driver of uart.c with
// interrupt-driven receive, reset(), freq() and unique_id() (the eFuse MAC).
#include "c3hal.h"
#include "esp32c3.h"
#include "mpf.h"
#include "port.h"

// Keyword arguments: the value of each of [names] (MPF_OBJ_NULL when absent); an unknown
// keyword is a TypeError, so a misspelt setting is never ignored.
static void kw_args(size_t n_args, size_t n_kw, const mpf_obj_t *args, size_t n_names, const mpf_qstr_t *names,
    mpf_obj_t *vals) {
    for (size_t i = 0; i < n_names; i++) {
        vals[i] = MPF_OBJ_NULL;
    }
    for (size_t k = 0; k < n_kw; k++) {
        mpf_obj_t key = args[n_args + 2 * k];
        size_t i = 0;
        while (i < n_names && key != mpf_obj_new_qstr(names[i])) {
            i++;
        }
        if (i == n_names) {
            mpf_raise_fmt(&mpf_type_TypeError, "unexpected keyword argument %R", key);
        }
        vals[i] = args[n_args + 2 * k + 1];
    }
}

// The argument at [pos] if given positionally, else the keyword value [kw]; [dflt] when
// neither (or None).
static mpf_int_t arg_int(size_t n_args, const mpf_obj_t *args, size_t pos, mpf_obj_t kw, mpf_int_t dflt) {
    mpf_obj_t o = pos < n_args ? args[pos] : kw;
    return o == MPF_OBJ_NULL || o == MPF_OBJ_NONE ? dflt : mpf_obj_get_int(o);
}

// ---------------------------------------------------------------- Pin
typedef struct machine_pin {
    mpf_obj_base_t base;
    uint8_t pin;   // GPIO number
    uint8_t mode;  // c3_gpio_mode_t
    uint8_t pull;  // c3_gpio_pull_t
} machine_pin_t;

static const mpf_qstr_t pin_kw_names[] = {MPF_QSTR_mode, MPF_QSTR_pull, MPF_QSTR_value};

// Pin.init(mode, pull, value) from the arguments after the id or self (at [first]).
static void pin_configure(machine_pin_t *self, size_t n_args, size_t n_kw, const mpf_obj_t *args, size_t first) {
    mpf_arg_check_num(n_args, n_kw, first, first + 3, true);
    mpf_obj_t kw[3];
    kw_args(n_args, n_kw, args, 3, pin_kw_names, kw);
    mpf_int_t mode = arg_int(n_args, args, first, kw[0], self->mode);
    mpf_int_t pull = arg_int(n_args, args, first + 1, kw[1], C3_GPIO_PULL_NONE);
    if (mode < C3_GPIO_IN || mode > C3_GPIO_OPEN_DRAIN) {
        mpf_raise_msg(&mpf_type_ValueError, "Pin mode must be Pin.IN, Pin.OUT or Pin.OPEN_DRAIN");
    }
    if (pull < C3_GPIO_PULL_NONE || pull > C3_GPIO_PULL_DOWN) {
        mpf_raise_msg(&mpf_type_ValueError, "Pin pull must be None, Pin.PULL_UP or Pin.PULL_DOWN");
    }
    mpf_obj_t value = first + 2 < n_args ? args[first + 2] : kw[2];
    if (value != MPF_OBJ_NULL && value != MPF_OBJ_NONE) {
        c3_gpio_write(self->pin, mpf_obj_is_true(value));  // before the pin drives
    }
    self->mode = (uint8_t)mode;
    self->pull = (uint8_t)pull;
    c3_gpio_config(self->pin, (c3_gpio_mode_t)mode, (c3_gpio_pull_t)pull);
}

// Pin(id, mode=Pin.IN, pull=None, value=None): id is the GPIO number 0..21.
static mpf_obj_t pin_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_arg_check_num(n_args, n_kw, 1, 4, true);
    mpf_int_t id = mpf_obj_get_int(args[0]);
    if (id < 0 || id >= C3_GPIO_COUNT) {
        mpf_raise_fmt(&mpf_type_ValueError, "Pin(%d): the ESP32-C3 has GPIO0..GPIO21", (int)id);
    }
    machine_pin_t *self = mpf_new(machine_pin_t);
    self->base.type = type;
    self->pin = (uint8_t)id;
    self->mode = C3_GPIO_IN;
    pin_configure(self, n_args, n_kw, args, 1);
    return MPF_OBJ_FROM_PTR(self);
}

static void pin_print(const mpf_print_t *p, mpf_obj_t o, mpf_print_kind_t kind) {
    (void)kind;
    static const char *const modes[] = {"IN", "OUT", "OPEN_DRAIN"};
    static const char *const pulls[] = {"", ", pull=Pin.PULL_UP", ", pull=Pin.PULL_DOWN"};
    const machine_pin_t *self = (const machine_pin_t *)mpf_obj_ptr(o);
    mpf_printf(p, "Pin(%d, mode=Pin.%s%s)", self->pin, modes[self->mode], pulls[self->pull]);
}

static mpf_obj_t pin_init(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    pin_configure((machine_pin_t *)mpf_obj_ptr(args[0]), n_args, n_kw, args, 1);
    return MPF_OBJ_NONE;
}
MPF_FUN_KW(pin_init_obj, MPF_QSTR_init, 1, pin_init);

// value() reads the pad; value(x) sets the output latch.
static mpf_obj_t pin_value(size_t n_args, const mpf_obj_t *args) {
    const machine_pin_t *self = (const machine_pin_t *)mpf_obj_ptr(args[0]);
    if (n_args == 1) {
        return mpf_obj_new_small_int(c3_gpio_read(self->pin));
    }
    c3_gpio_write(self->pin, mpf_obj_is_true(args[1]));
    return MPF_OBJ_NONE;
}
MPF_FUN_VAR(pin_value_obj, MPF_QSTR_value, 1, 2, pin_value);

static mpf_obj_t pin_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_arg_check_num(n_args, n_kw, 0, 1, false);
    mpf_obj_t all[2] = {self, n_args ? args[0] : MPF_OBJ_NONE};
    return pin_value(1 + n_args, all);
}

static mpf_obj_t pin_on(mpf_obj_t o) {
    c3_gpio_write(((const machine_pin_t *)mpf_obj_ptr(o))->pin, true);
    return MPF_OBJ_NONE;
}
MPF_FUN_1(pin_on_obj, MPF_QSTR_on, pin_on);

static mpf_obj_t pin_off(mpf_obj_t o) {
    c3_gpio_write(((const machine_pin_t *)mpf_obj_ptr(o))->pin, false);
    return MPF_OBJ_NONE;
}
MPF_FUN_1(pin_off_obj, MPF_QSTR_off, pin_off);

static const mpf_map_elem_t pin_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_init), MPF_ROM_PTR(&pin_init_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_value), MPF_ROM_PTR(&pin_value_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_on), MPF_ROM_PTR(&pin_on_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_off), MPF_ROM_PTR(&pin_off_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_IN), MPF_ROM_INT(C3_GPIO_IN)},
    {MPF_ROM_QSTR(MPF_QSTR_OUT), MPF_ROM_INT(C3_GPIO_OUT)},
    {MPF_ROM_QSTR(MPF_QSTR_OPEN_DRAIN), MPF_ROM_INT(C3_GPIO_OPEN_DRAIN)},
    {MPF_ROM_QSTR(MPF_QSTR_PULL_UP), MPF_ROM_INT(C3_GPIO_PULL_UP)},
    {MPF_ROM_QSTR(MPF_QSTR_PULL_DOWN), MPF_ROM_INT(C3_GPIO_PULL_DOWN)},
};
MPF_ROM_MAP(pin_locals, pin_locals_table);

static const mpf_type_t machine_pin_type = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_Pin,
    .print = pin_print,
    .make_new = pin_make_new,
    .call = pin_call,
    .locals = &pin_locals,
};

// ---------------------------------------------------------------- UART
// UART(1) is one static object (the receive ring it reads is the driver's static one);
// UART(0) is the console. Timeouts in milliseconds.
typedef struct machine_uart {
    mpf_obj_base_t base;
    uint32_t timeout;
} machine_uart_t;

static const mpf_type_t machine_uart_type;
static machine_uart_t uart1_obj = {{&machine_uart_type}, 0};

static const mpf_qstr_t uart_kw_names[] = {
    MPF_QSTR_baudrate, MPF_QSTR_bits, MPF_QSTR_parity, MPF_QSTR_stop, MPF_QSTR_tx, MPF_QSTR_rx, MPF_QSTR_timeout,
};

// init(baudrate=9600, bits=8, parity=None, stop=1, *, tx, rx, timeout=0): args after self.
static void uart_configure(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_arg_check_num(n_args, n_kw, 1, 5, true);
    mpf_obj_t kw[7];
    kw_args(n_args, n_kw, args, 7, uart_kw_names, kw);
    mpf_int_t parity = arg_int(n_args, args, 3, kw[2], -1);
    c3_uart_config_t cfg = {
        .baud = (uint32_t)arg_int(n_args, args, 1, kw[0], 9600),
        .bits = (uint8_t)arg_int(n_args, args, 2, kw[1], 8),
        .parity = parity < 0 ? C3_PARITY_NONE : parity == 0 ? C3_PARITY_EVEN : C3_PARITY_ODD,
        .stop = (uint8_t)arg_int(n_args, args, 4, kw[3], 1),
        .tx_pin = (uint8_t)arg_int(0, args, 0, kw[4], CONFIG_ESP32C3_UART1_TX_PIN),
        .rx_pin = (uint8_t)arg_int(0, args, 0, kw[5], CONFIG_ESP32C3_UART1_RX_PIN),
    };
    mpf_int_t timeout = arg_int(0, args, 0, kw[6], 0);
    if (parity > 1 || timeout < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "parity must be None, 0 (even) or 1 (odd); timeout >= 0");
    }
    const char *err = c3_uart_open(1, &cfg);
    if (err != NULL) {
        mpf_raise_fmt(&mpf_type_ValueError, "UART(1): %s", err);
    }
    uart1_obj.timeout = (uint32_t)timeout;
}

static mpf_obj_t uart_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_num(n_args, n_kw, 1, 5, true);
    mpf_int_t id = mpf_obj_get_int(args[0]);
    if (id == 0) {
        mpf_raise_msg(&mpf_type_ValueError, "UART(0) is the console: use sys.stdin and sys.stdout");
    }
    if (id != 1) {
        mpf_raise_fmt(&mpf_type_ValueError, "UART(%d) does not exist on the ESP32-C3 (UART(1) only)", (int)id);
    }
    if (n_args > 1 || n_kw > 0 || !c3_uart_is_open(1)) {
        uart_configure(n_args, n_kw, args);
    }
    return MPF_OBJ_FROM_PTR(&uart1_obj);
}

static void uart_print(const mpf_print_t *p, mpf_obj_t o, mpf_print_kind_t kind) {
    (void)o;
    (void)kind;
    if (!c3_uart_is_open(1)) {
        mpf_printf(p, "UART(1)");
        return;
    }
    const c3_uart_config_t *c = c3_uart_config(1);
    mpf_printf(p, "UART(1, baudrate=%u, bits=%d, parity=%s, stop=%d, tx=%d, rx=%d)", (unsigned)c->baud, c->bits,
        c->parity == C3_PARITY_NONE ? "None" : c->parity == C3_PARITY_EVEN ? "0" : "1", c->stop, c->tx_pin,
        c->rx_pin);
}

static void uart_check_open(void) {
    if (!c3_uart_is_open(1)) {
        mpf_raise_msg(&mpf_type_OSError, "UART(1) is deinitialised; call init()");
    }
}

static mpf_obj_t uart_init(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    uart_configure(n_args, n_kw, args);
    return MPF_OBJ_NONE;
}
MPF_FUN_KW(uart_init_obj, MPF_QSTR_init, 1, uart_init);

static mpf_obj_t uart_deinit(mpf_obj_t o) {
    (void)o;
    if (c3_uart_is_open(1)) {
        c3_uart_close(1);
    }
    return MPF_OBJ_NONE;
}
MPF_FUN_1(uart_deinit_obj, MPF_QSTR_deinit, uart_deinit);

// Read up to [max] bytes, waiting `timeout` ms for each; stop after "\n" if [line].
// None when nothing came.
static mpf_obj_t uart_read_bytes(size_t max, bool line) {
    uart_check_open();
    mpf_vstr_t v;
    mpf_vstr_init(&v, 32);
    size_t n = 0;
    while (n < max) {
        uint32_t t0 = c3_tick_ms();
        int c;
        while ((c = c3_uart_getc(1)) < 0 && c3_tick_ms() - t0 < uart1_obj.timeout) {
            mpf_port_poll();
            mpf_port_idle();
        }
        if (c < 0) {
            break;
        }
        mpf_vstr_add_char(&v, (char)c);
        n++;
        if (line && c == '\n') {
            break;
        }
    }
    return n == 0 ? MPF_OBJ_NONE : mpf_vstr_to_bytes(&v);
}

static mpf_obj_t uart_read(size_t n_args, const mpf_obj_t *args) {
    mpf_int_t n = n_args > 1 && args[1] != MPF_OBJ_NONE ? mpf_obj_get_int(args[1]) : -1;
    return uart_read_bytes(n < 0 ? SIZE_MAX : (size_t)n, false);
}
MPF_FUN_VAR(uart_read_obj, MPF_QSTR_read, 1, 2, uart_read);

static mpf_obj_t uart_readline(mpf_obj_t o) {
    (void)o;
    return uart_read_bytes(SIZE_MAX, true);
}
MPF_FUN_1(uart_readline_obj, MPF_QSTR_readline, uart_readline);

static mpf_obj_t uart_write(mpf_obj_t o, mpf_obj_t data) {
    (void)o;
    uart_check_open();
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
    c3_uart_write(1, bytes, len, false);
    return mpf_obj_new_small_int((mpf_int_t)len);
}
MPF_FUN_2(uart_write_obj, MPF_QSTR_write, uart_write);

static mpf_obj_t uart_any(mpf_obj_t o) {
    (void)o;
    return mpf_obj_new_small_int(c3_uart_is_open(1) ? (mpf_int_t)c3_uart_any(1) : 0);
}
MPF_FUN_1(uart_any_obj, MPF_QSTR_any, uart_any);

static mpf_obj_t uart_flush(mpf_obj_t o) {
    (void)o;
    uart_check_open();
    while (!c3_uart_tx_done(1)) {
    }
    return MPF_OBJ_NONE;
}
MPF_FUN_1(uart_flush_obj, MPF_QSTR_flush, uart_flush);

static mpf_obj_t uart_txdone(mpf_obj_t o) {
    (void)o;
    uart_check_open();
    return mpf_obj_bool(c3_uart_tx_done(1));
}
MPF_FUN_1(uart_txdone_obj, MPF_QSTR_txdone, uart_txdone);

static mpf_obj_t uart_sendbreak(mpf_obj_t o) {
    (void)o;
    uart_check_open();
    c3_uart_send_break(1);
    return MPF_OBJ_NONE;
}
MPF_FUN_1(uart_sendbreak_obj, MPF_QSTR_sendbreak, uart_sendbreak);

static uintptr_t uart_poll(mpf_obj_t o, uintptr_t events) {
    (void)o;
    if (!c3_uart_is_open(1)) {
        return MPF_POLL_ERR;
    }
    uintptr_t ready = 0;
    if ((events & MPF_POLL_IN) && c3_uart_any(1) > 0) {
        ready |= MPF_POLL_IN;
    }
    if (events & MPF_POLL_OUT) {
        ready |= MPF_POLL_OUT;  // write() waits for FIFO room itself
    }
    return ready;
}

static const mpf_map_elem_t uart_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_init), MPF_ROM_PTR(&uart_init_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_deinit), MPF_ROM_PTR(&uart_deinit_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_read), MPF_ROM_PTR(&uart_read_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_readline), MPF_ROM_PTR(&uart_readline_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_write), MPF_ROM_PTR(&uart_write_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_any), MPF_ROM_PTR(&uart_any_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_flush), MPF_ROM_PTR(&uart_flush_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_txdone), MPF_ROM_PTR(&uart_txdone_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_sendbreak), MPF_ROM_PTR(&uart_sendbreak_obj)},
};
MPF_ROM_MAP(uart_locals, uart_locals_table);

static const mpf_type_t machine_uart_type = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_UART,
    .print = uart_print,
    .make_new = uart_make_new,
    .poll = uart_poll,
    .locals = &uart_locals,
};

// ---------------------------------------------------------------- module functions
static mpf_obj_t machine_reset(void) {
    c3_system_reset();
}
MPF_FUN_0(machine_reset_obj, MPF_QSTR_reset, machine_reset);

// freq() -> the CPU clock in Hz; freq(hz) sets it (80 or 160 MHz, from the PLL).
static mpf_obj_t machine_freq(size_t n_args, const mpf_obj_t *args) {
    if (n_args == 0) {
        return mpf_obj_new_int((mpf_int_t)c3_clock_cpu_hz());
    }
    mpf_int_t hz = mpf_obj_get_int(args[0]);
    if ((hz != 80000000 && hz != 160000000) || !c3_clock_set_cpu_mhz((uint32_t)(hz / 1000000))) {
        mpf_raise_msg(&mpf_type_ValueError, "freq must be 80000000 or 160000000 (the CPU must run from the PLL)");
    }
    return MPF_OBJ_NONE;
}
MPF_FUN_VAR(machine_freq_obj, MPF_QSTR_freq, 0, 1, machine_freq);

// unique_id(): the 6-byte factory MAC address from eFuse block 1, most significant first.
static mpf_obj_t machine_unique_id(void) {
    uint32_t lo = C3_REG(C3_EFUSE_BASE + EFUSE_RD_MAC_0);
    uint32_t hi = C3_REG(C3_EFUSE_BASE + EFUSE_RD_MAC_1);
    const uint8_t mac[6] = {(uint8_t)(hi >> 8), (uint8_t)hi, (uint8_t)(lo >> 24), (uint8_t)(lo >> 16),
        (uint8_t)(lo >> 8), (uint8_t)lo};
    return mpf_obj_new_bytes(mac, sizeof(mac));
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
