// sercom.c -- every SERCOM as a USART through one driver: polled transmit, interrupt-
// driven receive into a static ring per SERCOM. machine.UART(n) is SERCOM n on the pins
// of the table below; the console is CONFIG_SAMD_CONSOLE_SERCOM, opened at reset, where
// Ctrl-C is not buffered but raises a flag the core's poll hook turns into
// KeyboardInterrupt (DS40001882 chapters 26-27, DS60001507 chapters 33-34).
#include "machine_hal.h"
#include "samd.h"
#include "ring.h"
#include "port.h"

// The pins of each SERCOM as a UART: TX on pad 0 (SAMD51 allows no other; on the
// SAMD21, SERCOM0 and SERCOM5 use pad 2, TXPO 1), RX on the pad after TX's, both on one
// peripheral function (C = 2, D = 3). From the data sheets' I/O multiplexing tables;
// the console's entry matches the board's TX/RX silk-screen pins.
typedef struct {
    uint8_t tx_pin, rx_pin;
    uint8_t function;
    uint8_t txpo, rxpo;
} sercom_pins_t;

#define PA(n) SAMD_PIN(0, n)
#define PB(n) SAMD_PIN(1, n)
#if CONFIG_SAMD21
static const sercom_pins_t sercom_pins[SAMD_SERCOM_COUNT] = {
    {PA(10), PA(11), 2, 1, 3}, {PA(16), PA(17), 2, 0, 1}, {PA(12), PA(13), 2, 0, 1},
    {PA(22), PA(23), 2, 0, 1}, {PB(8), PB(9), 3, 0, 1}, {PB(22), PB(23), 3, 1, 3},
};
#else
static const sercom_pins_t sercom_pins[SAMD_SERCOM_COUNT] = {
    {PA(8), PA(9), 2, 0, 1}, {PA(16), PA(17), 2, 0, 1}, {PA(12), PA(13), 2, 0, 1},
    {PA(17), PA(16), 3, 0, 1}, {PB(8), PB(9), 3, 0, 1}, {PB(16), PB(17), 2, 0, 1},
};
#endif

// Static receive rings (no heap: an interrupt may write into them at any time, even
// across a soft reset). One slot stays free to tell a full ring from an empty one.
#define CONSOLE CONFIG_SAMD_CONSOLE_SERCOM
#define RX_SLOTS(n) (((n) == CONSOLE ? CONFIG_SAMD_CONSOLE_RX_BUFFER : CONFIG_SAMD_UART_RX_BUFFER) + 1)
static volatile uint8_t rx_buf0[RX_SLOTS(0)], rx_buf1[RX_SLOTS(1)], rx_buf2[RX_SLOTS(2)];
static volatile uint8_t rx_buf3[RX_SLOTS(3)], rx_buf4[RX_SLOTS(4)], rx_buf5[RX_SLOTS(5)];
static volatile uint8_t *const rx_bufs[SAMD_SERCOM_COUNT] = {rx_buf0, rx_buf1, rx_buf2, rx_buf3, rx_buf4, rx_buf5};
static const uint16_t rx_sizes[SAMD_SERCOM_COUNT] = {
    sizeof(rx_buf0), sizeof(rx_buf1), sizeof(rx_buf2), sizeof(rx_buf3), sizeof(rx_buf4), sizeof(rx_buf5)};

// What an open SERCOM is doing (its receive ring: ports/shared/ring.h).
typedef struct {
    mhal_uart_config_t cfg;
    ring_t rx;  // the receive ring
    bool open;
} sercom_state_t;

static sercom_state_t sercom_state[SAMD_SERCOM_COUNT];
static volatile bool console_interrupt;

const int mhal_uart_console = CONSOLE;

_Static_assert(CONSOLE >= 0 && CONSOLE < SAMD_SERCOM_COUNT, "CONFIG_SAMD_CONSOLE_SERCOM: no such SERCOM");

static uint32_t base_of(int n) {
    return SAMD_SERCOM_BASE(n);
}

static void sync(int n) {
    while (SAMD_REG32(base_of(n) + SERCOM_SYNCBUSY)) {
    }
}

