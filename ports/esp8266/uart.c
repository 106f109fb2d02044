// uart.c -- UART0 (console, GPIO1/GPIO3) and UART1 (transmit only, GPIO2): transmit by
// polling the TX FIFO count; the console's receive FIFO is drained into a ring whenever
// the core polls (no interrupts on this port), Ctrl-C becoming a flag. machine.UART
// opens UART1 through machine_hal.h's mhal_uart_* (at the end).
#include "e8hal.h"
#include "esp8266.h"
#include "ring.h"
#include "port.h"

static const uint32_t uart_base[2] = {E8_UART0_BASE, E8_UART1_BASE};

#define RX_SLOTS (CONFIG_ESP8266_CONSOLE_RX_BUFFER + 1u)
static volatile uint8_t rx_buf[RX_SLOTS];
static ring_t rx = {.slots = RX_SLOTS};  // ports/shared/ring.h
static bool console_interrupt;

// UART1 as machine.UART sees it (machine_hal.h): open or not, and its settings.
static mhal_uart_config_t uart1_cfg;
static bool uart1_open;

const char *e8_uart_open(int id, uint32_t baud, int bits, mhal_parity_t parity, int stop) {
    if (id < 0 || id > 1) {
        return "no such UART on the ESP8266";
    }
    uint32_t div = baud == 0 ? 0 : (E8_APB_HZ + baud / 2u) / baud;
    if (div < 16u || div > 0xFFFFFu) {
        return "baudrate out of range";
    }
    if (bits < 5 || bits > 8 || (stop != 1 && stop != 2)) {
        return "bits must be 5..8 and stop 1 or 2";
    }
    uint32_t conf0 = UART_CONF0_BIT_NUM(bits) | (stop == 2 ? UART_CONF0_STOP_2 : UART_CONF0_STOP_1);
    if (parity != MHAL_PARITY_NONE) {
        conf0 |= UART_CONF0_PARITY_EN | (parity == MHAL_PARITY_ODD ? UART_CONF0_PARITY_ODD : 0u);
    }
    if (id == 1) {
        e8_gpio_function(2, 2);  // GPIO2: U1TXD
    }
    E8_REG(uart_base[id] + UART_CLKDIV) = div;
    E8_REG(uart_base[id] + UART_CONF0) = conf0;
    return NULL;
}

void e8_uart_write(int id, const char *data, size_t len, bool cooked) {
    uint32_t base = uart_base[id];
    for (size_t i = 0; i < len; i++) {
        for (int k = cooked && data[i] == '\n' ? 0 : 1; k < 2; k++) {
            while (UART_STATUS_TXCNT(E8_REG(base + UART_STATUS)) >= UART_FIFO_SIZE - 1u) {
            }
            E8_REG(base + UART_FIFO) = k == 0 ? (uint8_t)'\r' : (uint8_t)data[i];
        }
    }
}

bool e8_uart_tx_done(int id) {
    return UART_STATUS_TXCNT(E8_REG(uart_base[id] + UART_STATUS)) == 0;
}

// Move what UART0 received into the ring (a full ring drops bytes).
static void drain(void) {
    while (UART_STATUS_RXCNT(E8_REG(E8_UART0_BASE + UART_STATUS)) > 0) {
        uint8_t c = (uint8_t)E8_REG(E8_UART0_BASE + UART_FIFO);
        if (MPF_IS_INTERRUPT_CHAR(c)) {
            console_interrupt = true;
        } else {
            ring_put(&rx, rx_buf, c);
        }
    }
}

void e8_console_init(void) {
    (void)e8_uart_open(0, CONFIG_ESP8266_CONSOLE_BAUD, 8, MHAL_PARITY_NONE, 1);
}

void e8_console_write(const char *data, size_t len) {
    e8_uart_write(0, data, len, true);
}

int e8_console_getc(void) {
    drain();
    return ring_get(&rx, rx_buf);
}

size_t e8_console_any(void) {
    drain();
    return ring_count(&rx);
}

bool e8_console_take_interrupt(void) {
    drain();
    bool was = console_interrupt;
    console_interrupt = false;
    return was;
}

// ---------------------------------------------------------------- machine_hal.h
const int mhal_uart_console = 0;

bool mhal_uart_exists(int id) {
    return id == 0 || id == 1;
}

const char *mhal_uart_open(int id, const mhal_uart_config_t *cfg) {
    if (cfg->rxbuf != 0) {
        return "UART(1) transmits only: no rxbuf";
    }
    const char *err = e8_uart_open(id, cfg->baud, cfg->bits, cfg->parity, cfg->stop);
    if (err == NULL) {
        uart1_cfg = *cfg;
        uart1_open = true;
    }
    return err;
}

void mhal_uart_close(int id) {
    (void)id;
    uart1_open = false;
}

bool mhal_uart_is_open(int id) {
    (void)id;
    return uart1_open;
}

const mhal_uart_config_t *mhal_uart_config(int id) {
    (void)id;
    return &uart1_cfg;
}

void mhal_uart_write(int id, const char *data, size_t len) {
    e8_uart_write(id, data, len, false);
}

// Nothing is ever received on UART1.
int mhal_uart_getc(int id) {
    (void)id;
    return -1;
}

size_t mhal_uart_any(int id) {
    (void)id;
    return 0;
}

bool mhal_uart_tx_ready(int id) {
    return UART_STATUS_TXCNT(E8_REG(uart_base[id] + UART_STATUS)) < UART_FIFO_SIZE - 1u;
}

bool mhal_uart_tx_done(int id) {
    return e8_uart_tx_done(id);
}
