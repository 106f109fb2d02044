// startup.c -- from the entry (c3_start.S) to main(): watchdogs off, .data and .bss,
// clocks, the SYSTIMER tick, the console and interrupts.
#include <stdint.h>

#include "c3hal.h"

// Symbols of the generated linker script (ldscript.ld.in).
extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss;

int main(void);
_Noreturn void c3_start(void);

volatile uint32_t c3_runner_mode;

_Noreturn void c3_start(void) {
    // The ROM's watchdogs would reset the chip within a second or so: first thing.
    c3_wdt_disable_all();
    // The ROM loads .data at its run address (a RAM-loaded image), so the copy only does
    // work if a linker script ever gives .data a separate load address.
    const uint32_t *src = &_sidata;
    if (src != &_sdata) {
        for (uint32_t *dst = &_sdata; dst < &_edata;) {
            *dst++ = *src++;
        }
    }
    const uint32_t runner_mode = c3_runner_mode;  // set by the runner: survives the clear
    for (uint32_t *dst = &_sbss; dst < &_ebss;) {
        *dst++ = 0;
    }
    c3_runner_mode = runner_mode;
    c3_clock_init();
    c3_tick_init();
    c3_console_init();
    c3_intr_enable_global();
    c3_halt(main());
}
