// startup.c -- what runs from reset to main(): the vector table, FPU enable, .data
// copy and .bss clear, the clock tree and SysTick; plus reset and halt.
#include <stdint.h>

#include "stm32f4.h"
#include "stm32hal.h"

// Interrupt lines of the largest chip supported (STM32F411: 86, F405: 82).
#define STM32_IRQ_COUNT 86

// Symbols of the generated linker script (ldscript.ld.in).
extern uint32_t _estack;   // initial stack pointer: top of SRAM
extern uint32_t _sidata;   // .data's initial values in flash
extern uint32_t _sdata, _edata, _sbss, _ebss;

int main(void);
void stm32_reset_isr(void);

typedef void (*stm32_vector_t)(void);

// The vector table, linked first in flash (section .isr_vector). Every entry starts as
// the fault handler (it names an unexpected interrupt by its number); the ones this
// port handles are set after it.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
__attribute__((section(".isr_vector"), used))
const stm32_vector_t stm32_vectors[16 + STM32_IRQ_COUNT] = {
    [2 ... 16 + STM32_IRQ_COUNT - 1] = stm32_fault_isr,
    [0] = (stm32_vector_t)(uintptr_t)&_estack,
    [1] = stm32_reset_isr,
    [2] = stm32_fault_isr,   // NMI
    [3] = stm32_fault_isr,   // HardFault
    [4] = stm32_fault_isr,   // MemManage
    [5] = stm32_fault_isr,   // BusFault
    [6] = stm32_fault_isr,   // UsageFault
    [15] = stm32_tick_isr,   // SysTick
    [16 + USART1_IRQ] = stm32_usart_isr,  // one handler for every USART
    [16 + USART2_IRQ] = stm32_usart_isr,
#if STM32_HAS_USART3_4_5
    [16 + USART3_IRQ] = stm32_usart_isr,
    [16 + UART4_IRQ] = stm32_usart_isr,
    [16 + UART5_IRQ] = stm32_usart_isr,
#endif
    [16 + USART6_IRQ] = stm32_usart_isr,
};
#pragma GCC diagnostic pop

// Reset: runs on the stack the hardware loaded from vector 0, before .data exists.
__attribute__((noreturn)) void stm32_reset_isr(void) {
    // FPU first: the compiler may use it in any code below (hard-float ABI).
    STM32_REG(SCB_CPACR) |= SCB_CPACR_CP10_CP11_FULL;
    __asm__ volatile("dsb\n isb" ::: "memory");

    uint32_t *src = &_sidata;
    for (uint32_t *dst = &_sdata; dst < &_edata;) {
        *dst++ = *src++;
    }
    for (uint32_t *dst = &_sbss; dst < &_ebss;) {
        *dst++ = 0;
    }
    // Booting from flash maps it at 0 too; point VTOR at the linked table.
    STM32_REG(SCB_VTOR) = (uint32_t)(uintptr_t)stm32_vectors;

    stm32_fault_init();
    stm32_clock_init();
    stm32_tick_init();
    stm32_console_init();
    int status = main();
    stm32_halt(status);
}

_Noreturn void stm32_system_reset(void) {
    __asm__ volatile("dsb" ::: "memory");
    STM32_REG(SCB_AIRCR) = SCB_AIRCR_KEY | SCB_AIRCR_SYSRESETREQ;
    __asm__ volatile("dsb" ::: "memory");
    for (;;) {
    }
}

_Noreturn void stm32_halt(int status) {
#if CONFIG_SEMIHOSTING_EXIT
    stm32_semihost_exit(status);
#else
    (void)status;
    for (;;) {
        __asm__ volatile("wfi");
    }
#endif
}
