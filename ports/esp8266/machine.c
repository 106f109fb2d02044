// machine.c -- the `machine` module on the ESP8266: Pin(id, mode=Pin.IN, pull=None)
// (GPIO 0, 2, 4, 5, 12..15; IN, OUT, OPEN_DRAIN, PULL_UP), UART(1, baudrate=115200)
// (transmit only, on GPIO2), reset(), freq([hz]). Positional arguments only.
#include "e8hal.h"
#include "esp8266.h"
#include "mpf.h"
#include "port.h"

#define PULL_UP 1

typedef struct machine_pin {
    mpf_obj_base_t base;
    uint8_t pin;
    uint8_t mode;
    uint8_t pull;
} machine_pin_t;

static mpf_obj_t pin_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_arg_check_num(n_args, n_kw, 1, 3, false);
    mpf_int_t id = mpf_obj_get_int(args[0]);
    if (!e8_gpio_valid((int)id)) {
        mpf_raise_fmt(&mpf_type_ValueError, "Pin(%d): usable GPIOs are 0, 2, 4, 5 and 12..15", (int)id);
    }
    mpf_int_t mode = n_args > 1 ? mpf_obj_get_int(args[1]) : E8_GPIO_IN;
    mpf_int_t pull = n_args > 2 && args[2] != MPF_OBJ_NONE ? mpf_obj_get_int(args[2]) : 0;
    if (mode < E8_GPIO_IN || mode > E8_GPIO_OPEN_DRAIN || (pull != 0 && pull != PULL_UP)) {
        mpf_raise_msg(&mpf_type_ValueError, "mode must be Pin.IN, Pin.OUT or Pin.OPEN_DRAIN; pull None or Pin.PULL_UP");
    }
    machine_pin_t *self = mpf_new(machine_pin_t);
    self->base.type = type;
    self->pin = (uint8_t)id;
    self->mode = (uint8_t)mode;
    self->pull = (uint8_t)pull;
    e8_gpio_config(self->pin, (e8_gpio_mode_t)mode, pull == PULL_UP);
    return MPF_OBJ_FROM_PTR(self);
}

static void pin_print(const mpf_print_t *p, mpf_obj_t o, mpf_print_kind_t kind) {
    (void)kind;
    static const char *const modes[] = {"IN", "OUT", "OPEN_DRAIN"};
    const machine_pin_t *self = (const machine_pin_t *)mpf_obj_ptr(o);
    mpf_printf(p, "Pin(%d, Pin.%s%s)", self->pin, modes[self->mode], self->pull ? ", Pin.PULL_UP" : "");
}

static mpf_obj_t pin_value(size_t n_args, const mpf_obj_t *args) {
    const machine_pin_t *self = (const machine_pin_t *)mpf_obj_ptr(args[0]);
    if (n_args == 1) {
        return mpf_obj_new_small_int(e8_gpio_read(self->pin));
    }
    e8_gpio_write(self->pin, mpf_obj_is_true(args[1]));
    return MPF_OBJ_NONE;
}
MPF_FUN_VAR(pin_value_obj, MPF_QSTR_value, 1, 2, pin_value);

static mpf_obj_t pin_on(mpf_obj_t o) {
    e8_gpio_write(((const machine_pin_t *)mpf_obj_ptr(o))->pin, true);
    return MPF_OBJ_NONE;
}
MPF_FUN_1(pin_on_obj, MPF_QSTR_on, pin_on);

static mpf_obj_t pin_off(mpf_obj_t o) {
    e8_gpio_write(((const machine_pin_t *)mpf_obj_ptr(o))->pin, false);
    return MPF_OBJ_NONE;
}
MPF_FUN_1(pin_off_obj, MPF_QSTR_off, pin_off);

