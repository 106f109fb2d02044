// clock.c -- the high-frequency clock: start the crystal oscillator (HFXO) so UART
// baud rates are accurate. The core clock itself is fixed by the series.
#include "nrfhal.h"

// Polls of EVENTS_HFCLKSTARTED before giving up: the crystal starts in well under
// 1.5 ms (datasheets: 800 us nRF51, 256 us nRF52840); each poll takes several cycles.
#define HFXO_START_POLLS 100000u

void nrf_clock_init(void) {
    NRF_REG(NRF_CLOCK_BASE + CLOCK_EVENTS_HFCLKSTARTED) = 0;
    NRF_REG(NRF_CLOCK_BASE + CLOCK_TASKS_HFCLKSTART) = NRF_TASK_TRIGGER;
    for (uint32_t i = 0; i < HFXO_START_POLLS; i++) {
        if (NRF_REG(NRF_CLOCK_BASE + CLOCK_EVENTS_HFCLKSTARTED)) {
            break;  // without a crystal the RC oscillator keeps the chip running
        }
    }
}

uint32_t nrf_clock_cpu_hz(void) {
    return NRF_CPU_HZ;
}
