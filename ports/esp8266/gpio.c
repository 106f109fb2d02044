// gpio.c -- GPIO 0, 2, 4, 5, 12..15 through the pin mux (each pad's register in the IO MUX
// block: function select and pull-up) and the GPIO block's output/enable latches, as
// machine.Pin sees them (machine_hal.h); the GPIO block itself is driven by
// ports/shared/esp_gpio.c.
#include "e8hal.h"
#include "esp8266.h"
#include "esp_gpio.h"

// IO MUX register offset of each GPIO (0: not usable here) and its GPIO function number.
static const uint8_t mux_offset[16] = {0x34, 0, 0x38, 0, 0x3C, 0x40, 0, 0, 0, 0, 0, 0, 0x04, 0x08, 0x0C, 0x10};
static const uint8_t gpio_func[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3};

const unsigned mhal_pin_count = 16;

bool mhal_pin_exists(unsigned pin) {
    return pin < 16u && mux_offset[pin] != 0;
}

void mhal_pin_name(unsigned pin, char buf[8]) {
    mhal_name_number(buf, "", pin);
}

void e8_gpio_function(int pin, int func) {
    uint32_t reg = E8_IO_MUX_BASE + mux_offset[pin];
    E8_REG(reg) = (E8_REG(reg) & ~IO_MUX_FUNC_MASK) | IO_MUX_FUNC(func);
}

// The pads have a pull-up only.
const char *mhal_pin_config(unsigned pin, mhal_pin_mode_t mode, mhal_pin_pull_t pull, int alt) {
    (void)alt;
    if (pull == MHAL_PULL_DOWN) {
        return "pull must be None or Pin.PULL_UP (the ESP8266 pads have no pull-down)";
    }
    uint32_t reg = E8_IO_MUX_BASE + mux_offset[pin];
    e8_gpio_function((int)pin, gpio_func[pin]);
    E8_REG(reg) = pull == MHAL_PULL_UP ? E8_REG(reg) | IO_MUX_PULLUP : E8_REG(reg) & ~IO_MUX_PULLUP;
    esp_gpio_drive(pin, mode);
    return NULL;
}