static const mpf_map_elem_t pin_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_value), MPF_ROM_PTR(&pin_value_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_on), MPF_ROM_PTR(&pin_on_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_off), MPF_ROM_PTR(&pin_off_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_IN), MPF_ROM_INT(E8_GPIO_IN)},
    {MPF_ROM_QSTR(MPF_QSTR_OUT), MPF_ROM_INT(E8_GPIO_OUT)},
    {MPF_ROM_QSTR(MPF_QSTR_OPEN_DRAIN), MPF_ROM_INT(E8_GPIO_OPEN_DRAIN)},
    {MPF_ROM_QSTR(MPF_QSTR_PULL_UP), MPF_ROM_INT(PULL_UP)},
};
MPF_ROM_MAP(pin_locals, pin_locals_table);

static const mpf_type_t machine_pin_type = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_Pin,
    .print = pin_print,
    .make_new = pin_make_new,
    .locals = &pin_locals,
};

// ---------------------------------------------------------------- UART(1): transmit only
typedef struct machine_uart {
    mpf_obj_base_t base;
} machine_uart_t;

static const mpf_type_t machine_uart_type;
static const machine_uart_t uart1_obj = {{&machine_uart_type}};

static mpf_obj_t uart_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_num(n_args, n_kw, 1, 2, false);
    mpf_int_t id = mpf_obj_get_int(args[0]);
    if (id != 1) {
        mpf_raise_msg(&mpf_type_ValueError, "UART(0) is the console; UART(1) (TX on GPIO2) is the other");
    }
    mpf_int_t baud = n_args > 1 ? mpf_obj_get_int(args[1]) : 115200;
    const char *err = e8_uart_open(1, baud > 0 ? (uint32_t)baud : 0, 8, E8_PARITY_NONE, 1);
    if (err != NULL) {
        mpf_raise_fmt(&mpf_type_ValueError, "UART(1): %s", err);
    }
    return MPF_OBJ_FROM_PTR(&uart1_obj);
}

static mpf_obj_t uart_write(mpf_obj_t o, mpf_obj_t data) {
    (void)o;
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
    e8_uart_write(1, bytes, len, false);
    return mpf_obj_new_small_int((mpf_int_t)len);
}
MPF_FUN_2(uart_write_obj, MPF_QSTR_write, uart_write);

static mpf_obj_t uart_txdone(mpf_obj_t o) {
    (void)o;
    return mpf_obj_bool(e8_uart_tx_done(1));
}
MPF_FUN_1(uart_txdone_obj, MPF_QSTR_txdone, uart_txdone);

static const mpf_map_elem_t uart_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_write), MPF_ROM_PTR(&uart_write_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_txdone), MPF_ROM_PTR(&uart_txdone_obj)},
};
MPF_ROM_MAP(uart_locals, uart_locals_table);

static const mpf_type_t machine_uart_type = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_UART,
    .make_new = uart_make_new,
    .locals = &uart_locals,
};

// ---------------------------------------------------------------- module functions
static mpf_obj_t machine_reset(void) {
    e8_system_reset();
}
MPF_FUN_0(machine_reset_obj, MPF_QSTR_reset, machine_reset);

static mpf_obj_t machine_freq(size_t n_args, const mpf_obj_t *args) {
    if (n_args == 0) {
        return mpf_obj_new_int((mpf_int_t)e8_cpu_hz());
    }
    mpf_int_t hz = mpf_obj_get_int(args[0]);
    if ((hz != 80000000 && hz != 160000000) || !e8_set_cpu_mhz((uint32_t)(hz / 1000000))) {
        mpf_raise_msg(&mpf_type_ValueError, "freq must be 80000000 or 160000000");
    }
    return MPF_OBJ_NONE;
}
MPF_FUN_VAR(machine_freq_obj, MPF_QSTR_freq, 0, 1, machine_freq);

static const mpf_map_elem_t machine_members_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_Pin), MPF_ROM_PTR(&machine_pin_type)},
    {MPF_ROM_QSTR(MPF_QSTR_UART), MPF_ROM_PTR(&machine_uart_type)},
    {MPF_ROM_QSTR(MPF_QSTR_reset), MPF_ROM_PTR(&machine_reset_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_freq), MPF_ROM_PTR(&machine_freq_obj)},
};
MPF_ROM_MAP(machine_members, machine_members_table);

const mpf_builtin_module_t mpf_module_machine = {MPF_QSTR_machine, &machine_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_machine, mpf_module_machine);
