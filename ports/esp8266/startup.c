// startup.c -- from the ROM to main(): the ROM loads the IRAM and DRAM segments of
// firmware.esp.bin and calls e8_entry. Before anything in flash can run, the
// flash cache must map the first megabyte at 0x40200000 (the ROM's Cache_Read_Enable,
// at its fixed address: the linker script provides the symbol). Then the watchdog, .bss,
// the time base and the console.
#include <stdint.h>

#include "e8hal.h"
#include "esp8266.h"

extern uint32_t _sbss, _ebss, _estack;
int main(void);
void Cache_Read_Enable(uint8_t odd_even, uint8_t mb_count, uint8_t no_idea);  // ROM
void e8_entry(void);
_Noreturn void e8_start(void);

#define IRAM __attribute__((section(".iram.text")))

// The entry point: a fresh stack at the top of our DRAM, then C (still in IRAM).
__asm__(
    ".section .iram.text, \"ax\"\n"
    ".literal_position\n"
    ".global e8_entry\n"
    ".align 4\n"
    "e8_entry:\n"
    "    movi a1, _estack\n"
    "    call0 e8_start\n");

IRAM _Noreturn void e8_start(void) {
    E8_REG(E8_WDT_RST) = WDT_FEED_KEY;
    Cache_Read_Enable(0, 0, 1);  // flash 0..1 MiB at 0x40200000: .irom0.text runs from here
    for (uint32_t *p = &_sbss; p < &_ebss;) {
        *p++ = 0;
    }
    e8_wdt_disable();
    e8_tick_init();
    e8_console_init();
    (void)main();
    for (;;) {
    }
}

void e8_wdt_disable(void) {
    E8_REG(E8_WDT_RST) = WDT_FEED_KEY;
    E8_REG(E8_WDT_CTL) &= ~WDT_CTL_ENABLE;
}

// ---------------------------------------------------------------- machine_hal.h
// Restart through the ROM's reset vector.
_Noreturn void mhal_reset(void) {
    ((void (*)(void))(uintptr_t)E8_ROM_RESET_VECTOR)();
    for (;;) {
    }
}

// 80 or 160 MHz.
uint32_t mhal_freq(void) {
    return (E8_REG(E8_DPORT_CPU_CLK) & 1u) ? 160000000u : 80000000u;
}

const char *mhal_freq_set(uint32_t hz) {
    if (hz != 80000000u && hz != 160000000u) {
        return "freq must be 80000000 or 160000000";
    }
    E8_REG(E8_DPORT_CPU_CLK) = (E8_REG(E8_DPORT_CPU_CLK) & ~1u) | (hz == 160000000u ? 1u : 0u);
    return NULL;
}
