// systick.c -- the 1 ms tick (CONFIG_CORTEX_M_SYSTICK): SysTick counts the core clock
// down from core_hz/1000 and its exception advances the millisecond counter behind
// ticks_ms and sleep_ms.
#include "cortex_m.h"

static volatile uint32_t tick_ms;

void cm_tick_init(uint32_t core_hz) {
    CM_REG(SYSTICK_LOAD) = core_hz / 1000u - 1u;
    CM_REG(SYSTICK_VAL) = 0;
    CM_REG(SYSTICK_CTRL) = SYSTICK_CTRL_CLKSOURCE | SYSTICK_CTRL_TICKINT | SYSTICK_CTRL_ENABLE;
}

void cm_tick_isr(void) {
    tick_ms++;
}

uint32_t cm_tick_ms(void) {
    return tick_ms;  // one aligned word: read atomically
}

void cm_tick_delay_ms(uint32_t ms) {
    uint32_t start = tick_ms;
    while (tick_ms - start < ms) {
        __asm__ volatile("wfi");
    }
}
