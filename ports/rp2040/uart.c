// uart.c -- both PL011 UARTs (RP2040 datasheet 4.2) through one driver: polled
// transmit, interrupt-driven receive into a static ring buffer per UART. UART0 is the
// console, opened at reset from the config on GP0/GP1; there Ctrl-C is not buffered but
// raises a flag the core's poll hook turns into KeyboardInterrupt. machine.UART
// (machine_hal.h's mhal_uart_*) opens UART1 on the pins of CONFIG_RP2040_UART1_TX_PIN/RX_PIN.
#include "rp2040.h"
#include "rp2040hal.h"
#include "ring.h"
#include "port.h"

// UART functions sit on fixed pins: GPn carries UART ((n + 4) / 8) % 2 (UART0 on GP0, 12,
// 16, 28; UART1 on GP4, 8, 20, 24), TX when n % 4 == 0
// and RX when n % 4 == 1 (datasheet 1.4.3, function 2).
#define UART_OF_PIN(n) ((((n) + 4) / 8) % 2)
_Static_assert(CONFIG_RP2040_UART1_TX_PIN % 4 == 0 && UART_OF_PIN(CONFIG_RP2040_UART1_TX_PIN) == 1
                   && CONFIG_RP2040_UART1_TX_PIN < GPIO_COUNT,
    "CONFIG_RP2040_UART1_TX_PIN must be GP4, GP8, GP20 or GP24");
_Static_assert(CONFIG_RP2040_UART1_RX_PIN % 4 == 1 && UART_OF_PIN(CONFIG_RP2040_UART1_RX_PIN) == 1
                   && CONFIG_RP2040_UART1_RX_PIN < GPIO_COUNT,
    "CONFIG_RP2040_UART1_RX_PIN must be GP5, GP9, GP21 or GP25");

// Static rings: an interrupt may write into them at any time, even across a soft reset.
// One slot stays free to tell a full ring from an empty one.
static volatile uint8_t rx_buf0[CONFIG_RP2040_CONSOLE_RX_BUFFER + 1];
static volatile uint8_t rx_buf1[CONFIG_RP2040_UART_RX_BUFFER + 1];

typedef struct {
    uint32_t base;
    volatile uint8_t *rx_buf;
    uint16_t rx_slots;
    uint8_t irq;
    uint8_t tx_pin, rx_pin;
    uint32_t reset_bit;
} uart_hw_t;

static const uart_hw_t uart_hw[RP2040_UART_COUNT] = {
    {UART0_BASE, rx_buf0, sizeof(rx_buf0), UART0_IRQ, 0, 1, RESETS_UART0},
    {UART1_BASE, rx_buf1, sizeof(rx_buf1), UART1_IRQ, CONFIG_RP2040_UART1_TX_PIN, CONFIG_RP2040_UART1_RX_PIN,
        RESETS_UART1},
};

// An open UART's state (its receive ring: ports/shared/ring.h).
typedef struct {
    mhal_uart_config_t cfg;
    ring_t rx;  // the receive ring
    bool open;
} uart_state_t;

static uart_state_t uart_state[RP2040_UART_COUNT];
static volatile bool console_interrupt;

const int mhal_uart_console = RP2040_CONSOLE_UART;

bool mhal_uart_exists(int id) {
    return id >= 0 && id < RP2040_UART_COUNT;
}

size_t rp2040_uart_rx_capacity(int id) {
    return uart_hw[id].rx_slots - 1u;
}

static void irq_enable(int irq, bool on) {
    CM_REG(on ? NVIC_ISER(0) : NVIC_ICER(0)) = 1u << irq;
    __asm__ volatile("dsb\n isb" ::: "memory");
}

