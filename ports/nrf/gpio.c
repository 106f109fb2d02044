// gpio.c -- GPIO pins: names ("P0.13"), direction, drive, pull, read and write, all
// through each pin's PIN_CNF register and the port's OUTSET/OUTCLR/IN.
#include "nrfhal.h"

static uint32_t port_base(int pin) {
    return pin < 32 ? NRF_GPIO_P0_BASE : NRF_GPIO_P1_BASE;
}

static uint32_t bit(int pin) {
    return 1u << (pin & 31);
}

bool nrf_gpio_exists(int pin) {
    return pin >= 0 && pin < NRF_GPIO_PINS;
}

bool nrf_gpio_parse(const char *name, int *pin) {
    if (name[0] != 'P' || (name[1] != '0' && name[1] != '1') || name[2] != '.') {
        return false;
    }
    const char *p = name + 3;
    if (*p < '0' || *p > '9') {
        return false;
    }
    int n = 0;
    while (*p >= '0' && *p <= '9' && n < 100) {
        n = n * 10 + (*p++ - '0');
    }
    int number = (name[1] - '0') * 32 + n;
    if (*p != '\0' || n > 31 || !nrf_gpio_exists(number)) {
        return false;
    }
    *pin = number;
    return true;
}

void nrf_gpio_config(int pin, nrf_gpio_mode_t mode, nrf_gpio_pull_t pull) {
    static const uint8_t pull_bits[] = {0, GPIO_CNF_PULL_UP, GPIO_CNF_PULL_DOWN};
    uint32_t cnf = (uint32_t)pull_bits[pull] << GPIO_CNF_PULL_SHIFT;  // input buffer connected
    if (mode != NRF_GPIO_INPUT) {
        cnf |= GPIO_CNF_DIR_OUT;
    }
    if (mode == NRF_GPIO_OPEN_DRAIN) {
        cnf |= GPIO_CNF_DRIVE_S0D1 << GPIO_CNF_DRIVE_SHIFT;
    }
    NRF_REG(port_base(pin) + GPIO_PIN_CNF(pin & 31)) = cnf;
}

nrf_gpio_mode_t nrf_gpio_mode(int pin) {
    uint32_t cnf = NRF_REG(port_base(pin) + GPIO_PIN_CNF(pin & 31));
    if (!(cnf & GPIO_CNF_DIR_OUT)) {
        return NRF_GPIO_INPUT;
    }
    uint32_t drive = (cnf & GPIO_CNF_DRIVE_MASK) >> GPIO_CNF_DRIVE_SHIFT;
    return drive == GPIO_CNF_DRIVE_S0D1 ? NRF_GPIO_OPEN_DRAIN : NRF_GPIO_OUTPUT;
}

nrf_gpio_pull_t nrf_gpio_pull(int pin) {
    uint32_t pull = (NRF_REG(port_base(pin) + GPIO_PIN_CNF(pin & 31)) & GPIO_CNF_PULL_MASK) >> GPIO_CNF_PULL_SHIFT;
    return pull == GPIO_CNF_PULL_UP ? NRF_GPIO_PULL_UP : pull == GPIO_CNF_PULL_DOWN ? NRF_GPIO_PULL_DOWN
                                                                                     : NRF_GPIO_PULL_NONE;
}

void nrf_gpio_write(int pin, bool high) {
    NRF_REG(port_base(pin) + (high ? GPIO_OUTSET : GPIO_OUTCLR)) = bit(pin);
}

bool nrf_gpio_latch(int pin) {
    return (NRF_REG(port_base(pin) + GPIO_OUT) & bit(pin)) != 0;
}

bool nrf_gpio_read(int pin) {
    return (NRF_REG(port_base(pin) + GPIO_IN) & bit(pin)) != 0;
}
