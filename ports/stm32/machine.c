// machine.c -- the `machine` module: Pin (in/out, pull, value, on/off/toggle),
// reset(), freq(), unique_id(). Registered in the build's builtin-module table.
#include "mpf.h"
#include "stm32f4.h"
#include "stm32hal.h"

// Bytes of the device's unique ID (RM0090 39.1).
#define STM32_UID_BYTES 12

// Pin modes and pulls as Python sees them (the GPIO register encodings).
enum { PIN_IN = STM32_GPIO_INPUT, PIN_OUT = STM32_GPIO_OUTPUT };
enum { PIN_PULL_NONE = STM32_GPIO_PULL_NONE, PIN_PULL_UP = STM32_GPIO_PULL_UP, PIN_PULL_DOWN = STM32_GPIO_PULL_DOWN };

typedef struct machine_pin {
    mpf_obj_base_t base;
    uint8_t port;  // 0 = A
    uint8_t pin;   // 0..15
    uint8_t mode;
    uint8_t pull;
} machine_pin_t;

extern const mpf_type_t machine_pin_type;

static machine_pin_t *pin_self(mpf_obj_t o) {
    return (machine_pin_t *)mpf_obj_ptr(o);
}

// Configure [self] from optional [mode] and [pull] objects (NULL: keep the current one).
static void pin_configure(machine_pin_t *self, mpf_obj_t mode, mpf_obj_t pull) {
    if (mode != MPF_OBJ_NULL && mode != MPF_OBJ_NONE) {
        mpf_int_t m = mpf_obj_get_int(mode);
        if (m != PIN_IN && m != PIN_OUT) {
            mpf_raise_msg(&mpf_type_ValueError, "Pin mode must be Pin.IN or Pin.OUT");
        }
        self->mode = (uint8_t)m;
    }
    if (pull != MPF_OBJ_NULL) {
        mpf_int_t p = pull == MPF_OBJ_NONE ? PIN_PULL_NONE : mpf_obj_get_int(pull);
        if (p != PIN_PULL_NONE && p != PIN_PULL_UP && p != PIN_PULL_DOWN) {
            mpf_raise_msg(&mpf_type_ValueError, "Pin pull must be None, Pin.PULL_UP or Pin.PULL_DOWN");
        }
        self->pull = (uint8_t)p;
    }
    stm32_gpio_config(self->port, self->pin, (stm32_gpio_mode_t)self->mode, (stm32_gpio_pull_t)self->pull, 0);
}

// Pin(id, mode=None, pull=None, value=None): id is a name ("PA5") or port * 16 + pin.
static mpf_obj_t pin_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_arg_check_num(n_args, n_kw, 1, 4, true);
    int port, pin;
    if (MPF_IS_STR(args[0])) {
        size_t len;
        const char *data = mpf_obj_str_data(args[0], &len);
        char name[5] = {0};  // "PH15" and a terminator: str data need not end in NUL
        if (len < sizeof(name)) {
            memcpy(name, data, len);
        }
        if (len >= sizeof(name) || !stm32_gpio_parse(name, &port, &pin)) {
            mpf_raise_fmt(&mpf_type_ValueError, "invalid pin name %R (expected e.g. 'PA5')", args[0]);
        }
    } else {
        mpf_int_t id = mpf_obj_get_int(args[0]);
        if (id < 0 || id >= 8 * 16) {
            mpf_raise_msg(&mpf_type_ValueError, "pin number out of range");
        }
        port = (int)(id / 16);
        pin = (int)(id % 16);
    }
    machine_pin_t *self = mpf_new(machine_pin_t);
    self->base.type = type;
    self->port = (uint8_t)port;
    self->pin = (uint8_t)pin;
    self->mode = PIN_IN;
    self->pull = PIN_PULL_NONE;
    mpf_obj_t mode = n_args > 1 ? args[1] : mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_mode);
    mpf_obj_t pull = n_args > 2 ? args[2] : mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_pull);
    mpf_obj_t value = n_args > 3 ? args[3] : mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_value);
    if (value != MPF_OBJ_NULL && value != MPF_OBJ_NONE) {
        stm32_gpio_write(port, pin, mpf_obj_is_true(value));  // before the pin drives
    }
    if (mode != MPF_OBJ_NULL || pull != MPF_OBJ_NULL) {
        pin_configure(self, mode, pull);
    }
    return MPF_OBJ_FROM_PTR(self);
}

static void pin_print(const mpf_print_t *p, mpf_obj_t o, mpf_print_kind_t kind) {
    (void)kind;
    machine_pin_t *self = pin_self(o);
    mpf_printf(p, "Pin('P%c%d')", 'A' + self->port, self->pin);
}

