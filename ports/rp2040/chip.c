// chip.c -- the RP2040 as the Cortex-M layer sees it: its interrupt vectors, what
// start-up does between .bss and main() (blocks out of reset, clocks, the TIMER, the
// console), what a soft reset closes; and the machine module's chip-wide functions
// (machine_hal.h: unique ID, reset, clock).
#include "rp2040.h"
#include "rp2040hal.h"

// Every line starts as the fault handler (it names an unexpected interrupt by its
// number); the ones this port handles are set after it.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
CM_CHIP_VECTORS const cm_vector_t rp2040_vectors[RP2040_IRQ_COUNT] = {
    [0 ... RP2040_IRQ_COUNT - 1] = cm_fault_isr,
    [TIMER_IRQ_0] = rp2040_timer_isr,
    [UART0_IRQ] = rp2040_uart_isr,
    [UART1_IRQ] = rp2040_uart_isr,
};
#pragma GCC diagnostic pop

// Blocks the port uses, taken out of the reset the boot ROM leaves them in.
#define USED_BLOCKS (RESETS_IO_BANK0 | RESETS_PADS_BANK0 | RESETS_SYSCFG)

void cm_chip_init(void) {
    rp2040_unreset(USED_BLOCKS);
    rp2040_clock_init();
    rp2040_timer_init();
    rp2040_console_init();
}

void cm_chip_soft_reset(void) {
    rp2040_uart_close_all();  // machine.UART(1) does not outlive the run that opened it
}

// The 8-byte unique ID of the flash chip, as boot2 read it at reset.
size_t mhal_unique_id(uint8_t buf[MHAL_UNIQUE_ID_MAX]) {
    for (unsigned i = 0; i < 8; i++) {
        buf[i] = (uint8_t)(RP2040_REG(WATCHDOG_SCRATCH(i / 4u)) >> (8u * (i % 4u)));
    }
    return 8;
}

uint32_t mhal_freq(void) {
    return rp2040_clock_sys_hz();
}

// SYSRESETREQ would reset the cores only; the watchdog resets the chip as a power-up
// does (all but the oscillators: PSM_WDSEL) and keeps its scratch registers.
_Noreturn void mhal_reset(void) {
    RP2040_REG(PSM_WDSEL) = PSM_WDSEL_ALL_BUT_OSC;
    RP2040_SET(WATCHDOG_CTRL, WATCHDOG_CTRL_TRIGGER);
    for (;;) {
        __asm__ volatile("wfi");
    }
}
