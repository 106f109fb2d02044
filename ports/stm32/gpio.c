// gpio.c -- GPIO pins: name parsing ("PA9"), mode/pull/alternate function, read/write.
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

void stm32_gpio_config(int port, int pin, stm32_gpio_mode_t mode, stm32_gpio_pull_t pull, int af) {
    uint32_t base = GPIO_BASE((uint32_t)port);
    STM32_REG(RCC_AHB1ENR) |= 1u << port;
    (void)STM32_REG(RCC_AHB1ENR);  // let the clock reach the port before writing it
    uint32_t shift2 = 2u * (uint32_t)pin;
    if (mode == STM32_GPIO_ALT) {
        uint32_t afr = base + (pin < 8 ? GPIO_AFRL : GPIO_AFRH);
        uint32_t shift4 = 4u * (uint32_t)(pin & 7);
        STM32_REG(afr) = (STM32_REG(afr) & ~(0xFu << shift4)) | ((uint32_t)af << shift4);
        STM32_REG(base + GPIO_OSPEEDR) |= 2u << shift2;  // fast: edges for 115200 baud and up
    }
    STM32_REG(base + GPIO_PUPDR) = (STM32_REG(base + GPIO_PUPDR) & ~(3u << shift2)) | ((uint32_t)pull << shift2);
    STM32_REG(base + GPIO_MODER) = (STM32_REG(base + GPIO_MODER) & ~(3u << shift2)) | ((uint32_t)mode << shift2);
}

void stm32_gpio_write(int port, int pin, bool high) {
    STM32_REG(GPIO_BASE((uint32_t)port) + GPIO_BSRR) = 1u << (pin + (high ? 0 : 16));
}

bool stm32_gpio_read(int port, int pin) {
    return (STM32_REG(GPIO_BASE((uint32_t)port) + GPIO_IDR) >> pin) & 1u;
}
