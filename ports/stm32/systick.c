// systick.c -- the 1 ms tick: SysTick counts the core clock down from HCLK/1000 and
// its exception advances the millisecond counter behind ticks_ms and sleep_ms.
#include "stm32f4.h"
#include "stm32hal.h"

static volatile uint32_t tick_ms;

void stm32_tick_init(void) {
    STM32_REG(SYSTICK_LOAD) = stm32_clock_hclk_hz() / 1000u - 1u;
    STM32_REG(SYSTICK_VAL) = 0;
    STM32_REG(SYSTICK_CTRL) = SYSTICK_CTRL_CLKSOURCE | SYSTICK_CTRL_TICKINT | SYSTICK_CTRL_ENABLE;
}

void stm32_tick_isr(void) {
    tick_ms++;
}

uint32_t stm32_tick_ms(void) {
    return tick_ms;  // one aligned word: read atomically
}

void stm32_tick_delay_ms(uint32_t ms) {
    uint32_t start = tick_ms;
    while (tick_ms - start < ms) {
        __asm__ volatile("wfi");
    }
}
