// uart.c -- every UART through one interface: blocking transmit, interrupt-driven
// receive into a static ring buffer per instance. The series' driver (uart_nrf51.c
// for the UART, uarte_nrf52.c for the UARTE with EasyDMA) moves the bytes; this file
// owns the settings, the rings and the console. On the console (instance 0) Ctrl-C
// is not buffered but raises a flag the core's poll hook turns into KeyboardInterrupt.
// machine.UART uses it through machine_hal.h's mhal_uart_*.
#include "machine_hal.h"
#include "nrfhal.h"
#include "ring.h"
#include "port.h"

// Static receive rings (no heap: an interrupt may write into them at any time, even
// across a soft reset). One slot stays free to tell a full ring from an empty one.
static volatile uint8_t rx_buf0[CONFIG_NRF_CONSOLE_RX_BUFFER + 1];
#if NRF_UART_COUNT > 1
static volatile uint8_t rx_buf1[CONFIG_NRF_UART_RX_BUFFER + 1];
#endif

// What does not change about an instance: where it is, its ring and its pins.
typedef struct {
    uint32_t base;
    volatile uint8_t *rx_buf;
    uint16_t rx_slots;
    uint8_t tx_pin;
    uint8_t rx_pin;
} uart_hw_t;

static const uart_hw_t uart_hw[NRF_UART_COUNT] = {
    {NRF_UART0_BASE, rx_buf0, sizeof(rx_buf0), CONFIG_NRF_CONSOLE_TX_PIN, CONFIG_NRF_CONSOLE_RX_PIN},
#if NRF_UART_COUNT > 1
    {NRF_UARTE1_BASE, rx_buf1, sizeof(rx_buf1), CONFIG_NRF_UART1_TX_PIN, CONFIG_NRF_UART1_RX_PIN},
#endif
};

// What an open instance is doing (its receive ring: ports/shared/ring.h).
typedef struct {
    mhal_uart_config_t cfg;
    ring_t rx;  // the receive ring
    bool open;
    volatile uint32_t dropped;
} uart_state_t;

static uart_state_t uart_state[NRF_UART_COUNT];
static volatile bool console_interrupt;

static const mhal_uart_config_t console_config = {
    .baud = CONFIG_NRF_CONSOLE_BAUD, .bits = 8, .parity = MHAL_PARITY_NONE, .stop = 1, .tx = -1, .rx = -1};

// UART(0) is the console's UART itself (the nRF51 has no other): machine.UART may use
// it (raw bytes out, the console's ring in), so no id is refused as the console.
const int mhal_uart_console = -1;

bool mhal_uart_exists(int id) {
    return id >= 0 && id < NRF_UART_COUNT;
}

size_t nrf_uart_rx_capacity(int id) {
    return uart_hw[id].rx_slots - 1u;
}

// The BAUDRATE register: baud * 2**32 / 16 MHz, rounded to its 20 significant bits
// (the nRF51 RM's table of UART values follows this formula, e.g. 115200 ->
// 0x01D7E000). Nonzero; 0 if [baud] is out of the range the chips take.
static uint32_t baud_register(uint32_t baud) {
    if (baud < 1200 || baud > 1000000) {
        return 0;
    }
    uint64_t v = ((uint64_t)baud << 32) / 16000000u;
    return (uint32_t)((v + 0x800u) & 0xFFFFF000u);
}

const char *mhal_uart_open(int id, const mhal_uart_config_t *cfg) {
    if (!mhal_uart_exists(id)) {
        return "no such UART on this chip";
    }
    const uart_hw_t *hw = &uart_hw[id];
    uart_state_t *st = &uart_state[id];
    // Check everything before touching the hardware.
    uint32_t baud = baud_register(cfg->baud);
    if (baud == 0) {
        return "baudrate must be 1200..1000000";
    }
    if (cfg->bits != 8) {
        return "bits must be 8";
    }
    uint32_t config = 0;
    if (cfg->parity == MHAL_PARITY_EVEN) {
        config |= UART_CONFIG_PARITY_EVEN;
    } else if (cfg->parity == MHAL_PARITY_ODD) {
#if CONFIG_NRF51
        return "odd parity is not available on the nRF51 (even or None)";
#else
        config |= UART_CONFIG_PARITY_EVEN | UART_CONFIG_PARITY_ODD;
#endif
    }
    if (cfg->stop == 2) {
#if CONFIG_NRF51
        return "stop must be 1 on the nRF51";
#else
        config |= UART_CONFIG_STOP_TWO;
#endif
    } else if (cfg->stop != 1) {
        return "stop must be 1 or 2";
    }
    size_t capacity = cfg->rxbuf == 0 ? nrf_uart_rx_capacity(id) : cfg->rxbuf;
    if (capacity > nrf_uart_rx_capacity(id)) {
        return "rxbuf larger than the static buffer (CONFIG_NRF_UART_RX_BUFFER)";
    }

    int irq = NRF_IRQ_OF(hw->base);
    nrf_irq_enable(irq, false);
    if (st->open) {
        nrf_uart_hw_stop(hw->base);
    }
    st->cfg = *cfg;
    st->cfg.rxbuf = (uint16_t)capacity;
    ring_reset(&st->rx, (uint16_t)(capacity + 1));
    st->dropped = 0;
    st->open = true;
    nrf_uart_hw_start(id, hw->base, baud, config, hw->tx_pin, hw->rx_pin);
    nrf_irq_enable(irq, true);
    return NULL;
}

