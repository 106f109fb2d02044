// uart.c -- UART0 (the console) and UART1 through one driver (TRM 26): transmit by
// polling the TX FIFO count, receive by interrupt (RX FIFO full at one byte, or the
// RX timeout) into a static ring per UART. On the console Ctrl-C is not buffered but
// raises a flag the core's poll hook turns into KeyboardInterrupt.
#include "c3hal.h"
#include "esp32c3.h"
#include "ring.h"
#include "port.h"

// One slot stays free to tell a full ring from an empty one.
static volatile uint8_t rx_buf0[CONFIG_ESP32C3_UART_RX_BUFFER + 1];
static volatile uint8_t rx_buf1[CONFIG_ESP32C3_UART_RX_BUFFER + 1];

typedef struct {
    uint32_t base;
    volatile uint8_t *buf;
    uint32_t source;    // interrupt matrix source
    uint32_t tx_sig, rx_sig;
} uart_hw_t;

static const uart_hw_t uart_hw[C3_UART_COUNT] = {
    {C3_UART0_BASE, rx_buf0, C3_SOURCE_UART0, C3_SIG_U0TXD, C3_SIG_U0RXD},
    {C3_UART1_BASE, rx_buf1, C3_SOURCE_UART1, C3_SIG_U1TXD, C3_SIG_U1RXD},
};

// What an open UART is doing (its receive ring: ports/shared/ring.h).
typedef struct {
    mhal_uart_config_t cfg;
    ring_t rx;  // the receive ring
    bool open;
} uart_state_t;

static uart_state_t uart_state[C3_UART_COUNT];
static volatile bool console_interrupt;

static void reg_update(uint32_t base) {
    C3_REG(base + UART_ID) |= UART_ID_REG_UPDATE;  // hand the settings to the UART's clock domain
    while (C3_REG(base + UART_ID) & UART_ID_REG_UPDATE) {
    }
}

// Program baud rate and frame of an enabled UART; NULL or what is wrong with [cfg].
static const char *apply(int id, const mhal_uart_config_t *cfg) {
    uint32_t base = uart_hw[id].base;
    // The UART's clock is APB / (SCLK_DIV_NUM + 1), 1..256; CLKDIV divides that down to the
    // baud rate in sixteenths (12 integer bits, 4 fraction bits). The smallest pre-divider
    // that brings CLKDIV within 12 bits keeps the most precision: with the 80 MHz APB, /1
    // reaches down to 19,532 baud, /256 to 77 (9600 baud takes /3).
    uint32_t apb = c3_clock_apb_hz();
    uint64_t div16 = 0;
    uint32_t pre = 1;
    if (cfg->baud != 0) {
        pre = (uint32_t)((uint64_t)apb / (4096ull * cfg->baud)) + 1u;
        for (; pre <= 256u; pre++) {
            uint64_t unit = (uint64_t)pre * cfg->baud;
            div16 = ((uint64_t)apb * 16u + unit / 2u) / unit;
            if ((div16 >> 4) <= 0xFFFu) {
                break;
            }
        }
    }
    if (div16 < 16u || pre > 256u) {
        return "baudrate out of range for the APB clock";
    }
    if (cfg->bits < 5 || cfg->bits > 8) {
        return "bits must be 5..8";
    }
    if (cfg->stop != 1 && cfg->stop != 2) {
        return "stop must be 1 or 2";
    }
    uint32_t conf0 = UART_CONF0_BIT_NUM(cfg->bits) | (cfg->stop == 2 ? UART_CONF0_STOP_2 : UART_CONF0_STOP_1);
    if (cfg->parity != MHAL_PARITY_NONE) {
        conf0 |= UART_CONF0_PARITY_EN | (cfg->parity == MHAL_PARITY_ODD ? UART_CONF0_PARITY_ODD : 0u);
    }
    C3_REG(base + UART_INT_ENA) = 0;
    C3_REG(base + UART_CLK_CONF) = UART_CLK_CONF_APB | ((pre - 1u) << UART_CLK_CONF_DIV_NUM_SHIFT);
    C3_REG(base + UART_CLKDIV) = (uint32_t)(div16 >> 4) | ((uint32_t)(div16 & 15u) << 20);
    C3_REG(base + UART_CONF0) = conf0 | UART_CONF0_RXFIFO_RST;
    C3_REG(base + UART_CONF0) = conf0;
    C3_REG(base + UART_CONF1) = (C3_REG(base + UART_CONF1) & ~0x1FFu) | 1u;  // interrupt at one byte
    reg_update(base);
    uart_state_t *st = &uart_state[id];
    st->cfg = *cfg;
    ring_reset(&st->rx, (uint16_t)((cfg->rxbuf == 0 ? CONFIG_ESP32C3_UART_RX_BUFFER : cfg->rxbuf) + 1u));
    st->open = true;
    C3_REG(base + UART_INT_CLR) = 0xFFFFFFFFu;
    C3_REG(base + UART_INT_ENA) = UART_INT_RXFIFO_FULL | UART_INT_RXFIFO_TOUT;
    c3_intr_route(uart_hw[id].source, C3_CPU_INT_UART);
    return NULL;
}

