// gpio.c -- GPIO pins: name parsing ("PA9"), mode/pull/alternate function, read/write;
// machine.Pin's view of them (machine_hal.h), where a pin is port * 16 + bit.
#include "stm32f4.h"
#include "stm32hal.h"

// Ports A..H exist on the STM32F4 chips this port supports (fewer are bonded out).
#define STM32_GPIO_PORTS 8

bool stm32_gpio_parse(const char *name, int *port, int *pin) {
    if (name[0] != 'P' || name[1] < 'A' || name[1] >= 'A' + STM32_GPIO_PORTS) {
        return false;
    }
    int n = 0;
    const char *p = name + 2;
    if (*p < '0' || *p > '9') {
        return false;
    }
    while (*p >= '0' && *p <= '9') {
        n = n * 10 + (*p++ - '0');
    }
    if (*p != '\0' || n > 15) {
        return false;
    }
    *port = name[1] - 'A';
    *pin = n;
    return true;
}

// Set the [width]-bit field [index] of register [reg] to [v].
static void set_field(uint32_t reg, uint32_t width, uint32_t index, uint32_t v) {
    uint32_t shift = width * index;
    STM32_REG(reg) = (STM32_REG(reg) & ~(((1u << width) - 1u) << shift)) | (v << shift);
}

void stm32_gpio_config(int port, int pin, int mode, stm32_gpio_pull_t pull, int af) {
    uint32_t base = GPIO_BASE((uint32_t)port);
    STM32_REG(RCC_AHB1ENR) |= 1u << port;
    (void)STM32_REG(RCC_AHB1ENR);  // let the clock reach the port before writing it
    set_field(base + GPIO_OTYPER, 1, (uint32_t)pin, (mode & STM32_GPIO_OPEN_DRAIN) ? 1u : 0u);
    mode &= 3;
    if (mode == STM32_GPIO_ALT) {
        set_field(base + (pin < 8 ? GPIO_AFRL : GPIO_AFRH), 4, (uint32_t)(pin & 7), (uint32_t)af);
        STM32_REG(base + GPIO_OSPEEDR) |= 2u << (2u * (uint32_t)pin);  // fast: edges for 115200 baud and up
    }
    set_field(base + GPIO_PUPDR, 2, (uint32_t)pin, (uint32_t)pull);
    set_field(base + GPIO_MODER, 2, (uint32_t)pin, (uint32_t)mode);
}

int stm32_gpio_mode(int port, int pin) {
    uint32_t base = GPIO_BASE((uint32_t)port);
    int mode = (int)((STM32_REG(base + GPIO_MODER) >> (2u * (uint32_t)pin)) & 3u);
    if ((mode == STM32_GPIO_OUTPUT || mode == STM32_GPIO_ALT) && ((STM32_REG(base + GPIO_OTYPER) >> pin) & 1u)) {
        mode |= STM32_GPIO_OPEN_DRAIN;
    }
    return mode;
}

stm32_gpio_pull_t stm32_gpio_pull(int port, int pin) {
    uint32_t bits = (STM32_REG(GPIO_BASE((uint32_t)port) + GPIO_PUPDR) >> (2u * (uint32_t)pin)) & 3u;
    return bits == 3u ? STM32_GPIO_PULL_NONE : (stm32_gpio_pull_t)bits;  // 11 is reserved
}

void stm32_gpio_write(int port, int pin, bool high) {
    STM32_REG(GPIO_BASE((uint32_t)port) + GPIO_BSRR) = 1u << (pin + (high ? 0 : 16));
}

bool stm32_gpio_read(int port, int pin) {
    return (STM32_REG(GPIO_BASE((uint32_t)port) + GPIO_IDR) >> pin) & 1u;
}

// ---------------------------------------------------------------- machine_hal.h
const unsigned mhal_pin_count = STM32_GPIO_PORTS * 16u;

bool mhal_pin_exists(unsigned pin) {
    return pin < mhal_pin_count;
}

bool mhal_pin_parse(const char *name, unsigned *pin) {
    int port, bit;
    if (!stm32_gpio_parse(name, &port, &bit)) {
        return false;
    }
    *pin = (unsigned)(port * 16 + bit);
    return true;
}

void mhal_pin_name(unsigned pin, char buf[8]) {
    const char port[3] = {'P', (char)('A' + pin / 16u), '\0'};
    mhal_name_number(buf, port, pin % 16u);
}

// The modes are the MODER encodings already (machine_chip.h).
const char *mhal_pin_config(unsigned pin, mhal_pin_mode_t mode, mhal_pin_pull_t pull, int alt) {
    stm32_gpio_config((int)(pin / 16u), (int)(pin % 16u), (int)mode, (stm32_gpio_pull_t)pull, alt);
    return NULL;
}

void mhal_pin_get(unsigned pin, mhal_pin_mode_t *mode, mhal_pin_pull_t *pull, int *alt) {
    int port = (int)(pin / 16u), bit = (int)(pin % 16u);
    *mode = (mhal_pin_mode_t)stm32_gpio_mode(port, bit);
    *pull = (mhal_pin_pull_t)stm32_gpio_pull(port, bit);
    uint32_t afr = GPIO_BASE((uint32_t)port) + (bit < 8 ? GPIO_AFRL : GPIO_AFRH);
    *alt = (int)((STM32_REG(afr) >> (4u * (uint32_t)(bit & 7))) & 0xFu);
}

bool mhal_pin_read(unsigned pin) {
    return stm32_gpio_read((int)(pin / 16u), (int)(pin % 16u));
}

void mhal_pin_write(unsigned pin, bool high) {
    stm32_gpio_write((int)(pin / 16u), (int)(pin % 16u), high);
}

// The output latch (ODR), for toggle().
bool mhal_pin_output(unsigned pin) {
    return (STM32_REG(GPIO_BASE(pin / 16u) + GPIO_ODR) >> (pin % 16u)) & 1u;
}
