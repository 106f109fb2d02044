// gpio.c -- the GPIO pins (RP2040 datasheet 2.19): IO_BANK0 picks each pin's function,
// PADS_BANK0 its pulls and input buffer, and the SIO drives and reads pins that have
// the SIO function. Open-drain does not exist in the pads; machine.c emulates it.
#include "rp2040.h"
#include "rp2040hal.h"

void rp2040_gpio_function(int pin, uint32_t func, rp2040_pull_t pull) {
    uint32_t pad = RP2040_REG(PADS_BANK0_GPIO(pin)) & ~(PADS_PUE | PADS_PDE | PADS_OD);
    pad |= PADS_IE | (pull == RP2040_PULL_UP ? PADS_PUE : 0u) | (pull == RP2040_PULL_DOWN ? PADS_PDE : 0u);
    RP2040_REG(PADS_BANK0_GPIO(pin)) = pad;
    RP2040_REG(IO_BANK0_CTRL(pin)) = func;  // no overrides
}

void rp2040_gpio_set_output(int pin, bool output) {
    RP2040_REG(output ? SIO_GPIO_OE_SET : SIO_GPIO_OE_CLR) = 1u << pin;
}

void rp2040_gpio_write(int pin, bool high) {
    RP2040_REG(high ? SIO_GPIO_OUT_SET : SIO_GPIO_OUT_CLR) = 1u << pin;
}

bool rp2040_gpio_read(int pin) {
    return (RP2040_REG(SIO_GPIO_IN) >> pin) & 1u;
}

bool rp2040_gpio_latch(int pin) {
    return (RP2040_REG(SIO_GPIO_OUT) >> pin) & 1u;
}

bool rp2040_gpio_is_output(int pin) {
    return (RP2040_REG(SIO_GPIO_OE) >> pin) & 1u;
}

uint32_t rp2040_gpio_func(int pin) {
    return RP2040_REG(IO_BANK0_CTRL(pin)) & 0x1fu;
}

rp2040_pull_t rp2040_gpio_pull(int pin) {
    uint32_t pad = RP2040_REG(PADS_BANK0_GPIO(pin));
    return pad & PADS_PUE ? RP2040_PULL_UP : pad & PADS_PDE ? RP2040_PULL_DOWN : RP2040_PULL_NONE;
}