const char *mhal_uart_open(int id, const mhal_uart_config_t *cfg) {
    const uart_hw_t *hw = &uart_hw[id];
    uart_state_t *st = &uart_state[id];
    // The divisor in 1/64ths: clk_peri / (16 * baud), rounded (4.2.7.1).
    uint32_t peri = rp2040_clock_peri_hz();
    uint32_t div64 = cfg->baud == 0 ? 0 : (uint32_t)(((uint64_t)peri * 4u + cfg->baud / 2u) / cfg->baud);
    uint32_t ibrd = div64 >> 6;
    if (ibrd == 0 || ibrd > 0xffffu) {
        return "baudrate out of range for clk_peri";
    }
    if (cfg->bits < 5 || cfg->bits > 8) {
        return "bits must be 5..8";
    }
    if (cfg->stop != 1 && cfg->stop != 2) {
        return "stop must be 1 or 2";
    }
    size_t capacity = cfg->rxbuf == 0 ? rp2040_uart_rx_capacity(id) : cfg->rxbuf;
    if (capacity > rp2040_uart_rx_capacity(id)) {
        return "rxbuf larger than the static buffer (CONFIG_RP2040_UART_RX_BUFFER)";
    }
    irq_enable(hw->irq, false);
    rp2040_unreset(hw->reset_bit);
    RP2040_REG(hw->base + UART_CR) = 0;
    rp2040_gpio_function(hw->tx_pin, GPIO_FUNC_UART, RP2040_PULL_NONE);
    rp2040_gpio_function(hw->rx_pin, GPIO_FUNC_UART, RP2040_PULL_UP);  // idle high when unplugged
    st->cfg = *cfg;
    st->cfg.rxbuf = (uint16_t)capacity;
    ring_reset(&st->rx, (uint16_t)(capacity + 1));
    st->open = true;
    RP2040_REG(hw->base + UART_IBRD) = ibrd;
    RP2040_REG(hw->base + UART_FBRD) = div64 & 63u;
    uint32_t lcr = (uint32_t)(cfg->bits - 5) << UART_LCR_H_WLEN_LSB | UART_LCR_H_FEN;
    if (cfg->parity != MHAL_PARITY_NONE) {
        lcr |= UART_LCR_H_PEN | (cfg->parity == MHAL_PARITY_EVEN ? UART_LCR_H_EPS : 0u);
    }
    if (cfg->stop == 2) {
        lcr |= UART_LCR_H_STP2;
    }
    RP2040_REG(hw->base + UART_LCR_H) = lcr;  // after the divisors: this write latches them
    RP2040_REG(hw->base + UART_IFLS) = 0;      // receive interrupt at 1/8 full (4 bytes)...
    RP2040_REG(hw->base + UART_ICR) = UART_INT_ALL;
    RP2040_REG(hw->base + UART_IMSC) = UART_INT_RX | UART_INT_RT;  // ...or when a byte waits
    RP2040_REG(hw->base + UART_CR) = UART_CR_UARTEN | UART_CR_TXE | UART_CR_RXE;
    irq_enable(hw->irq, true);
    return NULL;
}

void mhal_uart_close(int id) {
    const uart_hw_t *hw = &uart_hw[id];
    irq_enable(hw->irq, false);
    RP2040_REG(hw->base + UART_IMSC) = 0;
    RP2040_REG(hw->base + UART_CR) = 0;
    rp2040_gpio_function(hw->tx_pin, GPIO_FUNC_NULL, RP2040_PULL_NONE);
    rp2040_gpio_function(hw->rx_pin, GPIO_FUNC_NULL, RP2040_PULL_NONE);
    uart_state[id].open = false;
}

