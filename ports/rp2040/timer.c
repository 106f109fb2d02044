// timer.c -- time from the 1 MHz TIMER (RP2040 datasheet 4.6): a 64-bit microsecond
// count, the Cortex-M layer's millisecond tick (cm_tick_ms; the port leaves SysTick
// alone), and alarm 0 as a wake-up so WFI waits a millisecond at most.
#include "rp2040.h"
#include "rp2040hal.h"

#define WAKE_US 1000u

static void irq_enable(int irq) {
    CM_REG(NVIC_ISER(0)) = 1u << irq;
}

void rp2040_timer_init(void) {
    rp2040_unreset(RESETS_TIMER);
    RP2040_REG(TIMER_INTE) = TIMER_ALARM0_BIT;
    irq_enable(TIMER_IRQ_0);
    RP2040_REG(TIMER_ALARM0) = RP2040_REG(TIMER_TIMERAWL) + WAKE_US;
}

uint64_t rp2040_timer_us(void) {
    // The raw halves, without the latching TIMELR/TIMEHR pair an interrupt could
    // disturb: read high, low, high again until the high half held still.
    uint32_t hi, lo;
    do {
        hi = RP2040_REG(TIMER_TIMERAWH);
        lo = RP2040_REG(TIMER_TIMERAWL);
    } while (hi != RP2040_REG(TIMER_TIMERAWH));
    return (uint64_t)hi << 32 | lo;
}

uint32_t cm_tick_ms(void) {
    return (uint32_t)(rp2040_timer_us() / 1000u);
}

void cm_tick_delay_ms(uint32_t ms) {
    uint32_t start = cm_tick_ms();
    while (cm_tick_ms() - start < ms) {
        __asm__ volatile("wfi");
    }
}

void rp2040_timer_isr(void) {
    RP2040_REG(TIMER_INTR) = TIMER_ALARM0_BIT;  // write 1 to clear
    RP2040_REG(TIMER_ALARM0) = RP2040_REG(TIMER_TIMERAWL) + WAKE_US;
}
