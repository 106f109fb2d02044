// uarte_nrf52.c -- the nRF52840's UARTE under uart.c. EasyDMA moves the bytes
// (nRF52840 PS v1.7, 6.34): transmit copies through a small RAM buffer (EasyDMA
// cannot read flash) and waits for ENDTX; receive runs continuously into two
// one-byte buffers: the ENDRX->STARTRX shortcut restarts reception at once, and at
// each RXSTARTED the interrupt points RXD.PTR at the other buffer for the next byte,
// so every ENDRX leaves one byte for uart.c while the next is already arriving.
#include "machine_hal.h"
#include "nrfhal.h"

// Transmit chunk: the bytes copied to RAM per DMA transfer.
#define TX_CHUNK 32

typedef struct {
    uint8_t rx[2];        // the double buffer: EasyDMA writes one while we read the other
    uint8_t rx_done;      // which buffer the next ENDRX completes
    uint8_t rx_next;      // which buffer RXD.PTR gets at the next RXSTARTED
    uint8_t tx[TX_CHUNK];
} uarte_dma_t;

static uarte_dma_t dma[NRF_UART_COUNT];

void nrf_uart_hw_start(int id, uint32_t base, uint32_t baud, uint32_t config, int tx, int rx) {
    uarte_dma_t *d = &dma[id];
    NRF_REG(base + UART_ENABLE) = 0;
    mhal_pin_write((unsigned)tx, true);  // TX idles high: set the latch before it drives
    (void)mhal_pin_config((unsigned)tx, MHAL_PIN_OUT, MHAL_PULL_NONE, 0);
    (void)mhal_pin_config((unsigned)rx, MHAL_PIN_IN, MHAL_PULL_UP, 0);  // idle high when unplugged
    NRF_REG(base + UART_PSELTXD) = (uint32_t)tx;  // port in bit 5, CONNECT (bit 31) 0
    NRF_REG(base + UART_PSELRXD) = (uint32_t)rx;
    NRF_REG(base + UART_PSELRTS) = UART_PSEL_DISCONNECTED;
    NRF_REG(base + UART_PSELCTS) = UART_PSEL_DISCONNECTED;
    NRF_REG(base + UART_BAUDRATE) = baud;
    NRF_REG(base + UART_CONFIG) = config;
    NRF_REG(base + UART_ENABLE) = UART_ENABLE_UARTE;
    NRF_REG(base + UART_EVENTS_ENDRX) = 0;
    NRF_REG(base + UART_EVENTS_RXSTARTED) = 0;
    NRF_REG(base + UART_EVENTS_ERROR) = 0;
    d->rx_done = 0;
    d->rx_next = 1;
    NRF_REG(base + UARTE_RXD_PTR) = (uint32_t)(uintptr_t)&d->rx[0];
    NRF_REG(base + UARTE_RXD_MAXCNT) = 1;
    NRF_REG(base + UART_SHORTS) = UART_SHORTS_ENDRX_STARTRX;
    NRF_REG(base + UART_INTENSET) = UART_INT_ENDRX | UART_INT_RXSTARTED | UART_INT_ERROR;
    NRF_REG(base + UART_TASKS_STARTRX) = NRF_TASK_TRIGGER;
}

void nrf_uart_hw_stop(uint32_t base) {
    NRF_REG(base + UART_INTENCLR) = 0xFFFFFFFFu;
    NRF_REG(base + UART_SHORTS) = 0;
    NRF_REG(base + UART_TASKS_STOPRX) = NRF_TASK_TRIGGER;
    NRF_REG(base + UART_TASKS_STOPTX) = NRF_TASK_TRIGGER;
    NRF_REG(base + UART_ENABLE) = 0;
}

void nrf_uart_hw_write(int id, uint32_t base, const uint8_t *data, size_t len) {
    uarte_dma_t *d = &dma[id];
    while (len > 0) {
        size_t n = len < TX_CHUNK ? len : TX_CHUNK;
        for (size_t i = 0; i < n; i++) {
            d->tx[i] = data[i];
        }
        NRF_REG(base + UART_EVENTS_ENDTX) = 0;
        NRF_REG(base + UARTE_TXD_PTR) = (uint32_t)(uintptr_t)d->tx;
        NRF_REG(base + UARTE_TXD_MAXCNT) = (uint32_t)n;
        __asm__ volatile("dsb" ::: "memory");  // the buffer is in RAM before DMA reads it
        NRF_REG(base + UART_TASKS_STARTTX) = NRF_TASK_TRIGGER;
        while (!NRF_REG(base + UART_EVENTS_ENDTX)) {
        }
        data += n;
        len -= n;
    }
}

void nrf_uart_hw_receive(int id, uint32_t base) {
    uarte_dma_t *d = &dma[id];
    if (NRF_REG(base + UART_EVENTS_ERROR)) {
        NRF_REG(base + UART_EVENTS_ERROR) = 0;
        NRF_REG(base + UART_ERRORSRC) = NRF_REG(base + UART_ERRORSRC);  // write 1 to clear
    }
    // ENDRX first: its buffer is the older one, and is reused only two bytes later.
    if (NRF_REG(base + UART_EVENTS_ENDRX)) {
        NRF_REG(base + UART_EVENTS_ENDRX) = 0;
        if (NRF_REG(base + UARTE_RXD_AMOUNT) > 0) {
            nrf_uart_received(id, d->rx[d->rx_done]);
        }
        d->rx_done ^= 1u;
    }
    if (NRF_REG(base + UART_EVENTS_RXSTARTED)) {
        NRF_REG(base + UART_EVENTS_RXSTARTED) = 0;
        NRF_REG(base + UARTE_RXD_PTR) = (uint32_t)(uintptr_t)&d->rx[d->rx_next];
        d->rx_next ^= 1u;
    }
    (void)NRF_REG(base + UART_EVENTS_RXSTARTED);  // events cleared before return
}