static void irq_enable(int n, bool on) {
    int irq = SAMD_SERCOM_RX_IRQ(n);
    CM_REG(on ? NVIC_ISER(irq / 32) : NVIC_ICER(irq / 32)) = 1u << (irq % 32);
    __asm__ volatile("dsb\n isb" ::: "memory");
}

bool mhal_uart_exists(int id) {
    return id >= 0 && id < SAMD_SERCOM_COUNT;
}

const char *mhal_uart_open(int id, const mhal_uart_config_t *cfg) {
    // Check everything before touching the hardware. Arithmetic baud generation with
    // 16x oversampling: BAUD = 65536 * (1 - 16 * baud / f_ref).
    if (cfg->baud == 0 || 16ull * cfg->baud >= SAMD_SERCOM_CLOCK_HZ) {
        return "baudrate out of range for the 48 MHz SERCOM clock";
    }
    if (cfg->bits < 5 || cfg->bits > 8) {
        return "bits must be 5 to 8";
    }
    if (cfg->stop != 1 && cfg->stop != 2) {
        return "stop must be 1 or 2";
    }
    size_t capacity = cfg->rxbuf == 0 ? rx_sizes[id] - 1u : cfg->rxbuf;
    if (capacity > rx_sizes[id] - 1u) {
        return "rxbuf larger than the static buffer (CONFIG_SAMD_UART_RX_BUFFER)";
    }
    uint64_t ratio = (16ull * cfg->baud << 16) / SAMD_SERCOM_CLOCK_HZ;
    uint16_t baud = (uint16_t)(65536u - ratio);

    uint32_t base = base_of(id);
    sercom_state_t *st = &sercom_state[id];
    const sercom_pins_t *pins = &sercom_pins[id];
    irq_enable(id, false);
    samd_clock_sercom(id, true);
    SAMD_REG32(base + SERCOM_CTRLA) = SERCOM_CTRLA_SWRST;
    sync(id);
    SAMD_REG32(base + SERCOM_CTRLA) = SERCOM_CTRLA_MODE_USART_INT | SERCOM_CTRLA_DORD
        | SERCOM_CTRLA_TXPO(pins->txpo) | SERCOM_CTRLA_RXPO(pins->rxpo)
        | (cfg->parity != MHAL_PARITY_NONE ? SERCOM_CTRLA_FORM_PARITY : 0u);
    SAMD_REG16(base + SERCOM_BAUD) = baud;
    SAMD_REG32(base + SERCOM_CTRLB) = SERCOM_CTRLB_TXEN | SERCOM_CTRLB_RXEN | (cfg->bits & 7u)
        | (cfg->stop == 2 ? SERCOM_CTRLB_SBMODE : 0u) | (cfg->parity == MHAL_PARITY_ODD ? SERCOM_CTRLB_PMODE : 0u);
    sync(id);
    samd_gpio_function(pins->tx_pin, pins->function);
    samd_gpio_function(pins->rx_pin, pins->function);
    st->cfg = *cfg;
    st->cfg.rxbuf = (uint16_t)capacity;
    ring_reset(&st->rx, (uint16_t)(capacity + 1));
    st->open = true;
    SAMD_REG8(base + SERCOM_INTENSET) = SERCOM_INTFLAG_RXC;
    SAMD_REG32(base + SERCOM_CTRLA) |= SERCOM_CTRLA_ENABLE;
    sync(id);
    irq_enable(id, true);
    return NULL;
}

void mhal_uart_close(int id) {
    irq_enable(id, false);
    SAMD_REG32(base_of(id) + SERCOM_CTRLA) = SERCOM_CTRLA_SWRST;
    sync(id);
    samd_gpio_function(sercom_pins[id].tx_pin, -1);
    samd_gpio_function(sercom_pins[id].rx_pin, -1);
    samd_clock_sercom(id, false);
    sercom_state[id].open = false;
}

void samd_sercom_close_all(void) {
    for (int id = 0; id < SAMD_SERCOM_COUNT; id++) {
        if (id != CONSOLE && sercom_state[id].open) {
            mhal_uart_close(id);
        }
    }
}

bool mhal_uart_is_open(int id) {
    return sercom_state[id].open;
}

