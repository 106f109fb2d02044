// machine_chip.h -- what the shared machine module (ports/shared/machine.c) needs to
// size its tables and which of its extras the STM32 has (machine_hal.h): USARTs are
// numbered 1..6 as in RM0090; pins take alternate functions (Pin.ALT, alt=0..15) and the
// analog mode, and Python sees the modes as their MODER encodings with open drain as a
// flag bit (the OTYPER bit: STM32_GPIO_OPEN_DRAIN).
#ifndef STM32_MACHINE_CHIP_H
#define STM32_MACHINE_CHIP_H

#define MHAL_UART_MAX 6
#define MHAL_UART_CONSOLE_NOTE " (CONFIG_STM32_CONSOLE_USART)"
#define MHAL_PIN_HAS_ALT 1
#define MHAL_PIN_MODE_CODES \
    MHAL_PIN_IN = 0x00, MHAL_PIN_OUT = 0x01, MHAL_PIN_ALT = 0x02, MHAL_PIN_ANALOG = 0x03, \
    MHAL_PIN_OPEN_DRAIN = 0x11, MHAL_PIN_ALT_OPEN_DRAIN = 0x12,

#endif // STM32_MACHINE_CHIP_H
