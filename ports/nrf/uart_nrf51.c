// uart_nrf51.c -- the nRF51's UART under uart.c: one byte at a time through the TXD
// and RXD registers. Transmit polls TXDRDY; each received byte raises RXDRDY, whose
// interrupt hands it to uart.c (nRF51 RM v3.0, chapter 29). QEMU's microbit models
// this UART, including ENABLE gating every other write and STARTRX holding input.
#include "machine_hal.h"
#include "nrfhal.h"

void nrf_uart_hw_start(int id, uint32_t base, uint32_t baud, uint32_t config, int tx, int rx) {
    (void)id;
    NRF_REG(base + UART_ENABLE) = 0;
    mhal_pin_write((unsigned)tx, true);  // TX idles high: set the latch before it drives
    (void)mhal_pin_config((unsigned)tx, MHAL_PIN_OUT, MHAL_PULL_NONE, 0);
    (void)mhal_pin_config((unsigned)rx, MHAL_PIN_IN, MHAL_PULL_UP, 0);  // idle high when unplugged
    NRF_REG(base + UART_ENABLE) = UART_ENABLE_UART;  // first: until then writes are ignored
    NRF_REG(base + UART_PSELTXD) = (uint32_t)tx;
    NRF_REG(base + UART_PSELRXD) = (uint32_t)rx;
    NRF_REG(base + UART_PSELRTS) = UART_PSEL_DISCONNECTED;
    NRF_REG(base + UART_PSELCTS) = UART_PSEL_DISCONNECTED;
    NRF_REG(base + UART_BAUDRATE) = baud;
    NRF_REG(base + UART_CONFIG) = config;
    NRF_REG(base + UART_EVENTS_RXDRDY) = 0;
    NRF_REG(base + UART_EVENTS_TXDRDY) = 0;
    NRF_REG(base + UART_EVENTS_ERROR) = 0;
    NRF_REG(base + UART_INTENSET) = UART_INT_RXDRDY | UART_INT_ERROR;
    NRF_REG(base + UART_TASKS_STARTTX) = NRF_TASK_TRIGGER;
    NRF_REG(base + UART_TASKS_STARTRX) = NRF_TASK_TRIGGER;
}

void nrf_uart_hw_stop(uint32_t base) {
    NRF_REG(base + UART_INTENCLR) = 0xFFFFFFFFu;
    NRF_REG(base + UART_TASKS_STOPTX) = NRF_TASK_TRIGGER;
    NRF_REG(base + UART_TASKS_STOPRX) = NRF_TASK_TRIGGER;
    NRF_REG(base + UART_ENABLE) = 0;
}

void nrf_uart_hw_write(int id, uint32_t base, const uint8_t *data, size_t len) {
    (void)id;
    for (size_t i = 0; i < len; i++) {
        NRF_REG(base + UART_EVENTS_TXDRDY) = 0;
        NRF_REG(base + UART_TXD) = data[i];
        while (!NRF_REG(base + UART_EVENTS_TXDRDY)) {
        }
    }
}

void nrf_uart_hw_receive(int id, uint32_t base) {
    if (NRF_REG(base + UART_EVENTS_ERROR)) {
        NRF_REG(base + UART_EVENTS_ERROR) = 0;
        NRF_REG(base + UART_ERRORSRC) = NRF_REG(base + UART_ERRORSRC);  // write 1 to clear
    }
    // Clear the event before reading RXD: a further byte waiting sets it again.
    while (NRF_REG(base + UART_EVENTS_RXDRDY)) {
        NRF_REG(base + UART_EVENTS_RXDRDY) = 0;
        nrf_uart_received(id, (uint8_t)NRF_REG(base + UART_RXD));
    }
}