// Pins -1 are UART1's configured ones (CONFIG_ESP32C3_UART1_TX_PIN/RX_PIN).
const char *mhal_uart_open(int id, const mhal_uart_config_t *cfg) {
    if (!mhal_uart_exists(id)) {
        return "no such UART on the ESP32-C3";
    }
    mhal_uart_config_t c = *cfg;
    c.tx = c.tx == -1 ? CONFIG_ESP32C3_UART1_TX_PIN : c.tx;
    c.rx = c.rx == -1 ? CONFIG_ESP32C3_UART1_RX_PIN : c.rx;
    if (c.tx < 0 || c.tx >= C3_GPIO_COUNT || c.rx < 0 || c.rx >= C3_GPIO_COUNT) {
        return "tx and rx must be GPIO numbers 0..21";
    }
    if (c.rxbuf > CONFIG_ESP32C3_UART_RX_BUFFER) {
        return "rxbuf larger than the static buffer (CONFIG_ESP32C3_UART_RX_BUFFER)";
    }
    if (id != 0) {
        c3_gpio_connect_out(c.tx, uart_hw[id].tx_sig);
        c3_gpio_connect_in(c.rx, uart_hw[id].rx_sig, C3_GPIO_PULL_UP);  // idle high when unplugged
    }
    return apply(id, &c);
}

const int mhal_uart_console = 0;

bool mhal_uart_exists(int id) {
    return id >= 0 && id < C3_UART_COUNT;
}

// GPIO numbers, as "4".
void mhal_uart_pin_names(int id, char tx[8], char rx[8]) {
    mhal_pin_name((unsigned)uart_state[id].cfg.tx, tx);
    mhal_pin_name((unsigned)uart_state[id].cfg.rx, rx);
}

void mhal_uart_close(int id) {
    C3_REG(uart_hw[id].base + UART_INT_ENA) = 0;
    uart_state[id].open = false;
}

bool mhal_uart_is_open(int id) {
    return uart_state[id].open;
}

const mhal_uart_config_t *mhal_uart_config(int id) {
    return &uart_state[id].cfg;
}

void c3_uart_write(int id, const char *data, size_t len, bool cooked) {
    uint32_t base = uart_hw[id].base;
    for (size_t i = 0; i < len; i++) {
        bool crlf = cooked && data[i] == '\n';
        for (int k = crlf ? 0 : 1; k < 2; k++) {
            while (UART_STATUS_TXCNT(C3_REG(base + UART_STATUS)) >= UART_FIFO_SIZE - 1u) {
            }
            C3_REG(base + UART_FIFO) = k == 0 ? (uint8_t)'\r' : (uint8_t)data[i];
        }
    }
}

void mhal_uart_write(int id, const char *data, size_t len) {
    c3_uart_write(id, data, len, false);
}

// write() waits for room in the FIFO itself.
bool mhal_uart_tx_ready(int id) {
    (void)id;
    return true;
}

int mhal_uart_getc(int id) {
    uart_state_t *st = &uart_state[id];
    return ring_get(&st->rx, uart_hw[id].buf);
}

size_t mhal_uart_any(int id) {
    const uart_state_t *st = &uart_state[id];
    return ring_count(&st->rx);
}

bool mhal_uart_tx_done(int id) {
    return UART_STATUS_TXCNT(C3_REG(uart_hw[id].base + UART_STATUS)) == 0;
}

void mhal_uart_send_break(int id) {
    uint32_t base = uart_hw[id].base;
    C3_REG(base + UART_CONF0) |= UART_CONF0_TXD_BRK;
    while (!mhal_uart_tx_done(id)) {
    }
    C3_REG(base + UART_CONF0) &= ~UART_CONF0_TXD_BRK;
}

// Move every byte in UART [id]'s RX FIFO into its ring.
static void receive(int id) {
    uint32_t base = uart_hw[id].base;
    uart_state_t *st = &uart_state[id];
    while (UART_STATUS_RXCNT(C3_REG(base + UART_STATUS)) > 0) {
        uint8_t c = (uint8_t)C3_REG(base + UART_FIFO);
        if (id == 0 && MPF_IS_INTERRUPT_CHAR(c)) {
            console_interrupt = true;
            continue;
        }
        ring_put(&st->rx, uart_hw[id].buf, c);  // a full ring drops the byte
    }
    C3_REG(base + UART_INT_CLR) = UART_INT_RXFIFO_FULL | UART_INT_RXFIFO_TOUT;
}

void c3_uart_isr(void) {
    for (int id = 0; id < C3_UART_COUNT; id++) {
        if (uart_state[id].open) {
            receive(id);
        }
    }
}

// ---------------------------------------------------------------- the console instance
void c3_console_init(void) {
    // The ROM already routes UART0 to GPIO21 (TX) and GPIO20 (RX) through the IO MUX.
    static const mhal_uart_config_t console = {
        .baud = CONFIG_ESP32C3_CONSOLE_BAUD, .bits = 8, .parity = MHAL_PARITY_NONE, .stop = 1, .tx = 21, .rx = 20};
    (void)mhal_uart_open(0, &console);
}

void c3_console_write(const char *data, size_t len) {
    c3_uart_write(0, data, len, true);
}

int c3_console_getc(void) {
    return mhal_uart_getc(0);
}

size_t c3_console_any(void) {
    return mhal_uart_any(0);
}

bool c3_console_take_interrupt(void) {
    if (!console_interrupt) {
        return false;
    }
    console_interrupt = false;
    return true;
}