// pin.init(mode=None, pull=None)
static mpf_obj_t pin_init(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_arg_check_num(n_args, n_kw, 1, 3, true);
    mpf_obj_t mode = n_args > 1 ? args[1] : mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_mode);
    mpf_obj_t pull = n_args > 2 ? args[2] : mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_pull);
    pin_configure(pin_self(args[0]), mode, pull);
    return MPF_OBJ_NONE;
}
MPF_FUN_KW(pin_init_obj, MPF_QSTR_init, 1, pin_init);

// pin.value() reads the input; pin.value(x) drives the output.
static mpf_obj_t pin_value(size_t n_args, const mpf_obj_t *args) {
    machine_pin_t *self = pin_self(args[0]);
    if (n_args == 1) {
        return mpf_obj_new_small_int(stm32_gpio_read(self->port, self->pin));
    }
    stm32_gpio_write(self->port, self->pin, mpf_obj_is_true(args[1]));
    return MPF_OBJ_NONE;
}
MPF_FUN_VAR(pin_value_obj, MPF_QSTR_value, 1, 2, pin_value);

static mpf_obj_t pin_on(mpf_obj_t self) {
    stm32_gpio_write(pin_self(self)->port, pin_self(self)->pin, true);
    return MPF_OBJ_NONE;
}
MPF_FUN_1(pin_on_obj, MPF_QSTR_on, pin_on);

static mpf_obj_t pin_off(mpf_obj_t self) {
    stm32_gpio_write(pin_self(self)->port, pin_self(self)->pin, false);
    return MPF_OBJ_NONE;
}
MPF_FUN_1(pin_off_obj, MPF_QSTR_off, pin_off);

// Toggle from the output latch (ODR), not the input: right even when the pin is loaded.
static mpf_obj_t pin_toggle(mpf_obj_t o) {
    machine_pin_t *self = pin_self(o);
    bool high = (STM32_REG(GPIO_BASE(self->port) + GPIO_ODR) >> self->pin) & 1u;
    stm32_gpio_write(self->port, self->pin, !high);
    return MPF_OBJ_NONE;
}
MPF_FUN_1(pin_toggle_obj, MPF_QSTR_toggle, pin_toggle);

static const mpf_map_elem_t pin_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_init), MPF_ROM_PTR(&pin_init_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_value), MPF_ROM_PTR(&pin_value_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_on), MPF_ROM_PTR(&pin_on_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_off), MPF_ROM_PTR(&pin_off_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_toggle), MPF_ROM_PTR(&pin_toggle_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_IN), MPF_ROM_INT(PIN_IN)},
    {MPF_ROM_QSTR(MPF_QSTR_OUT), MPF_ROM_INT(PIN_OUT)},
    {MPF_ROM_QSTR(MPF_QSTR_PULL_UP), MPF_ROM_INT(PIN_PULL_UP)},
    {MPF_ROM_QSTR(MPF_QSTR_PULL_DOWN), MPF_ROM_INT(PIN_PULL_DOWN)},
};
MPF_ROM_MAP(pin_locals, pin_locals_table);

const mpf_type_t machine_pin_type = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_Pin,
    .print = pin_print,
    .make_new = pin_make_new,
    .locals = &pin_locals,
};

static mpf_obj_t machine_reset(void) {
    stm32_system_reset();
}
MPF_FUN_0(machine_reset_obj, MPF_QSTR_reset, machine_reset);

static mpf_obj_t machine_freq(void) {
    return mpf_obj_new_int((mpf_int_t)stm32_clock_hclk_hz());
}
MPF_FUN_0(machine_freq_obj, MPF_QSTR_freq, machine_freq);

static mpf_obj_t machine_unique_id(void) {
    return mpf_obj_new_bytes((const uint8_t *)(uintptr_t)STM32_UID_BASE, STM32_UID_BYTES);
}
MPF_FUN_0(machine_unique_id_obj, MPF_QSTR_unique_id, machine_unique_id);

static const mpf_map_elem_t machine_members_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_Pin), MPF_ROM_PTR(&machine_pin_type)},
    {MPF_ROM_QSTR(MPF_QSTR_reset), MPF_ROM_PTR(&machine_reset_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_freq), MPF_ROM_PTR(&machine_freq_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_unique_id), MPF_ROM_PTR(&machine_unique_id_obj)},
};
MPF_ROM_MAP(machine_members, machine_members_table);

const mpf_builtin_module_t mpf_module_machine = {MPF_QSTR_machine, &machine_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_machine, mpf_module_machine);
