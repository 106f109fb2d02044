// timer.c -- time from FRC2, the free-running 32-bit frame counter of the timer block
// (80 MHz / 256 = 312.5 kHz), extended in software across its wrap.
#include "e8hal.h"
#include "esp8266.h"

static uint32_t last;     // FRC2 count at the last reading
static uint64_t elapsed;  // counts since e8_tick_init()

void e8_tick_init(void) {
    E8_REG(E8_FRC2_CTRL) = FRC2_CTRL_ENABLE | FRC2_CTRL_DIV256;
    last = E8_REG(E8_FRC2_COUNT);
    elapsed = 0;
}

uint32_t e8_tick_ms(void) {
    uint32_t now = E8_REG(E8_FRC2_COUNT);
    elapsed += (uint32_t)(now - last);
    last = now;
    return (uint32_t)(elapsed * 1000u / E8_FRC2_HZ);
}
