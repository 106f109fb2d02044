// tick.c -- the 1 ms tick. The nRF51 has no SysTick; RTC1 (32.768 kHz, low power)
// would be the natural source, but QEMU 7.2's microbit machine does not model the
// RTC (its docs list it as missing; reads of it return 0), while it does model the
// TIMERs. So TIMER0 counts at 1 MHz (16 MHz / 2**4) and its COMPARE0 event, cleared
// by a shortcut, interrupts every 1000 counts. The nRF52 uses the same code.
#include "cortex_m.h"
#include "nrfhal.h"

#define TICK_PRESCALER 4u  // 16 MHz >> 4 = 1 MHz
#define TICK_COUNTS 1000u  // 1 ms at 1 MHz

static volatile uint32_t tick_ms;

void nrf_tick_init(void) {
    const uint32_t t = NRF_TIMER0_BASE;
    NRF_REG(t + TIMER_TASKS_STOP) = NRF_TASK_TRIGGER;
    NRF_REG(t + TIMER_MODE) = 0;  // timer, not counter
    NRF_REG(t + TIMER_BITMODE) = TIMER_BITMODE_32;
    NRF_REG(t + TIMER_PRESCALER) = TICK_PRESCALER;
    NRF_REG(t + TIMER_CC0) = TICK_COUNTS;
    NRF_REG(t + TIMER_SHORTS) = TIMER_SHORTS_COMPARE0_CLEAR;
    NRF_REG(t + TIMER_EVENTS_COMPARE0) = 0;
    NRF_REG(t + TIMER_INTENSET) = TIMER_INT_COMPARE0;
    NRF_REG(t + TIMER_TASKS_CLEAR) = NRF_TASK_TRIGGER;
    nrf_irq_enable(NRF_IRQ_OF(NRF_TIMER0_BASE), true);
    NRF_REG(t + TIMER_TASKS_START) = NRF_TASK_TRIGGER;
}

void nrf_tick_isr(void) {
    NRF_REG(NRF_TIMER0_BASE + TIMER_EVENTS_COMPARE0) = 0;
    (void)NRF_REG(NRF_TIMER0_BASE + TIMER_EVENTS_COMPARE0);  // cleared before return
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
