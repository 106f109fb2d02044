// systimer.c -- time from SYSTIMER unit 0 (TRM 10): a 52-bit counter at 16 MHz that runs
// whatever the CPU clock. Its comparator 0 raises a 1 ms periodic interrupt that wakes
// the CPU from WFI (idle, sleep).
#include "c3hal.h"
#include "esp32c3.h"

#define TICKS_PER_MS (C3_SYSTIMER_HZ / 1000u)

static uint64_t read_counter(void) {
    C3_REG(C3_SYSTIMER_BASE + SYSTIMER_UNIT0_OP) = SYSTIMER_OP_UPDATE;  // snapshot the counter
    while (!(C3_REG(C3_SYSTIMER_BASE + SYSTIMER_UNIT0_OP) & SYSTIMER_OP_VALUE_VALID)) {
    }
    uint64_t hi = C3_REG(C3_SYSTIMER_BASE + SYSTIMER_UNIT0_VALUE_HI) & 0xFFFFFu;
    return (hi << 32) | C3_REG(C3_SYSTIMER_BASE + SYSTIMER_UNIT0_VALUE_LO);
}

static uint64_t start;

void c3_tick_init(void) {
    C3_REG(C3_SYSTIMER_BASE + SYSTIMER_CONF) |= SYSTIMER_CONF_CLK_EN | SYSTIMER_CONF_UNIT0_WORK_EN;
    start = read_counter();
    C3_REG(C3_SYSTIMER_BASE + SYSTIMER_TARGET0_CONF) = SYSTIMER_TARGET_PERIOD_MODE | TICKS_PER_MS;
    C3_REG(C3_SYSTIMER_BASE + SYSTIMER_COMP0_LOAD) = 1;  // load the period
    C3_REG(C3_SYSTIMER_BASE + SYSTIMER_CONF) |= SYSTIMER_CONF_TARGET0_WORK_EN;
    C3_REG(C3_SYSTIMER_BASE + SYSTIMER_INT_CLR) = SYSTIMER_INT_TARGET0;
    C3_REG(C3_SYSTIMER_BASE + SYSTIMER_INT_ENA) |= SYSTIMER_INT_TARGET0;
    c3_intr_route(C3_SOURCE_SYSTIMER_TARGET0, C3_CPU_INT_SYSTIMER);
}

uint64_t c3_tick_us(void) {
    return (read_counter() - start) / (C3_SYSTIMER_HZ / 1000000u);
}

uint32_t c3_tick_ms(void) {
    return (uint32_t)((read_counter() - start) / TICKS_PER_MS);
}

void c3_tick_isr(void) {
    C3_REG(C3_SYSTIMER_BASE + SYSTIMER_INT_CLR) = SYSTIMER_INT_TARGET0;  // its only job: waking WFI
}
