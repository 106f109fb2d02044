// gpio.c -- GPIO0..21 through the IO MUX and the GPIO matrix (TRM 5): the IO MUX picks
// the pad's function (1: GPIO, i.e. the matrix), its pulls and input enable; the matrix
// connects the pad to GPIO_OUT/GPIO_ENABLE or to a peripheral's signals. machine.Pin's
// view of them (machine_hal.h): GPIO numbers only; the GPIO block itself is driven by
// ports/shared/esp_gpio.c.
#include "c3hal.h"
#include "esp32c3.h"
#include "esp_gpio.h"

static void pad_config(int pin, bool input, c3_gpio_pull_t pull) {
    uint32_t mux = C3_REG(C3_IO_MUX_BASE + IO_MUX_GPIO(pin));
    mux &= ~(IO_MUX_MCU_SEL_MASK | IO_MUX_FUN_WPU | IO_MUX_FUN_WPD | IO_MUX_FUN_IE | IO_MUX_FUN_DRV_MASK);
    mux |= IO_MUX_MCU_SEL_GPIO | IO_MUX_FUN_DRV_DEFAULT | (input ? IO_MUX_FUN_IE : 0u);
    mux |= pull == C3_GPIO_PULL_UP ? IO_MUX_FUN_WPU : pull == C3_GPIO_PULL_DOWN ? IO_MUX_FUN_WPD : 0u;
    C3_REG(C3_IO_MUX_BASE + IO_MUX_GPIO(pin)) = mux;
}

const unsigned mhal_pin_count = C3_GPIO_COUNT;

bool mhal_pin_exists(unsigned pin) {
    return pin < C3_GPIO_COUNT;
}

void mhal_pin_name(unsigned pin, char buf[8]) {
    mhal_name_number(buf, "", pin);
}

// A GPIO in [mode] with [pull], its output driven by GPIO_OUT.
const char *mhal_pin_config(unsigned pin, mhal_pin_mode_t mode, mhal_pin_pull_t pull, int alt) {
    (void)alt;
    pad_config((int)pin, true, (c3_gpio_pull_t)pull);  // inputs read back even an output's level
    C3_REG(C3_GPIO_BASE + GPIO_FUNC_OUT_SEL(pin)) = GPIO_OUT_SEL_SIMPLE | GPIO_OUT_SEL_OEN;
    esp_gpio_drive(pin, mode);
    return NULL;
}

void c3_gpio_connect_out(int pin, uint32_t sig) {
    pad_config(pin, false, C3_GPIO_PULL_NONE);
    C3_REG(C3_GPIO_BASE + GPIO_FUNC_OUT_SEL(pin)) = sig;  // OEN from the peripheral
    C3_REG(C3_GPIO_BASE + GPIO_ENABLE_W1TS) = 1u << pin;
}

void c3_gpio_connect_in(int pin, uint32_t sig, c3_gpio_pull_t pull) {
    pad_config(pin, true, pull);
    C3_REG(C3_GPIO_BASE + GPIO_ENABLE_W1TC) = 1u << pin;
    C3_REG(C3_GPIO_BASE + GPIO_FUNC_IN_SEL(sig)) = GPIO_IN_SEL_MATRIX | (uint32_t)pin;
}