void mhal_uart_close(int id) {
    if (id == NRF_CONSOLE_ID) {
        (void)mhal_uart_open(id, &console_config);  // the console stays usable
        return;
    }
#if NRF_UART_COUNT > 1  // (on the nRF51 the console is the only UART)
    nrf_irq_enable(NRF_IRQ_OF(uart_hw[id].base), false);
    nrf_uart_hw_stop(uart_hw[id].base);
    uart_state[id].open = false;
#endif
}

void nrf_uart_close_all(void) {
    for (int id = 0; id < NRF_UART_COUNT; id++) {
        if (id == NRF_CONSOLE_ID) {
            const mhal_uart_config_t *c = &uart_state[id].cfg;
            if (c->baud != console_config.baud || c->parity != console_config.parity || c->stop != 1
                || c->rxbuf != nrf_uart_rx_capacity(id)) {
                mhal_uart_close(id);
            }
        } else if (uart_state[id].open) {
            mhal_uart_close(id);
        }
    }
}

bool mhal_uart_is_open(int id) {
    return uart_state[id].open;
}

const mhal_uart_config_t *mhal_uart_config(int id) {
    return &uart_state[id].cfg;
}

void mhal_uart_pin_names(int id, char tx[8], char rx[8]) {
    mhal_pin_name((unsigned)uart_hw[id].tx_pin, tx);
    mhal_pin_name((unsigned)uart_hw[id].rx_pin, rx);
}

void mhal_uart_write(int id, const char *data, size_t len) {
    nrf_uart_write(id, data, len, false);
}

// write() returns once the last byte is out (TXDRDY or ENDTX), so the transmitter is
// always ready and always done between calls.
bool mhal_uart_tx_ready(int id) {
    (void)id;
    return true;
}

bool mhal_uart_tx_done(int id) {
    (void)id;
    return true;
}

void nrf_uart_write(int id, const char *data, size_t len, bool cooked) {
    uint32_t base = uart_hw[id].base;
    if (!cooked) {
        nrf_uart_hw_write(id, base, (const uint8_t *)data, len);
        return;
    }
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (data[i] == '\n') {
            static const uint8_t crlf[2] = {'\r', '\n'};
            nrf_uart_hw_write(id, base, (const uint8_t *)data + start, i - start);
            nrf_uart_hw_write(id, base, crlf, 2);
            start = i + 1;
        }
    }
    nrf_uart_hw_write(id, base, (const uint8_t *)data + start, len - start);
}

int mhal_uart_getc(int id) {
    uart_state_t *st = &uart_state[id];
    return ring_get(&st->rx, uart_hw[id].rx_buf);
}

size_t mhal_uart_any(int id) {
    const uart_state_t *st = &uart_state[id];
    return ring_count(&st->rx);
}

uint32_t nrf_uart_dropped(int id) {
    return uart_state[id].dropped;
}

void nrf_uart_received(int id, uint8_t c) {
    uart_state_t *st = &uart_state[id];
    if (id == NRF_CONSOLE_ID && MPF_IS_INTERRUPT_CHAR(c)) {
        console_interrupt = true;
        return;
    }
    if (!ring_put(&st->rx, uart_hw[id].rx_buf, c)) {
        st->dropped++;
    }
}

void nrf_uart_isr(void) {
    // One handler for all: the active exception number (IPSR) names the line.
    uint32_t ipsr;
    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    int irq = (int)(ipsr & 0x1FFu) - 16;
    for (int id = 0; id < NRF_UART_COUNT; id++) {
        if (NRF_IRQ_OF(uart_hw[id].base) == irq) {
            nrf_uart_hw_receive(id, uart_hw[id].base);
            return;
        }
    }
}

// ---------------------------------------------------------------- the console instance
void nrf_console_init(void) {
    (void)mhal_uart_open(NRF_CONSOLE_ID, &console_config);
}

void nrf_console_write(const char *data, size_t len, bool cooked) {
    nrf_uart_write(NRF_CONSOLE_ID, data, len, cooked);
}

int nrf_console_getc(void) {
    return mhal_uart_getc(NRF_CONSOLE_ID);
}

size_t nrf_console_any(void) {
    return mhal_uart_any(NRF_CONSOLE_ID);
}

bool nrf_console_take_interrupt(void) {
    if (!console_interrupt) {
        return false;
    }
    console_interrupt = false;
    return true;
}
