// gpio.c -- the GPIO pins (RP2040 datasheet 2.19): IO_BANK0 picks each pin's function,
// PADS_BANK0 its pulls and input buffer, and the SIO drives and reads pins that have
// the SIO function; machine.Pin's view of them (machine_hal.h). Open drain does not
// exist in the pads: it is emulated here, the latch kept low and the output enable
// switched (on: driven low; off: released high).
#include <string.h>

#include "rp2040.h"
#include "rp2040hal.h"

// Pins in open-drain mode, and the level each pin is set to drive in it (released by
// default, as a new pin is).
static uint32_t od_pins;
static uint32_t od_level = ~0u;

void rp2040_gpio_function(int pin, uint32_t func, rp2040_pull_t pull) {
    uint32_t pad = RP2040_REG(PADS_BANK0_GPIO(pin)) & ~(PADS_PUE | PADS_PDE | PADS_OD);
    pad |= PADS_IE | (pull == RP2040_PULL_UP ? PADS_PUE : 0u) | (pull == RP2040_PULL_DOWN ? PADS_PDE : 0u);
    RP2040_REG(PADS_BANK0_GPIO(pin)) = pad;
    RP2040_REG(IO_BANK0_CTRL(pin)) = func;  // no overrides
}

static void set_output(unsigned pin, bool output) {
    RP2040_REG(output ? SIO_GPIO_OE_SET : SIO_GPIO_OE_CLR) = 1u << pin;
}

static void write_latch(unsigned pin, bool high) {
    RP2040_REG(high ? SIO_GPIO_OUT_SET : SIO_GPIO_OUT_CLR) = 1u << pin;
}

// ---------------------------------------------------------------- machine_hal.h
const unsigned mhal_pin_count = GPIO_COUNT;

bool mhal_pin_exists(unsigned pin) {
    return pin < GPIO_COUNT;
}

// "GP0".."GP29", and "LED" (GP25 on the Pico).
bool mhal_pin_parse(const char *name, unsigned *pin) {
    size_t len = strlen(name);
    if (strcmp(name, "LED") == 0) {
        *pin = 25;
        return true;
    }
    if (len < 3 || len > 4 || name[0] != 'G' || name[1] != 'P') {
        return false;
    }
    unsigned n = 0;
    for (size_t i = 2; i < len; i++) {
        if (name[i] < '0' || name[i] > '9') {
            return false;
        }
        n = n * 10u + (unsigned)(name[i] - '0');
    }
    *pin = n;
    return n < GPIO_COUNT;
}

void mhal_pin_name(unsigned pin, char buf[8]) {
    mhal_name_number(buf, "GPIO", pin);
}

const char *mhal_pin_config(unsigned pin, mhal_pin_mode_t mode, mhal_pin_pull_t pull, int alt) {
    (void)alt;
    rp2040_gpio_function((int)pin, GPIO_FUNC_SIO, (rp2040_pull_t)pull);
    if (mode == MHAL_PIN_OPEN_DRAIN) {
        od_pins |= 1u << pin;
        write_latch(pin, false);  // the latch stays low; the output enable does the work
        set_output(pin, !((od_level >> pin) & 1u));
    } else {
        od_pins &= ~(1u << pin);
        set_output(pin, mode == MHAL_PIN_OUT);
    }
    return NULL;
}

void mhal_pin_get(unsigned pin, mhal_pin_mode_t *mode, mhal_pin_pull_t *pull, int *alt) {
    uint32_t pad = RP2040_REG(PADS_BANK0_GPIO(pin));
    bool sio = (RP2040_REG(IO_BANK0_CTRL(pin)) & 0x1fu) == GPIO_FUNC_SIO;
    if (sio && ((od_pins >> pin) & 1u)) {
        *mode = MHAL_PIN_OPEN_DRAIN;
    } else {
        *mode = (RP2040_REG(SIO_GPIO_OE) >> pin) & 1u ? MHAL_PIN_OUT : MHAL_PIN_IN;
    }
    *pull = pad & PADS_PUE ? MHAL_PULL_UP : pad & PADS_PDE ? MHAL_PULL_DOWN : MHAL_PULL_NONE;
    *alt = 0;
}

bool mhal_pin_read(unsigned pin) {
    return (RP2040_REG(SIO_GPIO_IN) >> pin) & 1u;
}

// Open drain: low drives, high lets go (output disabled). The level is kept for a pin
// that becomes open-drain later.
void mhal_pin_write(unsigned pin, bool high) {
    od_level = (od_level & ~(1u << pin)) | ((uint32_t)high << pin);
    if ((od_pins >> pin) & 1u) {
        set_output(pin, !high);
    } else {
        write_latch(pin, high);
    }
}

// What the pin is set to drive (the latch, or the open-drain state), not what it reads.
bool mhal_pin_output(unsigned pin) {
    if ((od_pins >> pin) & 1u) {
        return (od_level >> pin) & 1u;
    }
    return (RP2040_REG(SIO_GPIO_OUT) >> pin) & 1u;
}
