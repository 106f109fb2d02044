// chip.c -- the SAMD as the Cortex-M layer sees it: its interrupt vectors, what start-up
// does between .bss and main() (clocks, SysTick, console), what a soft reset closes, and
// the machine module's chip-wide functions.
#include "machine_hal.h"
#include "samd.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
CM_CHIP_VECTORS const cm_vector_t samd_vectors[SAMD_IRQ_COUNT] = {
    [0 ... SAMD_IRQ_COUNT - 1] = cm_fault_isr,  // names an unexpected interrupt
    [SAMD_SERCOM_RX_IRQ(0)] = samd_sercom_isr,
    [SAMD_SERCOM_RX_IRQ(1)] = samd_sercom_isr,
    [SAMD_SERCOM_RX_IRQ(2)] = samd_sercom_isr,
    [SAMD_SERCOM_RX_IRQ(3)] = samd_sercom_isr,
    [SAMD_SERCOM_RX_IRQ(4)] = samd_sercom_isr,
    [SAMD_SERCOM_RX_IRQ(5)] = samd_sercom_isr,
};
#pragma GCC diagnostic pop

void cm_chip_init(void) {
    samd_clock_init();
    cm_tick_init(samd_clock_cpu_hz());
    samd_console_init();
}

void cm_chip_soft_reset(void) {
    samd_sercom_close_all();  // machine.UARTs do not outlive the run that opened them
}

_Noreturn void mhal_reset(void) {
    cm_system_reset();
}

uint32_t mhal_freq(void) {
    return samd_clock_cpu_hz();
}

size_t mhal_unique_id(uint8_t buf[MHAL_UNIQUE_ID_MAX]) {
    // The 128-bit serial number, in four words that are not contiguous.
    static const uint32_t words[4] = SAMD_UID_WORDS;
    size_t n = 0;
    for (size_t w = 0; w < 4; w++) {
        uint32_t v = CM_REG(words[w]);
        for (unsigned b = 0; b < 4; b++) {
            buf[n++] = (uint8_t)(v >> (24u - 8u * b));  // big-endian, as the data sheet prints it
        }
    }
    return n;
}