void rp2040_uart_close_all(void) {
    for (int id = 0; id < RP2040_UART_COUNT; id++) {
        if (id != RP2040_CONSOLE_UART && uart_state[id].open) {
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

// The GPIO numbers, as "4".
void mhal_uart_pin_names(int id, char tx[8], char rx[8]) {
    mhal_name_number(tx, "", uart_hw[id].tx_pin);
    mhal_name_number(rx, "", uart_hw[id].rx_pin);
}

static void put_byte(uint32_t base, uint8_t c) {
    while (RP2040_REG(base + UART_FR) & UART_FR_TXFF) {
    }
    RP2040_REG(base + UART_DR) = c;
}

void rp2040_uart_write(int id, const char *data, size_t len, bool cooked) {
    uint32_t base = uart_hw[id].base;
    for (size_t i = 0; i < len; i++) {
        if (cooked && data[i] == '\n') {
            put_byte(base, '\r');
        }
        put_byte(base, (uint8_t)data[i]);
    }
}

void mhal_uart_write(int id, const char *data, size_t len) {
    rp2040_uart_write(id, data, len, false);
}

int mhal_uart_getc(int id) {
    uart_state_t *st = &uart_state[id];
    return ring_get(&st->rx, uart_hw[id].rx_buf);
}

size_t mhal_uart_any(int id) {
    const uart_state_t *st = &uart_state[id];
    return ring_count(&st->rx);
}

bool mhal_uart_tx_ready(int id) {
    return !(RP2040_REG(uart_hw[id].base + UART_FR) & UART_FR_TXFF);
}

bool mhal_uart_tx_done(int id) {
    return !(RP2040_REG(uart_hw[id].base + UART_FR) & UART_FR_BUSY);
}

void mhal_uart_send_break(int id) {
    const uart_hw_t *hw = &uart_hw[id];
    while (!mhal_uart_tx_done(id)) {
    }
    // Hold the line low for two 12-bit frames at least.
    uint64_t hold = 24000000u / uart_state[id].cfg.baud + 1u;
    RP2040_SET(hw->base + UART_LCR_H, UART_LCR_H_BRK);
    uint64_t t0 = rp2040_timer_us();
    while (rp2040_timer_us() - t0 < hold) {
    }
    RP2040_CLR(hw->base + UART_LCR_H, UART_LCR_H_BRK);
}

// Move every byte in UART [id]'s receive FIFO into its ring.
static void receive(int id) {
    const uart_hw_t *hw = &uart_hw[id];
    uart_state_t *st = &uart_state[id];
    while (!(RP2040_REG(hw->base + UART_FR) & UART_FR_RXFE)) {
        uint8_t c = (uint8_t)RP2040_REG(hw->base + UART_DR);  // bits 8..11: error flags
        if (id == RP2040_CONSOLE_UART && MPF_IS_INTERRUPT_CHAR(c) && !CM_CONSOLE_CTRL_C_IS_DATA) {
            console_interrupt = true;
            continue;
        }
        ring_put(&st->rx, hw->rx_buf, c);  // a full ring drops the byte
    }
    RP2040_REG(hw->base + UART_ICR) = UART_INT_RX | UART_INT_RT;
}

void rp2040_uart_isr(void) {
    for (int id = 0; id < RP2040_UART_COUNT; id++) {
        if (uart_state[id].open) {
            receive(id);
        }
    }
}

// ---------------------------------------------------------------- the console
void rp2040_console_init(void) {
    static const mhal_uart_config_t console = {
        .baud = CONFIG_RP2040_CONSOLE_BAUD, .bits = 8, .parity = MHAL_PARITY_NONE, .stop = 1, .tx = -1, .rx = -1};
    (void)mhal_uart_open(RP2040_CONSOLE_UART, &console);
}

void cm_console_write(const char *data, size_t len, bool cooked) {
    rp2040_uart_write(RP2040_CONSOLE_UART, data, len, cooked);
}

int cm_console_getc(void) {
    return mhal_uart_getc(RP2040_CONSOLE_UART);
}

size_t cm_console_any(void) {
    return mhal_uart_any(RP2040_CONSOLE_UART);
}

bool cm_console_take_interrupt(void) {
    if (!console_interrupt) {
        return false;
    }
    console_interrupt = false;
    return true;
}
