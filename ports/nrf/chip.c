// chip.c -- what the shared Cortex-M layer (ports/cortex_m/cortex_m.h) asks of the
// nRF chips: the interrupt vectors, the start-up between .bss and main() (clock,
// tick, console), the soft reset and the console.
#include <string.h>

#include "cortex_m.h"
#include "nrfhal.h"

// Interrupt lines: 26 used of 32 on the nRF51 (RM 3.0 table 18), 48 on the
// nRF52840 (PS 6.1: up to USBD 39, UARTE1 40, ..., SPIM3 47).
#if CONFIG_NRF51
#define NRF_IRQ_COUNT 32
#else
#define NRF_IRQ_COUNT 48
#endif

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
CM_CHIP_VECTORS const cm_vector_t nrf_vectors[NRF_IRQ_COUNT] = {
    [0 ... NRF_IRQ_COUNT - 1] = cm_fault_isr,  // names an unexpected interrupt
    [NRF_IRQ_OF(NRF_UART0_BASE)] = nrf_uart_isr,
#if NRF_UART_COUNT > 1
    [NRF_IRQ_OF(NRF_UARTE1_BASE)] = nrf_uart_isr,
#endif
#if !CONFIG_CORTEX_M_SYSTICK
    [NRF_IRQ_OF(NRF_TIMER0_BASE)] = nrf_tick_isr,
#endif
};
#pragma GCC diagnostic pop

void nrf_irq_enable(int irq, bool on) {
    CM_REG(on ? NVIC_ISER(irq / 32) : NVIC_ICER(irq / 32)) = 1u << (irq % 32);
    __asm__ volatile("dsb\n isb" ::: "memory");  // disabled before the next access
}

void cm_chip_init(void) {
    nrf_clock_init();
#if CONFIG_CORTEX_M_SYSTICK
    cm_tick_init(nrf_clock_cpu_hz());
#else
    nrf_tick_init();
#endif
    nrf_console_init();
}

void cm_chip_soft_reset(void) {
    nrf_uart_close_all();  // machine.UARTs do not outlive the run that opened them
}

void cm_console_write(const char *data, size_t len, bool cooked) {
    nrf_console_write(data, len, cooked);
}

int cm_console_getc(void) {
    return nrf_console_getc();
}

size_t cm_console_any(void) {
    return nrf_console_any();
}

bool cm_console_take_interrupt(void) {
    return nrf_console_take_interrupt();
}

// ---------------------------------------------------------------- machine_hal.h
// FICR DEVICEID: 64 bits, random per device (nRF51 RM 6.1, nRF52840 PS 4.4).
#define NRF_DEVICEID_BYTES 8

_Noreturn void mhal_reset(void) {
    cm_system_reset();
}

uint32_t mhal_freq(void) {
    return nrf_clock_cpu_hz();
}

// DEVICEID[0] then DEVICEID[1], each little-endian.
size_t mhal_unique_id(uint8_t buf[MHAL_UNIQUE_ID_MAX]) {
    for (size_t word = 0; word < NRF_DEVICEID_BYTES / 4; word++) {
        uint32_t v = NRF_REG(NRF_FICR_DEVICEID + 4u * word);
        memcpy(buf + 4 * word, &v, 4);  // little-endian, as the core is
    }
    return NRF_DEVICEID_BYTES;
}
