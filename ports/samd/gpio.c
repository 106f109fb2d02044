// gpio.c -- the PORT controller: pins as machine.Pin sees them (machine_hal.h) and the
// peripheral multiplexer the SERCOMs use. A pin is group * 32 + bit; its direction and
// output latch are in the group's DIR/OUT, pull and input buffer in its PINCFG byte
// (with PULLEN, OUT picks up or down), the peripheral function in PMUX
// (DS40001882 chapter 23, DS60001507 chapter 32).
#include <string.h>

#include "machine_hal.h"
#include "samd.h"

const unsigned mhal_pin_count = SAMD_PORT_GROUPS * 32u;

bool mhal_pin_exists(unsigned pin) {
    return pin < mhal_pin_count;
}

static uint32_t group_reg(unsigned pin, uint32_t reg) {
    return PORT_GROUP(pin / 32u) + reg;
}

static uint32_t bit_of(unsigned pin) {
    return 1u << (pin % 32u);
}

bool mhal_pin_parse(const char *name, unsigned *pin) {
    // "PA0".."PA31", "PB0".."PB31"; no leading zeros except "PA0"'s own.
    size_t len = strlen(name);
    if (len < 3 || len > 4 || name[0] != 'P' || name[1] < 'A' || name[1] >= 'A' + SAMD_PORT_GROUPS) {
        return false;
    }
    unsigned bit = 0;
    for (size_t i = 2; i < len; i++) {
        if (name[i] < '0' || name[i] > '9' || (i == 2 && name[i] == '0' && len > 3)) {
            return false;
        }
        bit = bit * 10u + (unsigned)(name[i] - '0');
    }
    if (bit > 31u) {
        return false;
    }
    *pin = SAMD_PIN(name[1] - 'A', bit);
    return true;
}

void mhal_pin_name(unsigned pin, char buf[8]) {
    const char group[3] = {'P', (char)('A' + pin / 32u), '\0'};
    mhal_name_number(buf, group, pin % 32u);
}

void samd_gpio_function(unsigned pin, int function) {
    uint32_t cfg = group_reg(pin, PORT_PINCFG(pin % 32u));
    if (function < 0) {
        SAMD_REG8(cfg) &= (uint8_t)~PORT_PINCFG_PMUXEN;
        return;
    }
    uint32_t pmux = group_reg(pin, PORT_PMUX(pin % 32u));
    unsigned shift = (pin & 1u) ? 4u : 0u;
    SAMD_REG8(pmux) = (uint8_t)((SAMD_REG8(pmux) & ~(0xFu << shift)) | ((unsigned)function << shift));
    SAMD_REG8(cfg) |= PORT_PINCFG_PMUXEN;
}

const char *mhal_pin_config(unsigned pin, mhal_pin_mode_t mode, mhal_pin_pull_t pull, int alt) {
    if (mode == MHAL_PIN_OPEN_DRAIN || mode == MHAL_PIN_ALT_OPEN_DRAIN) {
        return "the SAMD has no open-drain outputs";
    }
    if (mode == MHAL_PIN_ALT && alt > SAMD_PMUX_MAX) {
        return "Pin.ALT: no such peripheral function on this chip";
    }
    if (pull != MHAL_PULL_NONE && mode != MHAL_PIN_IN) {
        return "pulls apply to inputs only on the SAMD";
    }
    uint32_t cfg = group_reg(pin, PORT_PINCFG(pin % 32u));
    uint32_t bit = bit_of(pin);
    switch (mode) {
        case MHAL_PIN_OUT:
            SAMD_REG32(group_reg(pin, PORT_DIRSET)) = bit;
            SAMD_REG8(cfg) = PORT_PINCFG_INEN;  // reads back what it drives
            break;
        case MHAL_PIN_IN:
            SAMD_REG32(group_reg(pin, PORT_DIRCLR)) = bit;
            if (pull != MHAL_PULL_NONE) {  // the output latch chooses the pull's direction
                SAMD_REG32(group_reg(pin, pull == MHAL_PULL_UP ? PORT_OUTSET : PORT_OUTCLR)) = bit;
            }
            SAMD_REG8(cfg) = (uint8_t)(PORT_PINCFG_INEN | (pull != MHAL_PULL_NONE ? PORT_PINCFG_PULLEN : 0u));
            break;
        case MHAL_PIN_ALT:
            samd_gpio_function(pin, alt);
            break;
        default:  // ANALOG: input buffer off, no pull, no peripheral (the ADC takes it as function B)
            SAMD_REG32(group_reg(pin, PORT_DIRCLR)) = bit;
            SAMD_REG8(cfg) = 0;
            break;
    }
    return NULL;
}

void mhal_pin_get(unsigned pin, mhal_pin_mode_t *mode, mhal_pin_pull_t *pull, int *alt) {
    uint8_t cfg = SAMD_REG8(group_reg(pin, PORT_PINCFG(pin % 32u)));
    uint32_t bit = bit_of(pin);
    uint8_t pmux = SAMD_REG8(group_reg(pin, PORT_PMUX(pin % 32u)));
    *alt = (int)((pin & 1u) ? pmux >> 4 : pmux & 0xFu);
    *pull = MHAL_PULL_NONE;
    if (cfg & PORT_PINCFG_PMUXEN) {
        *mode = MHAL_PIN_ALT;
    } else if (SAMD_REG32(group_reg(pin, PORT_DIR)) & bit) {
        *mode = MHAL_PIN_OUT;
    } else if (cfg & PORT_PINCFG_INEN) {
        *mode = MHAL_PIN_IN;
        if (cfg & PORT_PINCFG_PULLEN) {
            *pull = (SAMD_REG32(group_reg(pin, PORT_OUT)) & bit) ? MHAL_PULL_UP : MHAL_PULL_DOWN;
        }
    } else {
        *mode = MHAL_PIN_ANALOG;
    }
}

bool mhal_pin_read(unsigned pin) {
    return (SAMD_REG32(group_reg(pin, PORT_IN)) & bit_of(pin)) != 0;
}

void mhal_pin_write(unsigned pin, bool high) {
    SAMD_REG32(group_reg(pin, high ? PORT_OUTSET : PORT_OUTCLR)) = bit_of(pin);
}

bool mhal_pin_output(unsigned pin) {
    return (SAMD_REG32(group_reg(pin, PORT_OUT)) & bit_of(pin)) != 0;
}