const mhal_uart_config_t *mhal_uart_config(int id) {
    return &sercom_state[id].cfg;
}

static void put_byte(uint32_t base, uint8_t c) {
    while (!(SAMD_REG8(base + SERCOM_INTFLAG) & SERCOM_INTFLAG_DRE)) {
    }
    SAMD_REG16(base + SERCOM_DATA) = c;
}

static void write_bytes(int id, const char *data, size_t len, bool cooked) {
    uint32_t base = base_of(id);
    for (size_t i = 0; i < len; i++) {
        if (cooked && data[i] == '\n') {
            put_byte(base, '\r');
        }
        put_byte(base, (uint8_t)data[i]);
    }
}

void mhal_uart_write(int id, const char *data, size_t len) {
    write_bytes(id, data, len, false);
}

int mhal_uart_getc(int id) {
    sercom_state_t *st = &sercom_state[id];
    return ring_get(&st->rx, rx_bufs[id]);
}

size_t mhal_uart_any(int id) {
    const sercom_state_t *st = &sercom_state[id];
    return ring_count(&st->rx);
}

bool mhal_uart_tx_ready(int id) {
    return SAMD_REG8(base_of(id) + SERCOM_INTFLAG) & SERCOM_INTFLAG_DRE;
}

bool mhal_uart_tx_done(int id) {
    return SAMD_REG8(base_of(id) + SERCOM_INTFLAG) & SERCOM_INTFLAG_TXC;
}

void mhal_uart_send_break(int id) {
    // A break is TX held low for a frame: drive the pin as a GPIO low, then hand it back.
    const sercom_pins_t *pins = &sercom_pins[id];
    uint32_t base = base_of(id);
    while (!(SAMD_REG8(base + SERCOM_INTFLAG) & SERCOM_INTFLAG_TXC)) {
    }
    mhal_pin_write(pins->tx_pin, false);
    (void)mhal_pin_config(pins->tx_pin, MHAL_PIN_OUT, MHAL_PULL_NONE, 0);
    uint32_t frame_us = 13u * 1000000u / sercom_state[id].cfg.baud + 1u;
    cm_tick_delay_ms(frame_us / 1000u + 1u);
    samd_gpio_function(pins->tx_pin, pins->function);
}

// Move every received byte of SERCOM [n] into its ring.
static void receive(int n) {
    uint32_t base = base_of(n);
    sercom_state_t *st = &sercom_state[n];
    while (SAMD_REG8(base + SERCOM_INTFLAG) & SERCOM_INTFLAG_RXC) {
        uint8_t c = (uint8_t)SAMD_REG16(base + SERCOM_DATA);
        if (n == CONSOLE && MPF_IS_INTERRUPT_CHAR(c) && !CM_CONSOLE_CTRL_C_IS_DATA) {
            console_interrupt = true;
            continue;
        }
        ring_put(&st->rx, rx_bufs[n], c);  // a full ring drops the byte
    }
    SAMD_REG16(base + SERCOM_STATUS) = SERCOM_STATUS_ERRORS;  // write 1 to clear
}

void samd_sercom_isr(void) {
    // One handler for all: every open SERCOM's ring is filled (cheap: RXC is checked).
    for (int n = 0; n < SAMD_SERCOM_COUNT; n++) {
        if (sercom_state[n].open) {
            receive(n);
        }
    }
}

// ---------------------------------------------------------------- the console
void samd_console_init(void) {
    static const mhal_uart_config_t console = {
        .baud = CONFIG_SAMD_CONSOLE_BAUD, .bits = 8, .parity = MHAL_PARITY_NONE, .stop = 1, .tx = -1, .rx = -1};
    (void)mhal_uart_open(CONSOLE, &console);
}

void cm_console_write(const char *data, size_t len, bool cooked) {
    write_bytes(CONSOLE, data, len, cooked);
}

int cm_console_getc(void) {
    return mhal_uart_getc(CONSOLE);
}

size_t cm_console_any(void) {
    return mhal_uart_any(CONSOLE);
}

bool cm_console_take_interrupt(void) {
    if (!console_interrupt) {
        return false;
    }
    console_interrupt = false;
    return true;
}
