// gpio.c -- GPIO 0, 2, 4, 5, 12..15 through the pin mux (each pad's register in the IO MUX
// block: function select and pull-up) and the GPIO block's output/enable latches.
#include "e8hal.h"
#include "esp8266.h"

// IO MUX register offset of each GPIO (0: not usable here) and its GPIO function number.
static const uint8_t mux_offset[16] = {0x34, 0, 0x38, 0, 0x3C, 0x40, 0, 0, 0, 0, 0, 0, 0x04, 0x08, 0x0C, 0x10};
static const uint8_t gpio_func[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3};

bool e8_gpio_valid(int pin) {
    return pin >= 0 && pin < 16 && mux_offset[pin] != 0;
}

void e8_gpio_function(int pin, int func) {
    uint32_t reg = E8_IO_MUX_BASE + mux_offset[pin];
    E8_REG(reg) = (E8_REG(reg) & ~IO_MUX_FUNC_MASK) | IO_MUX_FUNC(func);
}

void e8_gpio_config(int pin, e8_gpio_mode_t mode, bool pull_up) {
    uint32_t reg = E8_IO_MUX_BASE + mux_offset[pin];
    e8_gpio_function(pin, gpio_func[pin]);
    E8_REG(reg) = pull_up ? E8_REG(reg) | IO_MUX_PULLUP : E8_REG(reg) & ~IO_MUX_PULLUP;
    uint32_t pad = E8_REG(E8_GPIO_BASE + GPIO_PIN(pin)) & ~GPIO_PIN_DRIVER;
    E8_REG(E8_GPIO_BASE + GPIO_PIN(pin)) = pad | (mode == E8_GPIO_OPEN_DRAIN ? GPIO_PIN_DRIVER : 0u);
    E8_REG(E8_GPIO_BASE + (mode == E8_GPIO_IN ? GPIO_ENABLE_W1TC : GPIO_ENABLE_W1TS)) = 1u << pin;
}

void e8_gpio_write(int pin, bool high) {
    E8_REG(E8_GPIO_BASE + (high ? GPIO_OUT_W1TS : GPIO_OUT_W1TC)) = 1u << pin;
}

bool e8_gpio_read(int pin) {
    return (E8_REG(E8_GPIO_BASE + GPIO_IN) >> pin) & 1u;
}
