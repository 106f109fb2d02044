// esp_gpio.c -- the part of machine.Pin (machine_hal.h) that the Espressif chips share: the
// GPIO block's output latch (GPIO_OUT, set and clear through W1TS/W1TC), its output enable
// (GPIO_ENABLE_W1TS/W1TC), the input levels (GPIO_IN) and each pin's pad driver bit (open
// drain). The offsets and ESP_GPIO_BASE come from the port's esp_chip.h.
#include "esp_gpio.h"

#include "esp_chip.h"

#define GPIO_REG(offset) (*(volatile uint32_t *)(uintptr_t)(ESP_GPIO_BASE + (offset)))

void esp_gpio_drive(unsigned pin, mhal_pin_mode_t mode) {
    uint32_t pad = GPIO_REG(GPIO_PIN(pin)) & ~GPIO_PIN_PAD_DRIVER;
    GPIO_REG(GPIO_PIN(pin)) = pad | (mode == MHAL_PIN_OPEN_DRAIN ? GPIO_PIN_PAD_DRIVER : 0u);
    GPIO_REG(mode == MHAL_PIN_IN ? GPIO_ENABLE_W1TC : GPIO_ENABLE_W1TS) = 1u << pin;
}

void mhal_pin_write(unsigned pin, bool high) {
    GPIO_REG(high ? GPIO_OUT_W1TS : GPIO_OUT_W1TC) = 1u << pin;
}

bool mhal_pin_read(unsigned pin) {
    return (GPIO_REG(GPIO_IN) >> pin) & 1u;
}

// The output latch (GPIO_OUT), for toggle().
bool mhal_pin_output(unsigned pin) {
    return (GPIO_REG(GPIO_OUT) >> pin) & 1u;
}
