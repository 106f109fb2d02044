// uart.c -- UART0 (the console) and UART1 through one driver (TRM 26): transmit by
// polling the TX FIFO count, receive by interrupt (RX FIFO full at one byte, or the
// RX timeout) into a static ring per UART. On the console Ctrl-C is not buffered but
// raises a flag the core's poll hook turns into KeyboardInterrupt.
#include "c3hal.h"
#include "esp32c3.h"

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

// The receive interrupt writes head, readers move tail: one writer each, no lock.
typedef struct {
    c3_uart_config_t cfg;
    volatile uint16_t head, tail;
    bool open;
} uart_state_t;

static uart_state_t uart_state[C3_UART_COUNT];
static volatile bool console_interrupt;

#define RX_SLOTS (CONFIG_ESP32C3_UART_RX_BUFFER + 1u)

static void reg_update(uint32_t base) {
    C3_REG(base + UART_ID) |= UART_ID_REG_UPDATE;  // hand the settings to the UART's clock domain
    while (C3_REG(base + UART_ID) & UART_ID_REG_UPDATE) {
    }
}

// Program baud rate and frame of an enabled UART; NULL or what is wrong with [cfg].
static const char *apply(int id, const c3_uart_config_t *cfg) {
    uint32_t base = uart_hw[id].base;
    // CLKDIV in sixteenths: APB * 16 / baud, split into integer and fraction.
    uint32_t apb = c3_clock_apb_hz();
    uint64_t div16 = cfg->baud == 0 ? 0 : ((uint64_t)apb * 16u + cfg->baud / 2u) / cfg->baud;
    if (div16 < 16u || (div16 >> 4) > 0xFFFu) {
        return "baudrate out of range for the APB clock";
    }
    if (cfg->bits < 5 || cfg->bits > 8) {
        return "bits must be 5..8";
    }
    if (cfg->stop != 1 && cfg->stop != 2) {
        return "stop must be 1 or 2";
    }
    uint32_t conf0 = UART_CONF0_BIT_NUM(cfg->bits) | (cfg->stop == 2 ? UART_CONF0_STOP_2 : UART_CONF0_STOP_1);
    if (cfg->parity != C3_PARITY_NONE) {
        conf0 |= UART_CONF0_PARITY_EN | (cfg->parity == C3_PARITY_ODD ? UART_CONF0_PARITY_ODD : 0u);
    }
    C3_REG(base + UART_INT_ENA) = 0;
    C3_REG(base + UART_CLK_CONF) = UART_CLK_CONF_APB;
    C3_REG(base + UART_CLKDIV) = (uint32_t)(div16 >> 4) | ((uint32_t)(div16 & 15u) << 20);
    C3_REG(base + UART_CONF0) = conf0 | UART_CONF0_RXFIFO_RST;
    C3_REG(base + UART_CONF0) = conf0;
    C3_REG(base + UART_CONF1) = (C3_REG(base + UART_CONF1) & ~0x1FFu) | 1u;  // interrupt at one byte
    reg_update(base);
    uart_state_t *st = &uart_state[id];
    st->cfg = *cfg;
    st->head = st->tail = 0;
    st->open = true;
    C3_REG(base + UART_INT_CLR) = 0xFFFFFFFFu;
    C3_REG(base + UART_INT_ENA) = UART_INT_RXFIFO_FULL | UART_INT_RXFIFO_TOUT;
    c3_intr_route(uart_hw[id].source, C3_CPU_INT_UART);
    return NULL;
}

const char *c3_uart_open(int id, const c3_uart_config_t *cfg) {
    if (id < 0 || id >= C3_UART_COUNT) {
        return "no such UART on the ESP32-C3";
    }
    if (cfg->tx_pin >= C3_GPIO_COUNT || cfg->rx_pin >= C3_GPIO_COUNT) {
        return "tx and rx must be GPIO numbers 0..21";
    }
    if (id != 0) {
        c3_gpio_connect_out(cfg->tx_pin, uart_hw[id].tx_sig);
        c3_gpio_connect_in(cfg->rx_pin, uart_hw[id].rx_sig, C3_GPIO_PULL_UP);  // idle high when unplugged
    }
    return apply(id, cfg);
}

void c3_uart_close(int id) {
    C3_REG(uart_hw[id].base + UART_INT_ENA) = 0;
    uart_state[id].open = false;
}

bool c3_uart_is_open(int id) {
    return uart_state[id].open;
}

const c3_uart_config_t *c3_uart_config(int id) {
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

int c3_uart_getc(int id) {
    uart_state_t *st = &uart_state[id];
    uint16_t tail = st->tail;
    if (tail == st->head) {
        return -1;
    }
    int c = uart_hw[id].buf[tail];
    st->tail = tail + 1u == RX_SLOTS ? 0 : tail + 1u;
    return c;
}

size_t c3_uart_any(int id) {
    const uart_state_t *st = &uart_state[id];
    uint16_t head = st->head, tail = st->tail;
    return head >= tail ? (size_t)(head - tail) : (size_t)(head + RX_SLOTS - tail);
}

bool c3_uart_tx_done(int id) {
    return UART_STATUS_TXCNT(C3_REG(uart_hw[id].base + UART_STATUS)) == 0;
}

void c3_uart_send_break(int id) {
    uint32_t base = uart_hw[id].base;
    C3_REG(base + UART_CONF0) |= UART_CONF0_TXD_BRK;
    while (!c3_uart_tx_done(id)) {
    }
    C3_REG(base + UART_CONF0) &= ~UART_CONF0_TXD_BRK;
}

// Move every byte in UART [id]'s RX FIFO into its ring.
static void receive(int id) {
    uint32_t base = uart_hw[id].base;
    uart_state_t *st = &uart_state[id];
    while (UART_STATUS_RXCNT(C3_REG(base + UART_STATUS)) > 0) {
        uint8_t c = (uint8_t)C3_REG(base + UART_FIFO);
        if (id == 0 && c == C3_CHAR_CTRL_C) {
            console_interrupt = true;
            continue;
        }
        uint16_t head = st->head;
        uint16_t next = head + 1u == RX_SLOTS ? 0 : head + 1u;
        if (next != st->tail) {  // a full ring drops the byte
            uart_hw[id].buf[head] = c;
            st->head = next;
        }
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
    static const c3_uart_config_t console = {CONFIG_ESP32C3_CONSOLE_BAUD, 8, C3_PARITY_NONE, 1, 21, 20};
    (void)c3_uart_open(0, &console);
}

void c3_console_write(const char *data, size_t len) {
    c3_uart_write(0, data, len, true);
}

int c3_console_getc(void) {
    return c3_uart_getc(0);
}

size_t c3_console_any(void) {
    return c3_uart_any(0);
}

bool c3_console_take_interrupt(void) {
    if (!console_interrupt) {
        return false;
    }
    console_interrupt = false;
    return true;
}
