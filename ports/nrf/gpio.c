// gpio.c -- GPIO pins as machine.Pin sees them (machine_hal.h): names ("P0.13"),
// direction, drive, pull, read and write, all through each pin's PIN_CNF register and
// the port's OUTSET/OUTCLR/IN. Pins are numbered port * 32 + pin (P1.15 is 47).
#include "machine_hal.h"
#include "nrfhal.h"

static uint32_t port_base(unsigned pin) {
    return pin < 32u ? NRF_GPIO_P0_BASE : NRF_GPIO_P1_BASE;
}

static uint32_t bit(unsigned pin) {
    return 1u << (pin & 31u);
}

static uint32_t pin_cnf(unsigned pin) {
    return port_base(pin) + GPIO_PIN_CNF(pin & 31u);
}

const unsigned mhal_pin_count = NRF_GPIO_PINS;

bool mhal_pin_exists(unsigned pin) {
    return pin < NRF_GPIO_PINS;
}

bool mhal_pin_parse(const char *name, unsigned *pin) {
    if (name[0] != 'P' || (name[1] != '0' && name[1] != '1') || name[2] != '.') {
        return false;
    }
    const char *p = name + 3;
    if (*p < '0' || *p > '9') {
        return false;
    }
    unsigned n = 0;
    while (*p >= '0' && *p <= '9' && n < 100u) {
        n = n * 10u + (unsigned)(*p++ - '0');
    }
    unsigned number = (unsigned)(name[1] - '0') * 32u + n;
    if (*p != '\0' || n > 31u || !mhal_pin_exists(number)) {
        return false;
    }
    *pin = number;
    return true;
}

// "P0.05": the pin always in two digits.
void mhal_pin_name(unsigned pin, char buf[8]) {
    buf[0] = 'P';
    buf[1] = (char)('0' + pin / 32u);
    buf[2] = '.';
    buf[3] = (char)('0' + pin % 32u / 10u);
    buf[4] = (char)('0' + pin % 32u % 10u);
    buf[5] = '\0';
}

// Direction, drive, pull, and the input buffer connected.
const char *mhal_pin_config(unsigned pin, mhal_pin_mode_t mode, mhal_pin_pull_t pull, int alt) {
    (void)alt;
    static const uint8_t pull_bits[] = {0, GPIO_CNF_PULL_UP, GPIO_CNF_PULL_DOWN};
    uint32_t cnf = (uint32_t)pull_bits[pull] << GPIO_CNF_PULL_SHIFT;
    if (mode != MHAL_PIN_IN) {
        cnf |= GPIO_CNF_DIR_OUT;
    }
    if (mode == MHAL_PIN_OPEN_DRAIN) {
        cnf |= GPIO_CNF_DRIVE_S0D1 << GPIO_CNF_DRIVE_SHIFT;
    }
    NRF_REG(pin_cnf(pin)) = cnf;
    return NULL;
}

void mhal_pin_get(unsigned pin, mhal_pin_mode_t *mode, mhal_pin_pull_t *pull, int *alt) {
    uint32_t cnf = NRF_REG(pin_cnf(pin));
    uint32_t drive = (cnf & GPIO_CNF_DRIVE_MASK) >> GPIO_CNF_DRIVE_SHIFT;
    *mode = !(cnf & GPIO_CNF_DIR_OUT)       ? MHAL_PIN_IN
        : drive == GPIO_CNF_DRIVE_S0D1 ? MHAL_PIN_OPEN_DRAIN
                                           : MHAL_PIN_OUT;
    uint32_t bits = (cnf & GPIO_CNF_PULL_MASK) >> GPIO_CNF_PULL_SHIFT;
    *pull = bits == GPIO_CNF_PULL_UP ? MHAL_PULL_UP : bits == GPIO_CNF_PULL_DOWN ? MHAL_PULL_DOWN : MHAL_PULL_NONE;
    *alt = 0;
}

void mhal_pin_write(unsigned pin, bool high) {
    NRF_REG(port_base(pin) + (high ? GPIO_OUTSET : GPIO_OUTCLR)) = bit(pin);
}

// The output latch (OUT), not the level on the pin.
bool mhal_pin_output(unsigned pin) {
    return (NRF_REG(port_base(pin) + GPIO_OUT) & bit(pin)) != 0;
}

// The level on the pin (IN).
bool mhal_pin_read(unsigned pin) {
    return (NRF_REG(port_base(pin) + GPIO_IN) & bit(pin)) != 0;
}
