// chip.c -- the STM32F4 as the Cortex-M layer sees it: its interrupt vectors, what
// start-up does between .bss and main() (clock tree, SysTick, console), and what a
// soft reset closes; the chip-wide functions of the shared machine module.
#include <string.h>

#include "stm32f4.h"
#include "stm32hal.h"

// The table ends at the last interrupt line this port enables (the chips have 82-86):
// the USARTs', or without the machine module the console's alone. A line past the end
// is never enabled in the NVIC, so its vector is never fetched.
#if CONFIG_CORTEX_M_MACHINE
#define STM32_IRQ_COUNT (USART6_IRQ + 1)
#else
#define STM32_CONSOLE_IRQ \
    (CONFIG_STM32_CONSOLE_USART == 1   ? USART1_IRQ \
        : CONFIG_STM32_CONSOLE_USART == 2 ? USART2_IRQ \
        : CONFIG_STM32_CONSOLE_USART == 3 ? USART3_IRQ \
        : CONFIG_STM32_CONSOLE_USART == 4 ? UART4_IRQ \
        : CONFIG_STM32_CONSOLE_USART == 5 ? UART5_IRQ \
                                          : USART6_IRQ)
#define STM32_IRQ_COUNT (STM32_CONSOLE_IRQ + 1)
#endif

// Every line starts as the fault handler (it names an unexpected interrupt by its
// number); the ones this port handles are set after it.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
CM_CHIP_VECTORS const cm_vector_t stm32_vectors[STM32_IRQ_COUNT] = {
    [0 ... STM32_IRQ_COUNT - 1] = cm_fault_isr,
#if CONFIG_CORTEX_M_MACHINE
    [USART1_IRQ] = stm32_usart_isr,  // one handler for every USART
    [USART2_IRQ] = stm32_usart_isr,
#if STM32_HAS_USART3_4_5
    [USART3_IRQ] = stm32_usart_isr,
    [UART4_IRQ] = stm32_usart_isr,
    [UART5_IRQ] = stm32_usart_isr,
#endif
    [USART6_IRQ] = stm32_usart_isr,
#else
    [STM32_CONSOLE_IRQ] = stm32_usart_isr,
#endif
};
#pragma GCC diagnostic pop

void cm_chip_init(void) {
    stm32_clock_init();
    cm_tick_init(stm32_clock_hclk_hz());
    stm32_console_init();
}

void cm_chip_soft_reset(void) {
    stm32_usart_close_all();  // machine.UARTs do not outlive the run that opened them
}

// ---------------------------------------------------------------- machine_hal.h
// Bytes of the device's unique ID (RM0090 39.1).
#define STM32_UID_BYTES 12

_Noreturn void mhal_reset(void) {
    cm_system_reset();
}

uint32_t mhal_freq(void) {
    return stm32_clock_hclk_hz();
}

size_t mhal_unique_id(uint8_t buf[MHAL_UNIQUE_ID_MAX]) {
    memcpy(buf, (const void *)(uintptr_t)STM32_UID_BASE, STM32_UID_BYTES);
    return STM32_UID_BYTES;
}
