// usart.c -- every USART through one driver: polled transmit, interrupt-driven receive
// into a static ring buffer per USART. The console is just the instance
// CONFIG_STM32_CONSOLE_USART, opened at reset from the config; there Ctrl-C is not
// buffered but raises a flag the core's poll hook turns into KeyboardInterrupt (except
// while the REPL reads: then it is data).
// machine.UART (ports/shared/machine.c, through machine_hal.h) opens the other instances.
#include "stm32f4.h"
#include "stm32hal.h"
#include "ring.h"
#include "port.h"

// Static receive rings (no heap: an interrupt may write into them at any time, even
// across a soft reset). One slot stays free to tell a full ring from an empty one.
// Without the machine module only the console is ever opened: the others get one slot.
#if CONFIG_CORTEX_M_MACHINE
#define RX_SLOTS_OTHER (CONFIG_STM32_UART_RX_BUFFER + 1)
#else
#define RX_SLOTS_OTHER 1
#endif
#define RX_SLOTS(id) ((id) == CONFIG_STM32_CONSOLE_USART ? CONFIG_STM32_CONSOLE_RX_BUFFER + 1 : RX_SLOTS_OTHER)
static volatile uint8_t rx_buf1[RX_SLOTS(1)];
static volatile uint8_t rx_buf2[RX_SLOTS(2)];
static volatile uint8_t rx_buf6[RX_SLOTS(6)];
#if STM32_HAS_USART3_4_5
static volatile uint8_t rx_buf3[RX_SLOTS(3)];
static volatile uint8_t rx_buf4[RX_SLOTS(4)];
static volatile uint8_t rx_buf5[RX_SLOTS(5)];
#endif

// What does not change about a USART: where it is, its bus (1 = APB1, 2 = APB2) and
// enable bit in RCC_APBxENR, interrupt line, pin alternate function (RM0090 2.3, 7.3,
// 8.3.2) and its pins from the config (port * 16 + bit: the SConscript turns the names
// into STM32_UARTn_TX/RX). base 0: not on this chip.
typedef struct {
    uint32_t base;
    volatile uint8_t *rx_buf;
    uint16_t rx_slots;
    uint8_t bus;
    uint8_t en_bit;
    uint8_t irq;
    uint8_t af;
    uint8_t tx_pin;
    uint8_t rx_pin;
} usart_hw_t;

#define USART_HW(n, base, bus, en_bit, irq, af) \
    [(n) - 1] = {base, rx_buf##n, sizeof(rx_buf##n), bus, en_bit, irq, af, STM32_UART##n##_TX, STM32_UART##n##_RX}

static const usart_hw_t usart_hw[STM32_USART_MAX] = {
    USART_HW(1, USART1_BASE, 2, 4, USART1_IRQ, 7),
    USART_HW(2, USART2_BASE, 1, 17, USART2_IRQ, 7),
#if STM32_HAS_USART3_4_5
    USART_HW(3, USART3_BASE, 1, 18, USART3_IRQ, 7),
    USART_HW(4, UART4_BASE, 1, 19, UART4_IRQ, 8),
    USART_HW(5, UART5_BASE, 1, 20, UART5_IRQ, 8),
#endif
    USART_HW(6, USART6_BASE, 2, 5, USART6_IRQ, 8),
};

// What an open USART is doing (its receive ring: ports/shared/ring.h).
typedef struct {
    mhal_uart_config_t cfg;
    ring_t rx;  // the receive ring
    uint8_t data_mask;  // 0x7F with 7 data bits: the parity bit is not data
    bool open;
    volatile uint32_t dropped;
} usart_state_t;

// Without the machine module only the console is ever opened: one state, the console's.
#if CONFIG_CORTEX_M_MACHINE
static usart_state_t usart_state[STM32_USART_MAX];
#define STATE(id) (&usart_state[(id) - 1])
#else
static usart_state_t usart_state[1];
#define STATE(id) ((void)(id), &usart_state[0])
#endif
static volatile bool console_interrupt;

const int mhal_uart_console = CONFIG_STM32_CONSOLE_USART;

#define CONSOLE_ID CONFIG_STM32_CONSOLE_USART
_Static_assert(CONSOLE_ID == 1 || CONSOLE_ID == 2 || CONSOLE_ID == 6 || STM32_HAS_USART3_4_5,
    "CONFIG_STM32_CONSOLE_USART names a USART this chip does not have");

bool mhal_uart_exists(int id) {
    return id >= 1 && id <= STM32_USART_MAX && usart_hw[id - 1].base != 0;
}

size_t stm32_usart_rx_capacity(int id) {
    return usart_hw[id - 1].rx_slots - 1u;
}

static void irq_enable(int irq, bool on) {
    STM32_REG(on ? NVIC_ISER(irq / 32) : NVIC_ICER(irq / 32)) = 1u << (irq % 32);
    __asm__ volatile("dsb\n isb" ::: "memory");  // disabled before the next access
}

static void config_pin(unsigned pin, stm32_gpio_pull_t pull, int af) {
    stm32_gpio_config((int)(pin / 16u), (int)(pin % 16u), STM32_GPIO_ALT, pull, af);
}

// Start USART [id] with a checked config: its BRR and CR1 values, the ring's capacity.
static void usart_start(int id, const mhal_uart_config_t *cfg, uint32_t brr, uint32_t cr1, size_t capacity) {
    const usart_hw_t *hw = &usart_hw[id - 1];
    usart_state_t *st = STATE(id);
#if CONFIG_CORTEX_M_MACHINE
    // a reopen: quiet first. (Without the machine module only the console is opened,
    // once, at reset, 8N1: the state's other fields keep their zeros.)
    irq_enable(hw->irq, false);
    st->cfg = *cfg;
    st->cfg.rxbuf = (uint16_t)capacity;
    st->dropped = 0;
    st->open = true;
#endif
    uint32_t enr = hw->bus == 1 ? RCC_APB1ENR : RCC_APB2ENR;
    STM32_REG(enr) |= 1u << hw->en_bit;
    (void)STM32_REG(enr);  // let the clock reach the USART before writing it
    STM32_REG(hw->base + USART_CR1) = 0;
    config_pin(hw->tx_pin, STM32_GPIO_PULL_NONE, hw->af);
    config_pin(hw->rx_pin, STM32_GPIO_PULL_UP, hw->af);  // idle high when unplugged
    ring_reset(&st->rx, (uint16_t)(capacity + 1));
    st->data_mask = cfg->parity != MHAL_PARITY_NONE && cfg->bits == 7 ? 0x7Fu : 0xFFu;
    STM32_REG(hw->base + USART_BRR) = brr;
    STM32_REG(hw->base + USART_CR2) = cfg->stop == 2 ? USART_CR2_STOP_2 : 0u;
    STM32_REG(hw->base + USART_CR1) = cr1;
    irq_enable(hw->irq, true);
}

const char *mhal_uart_open(int id, const mhal_uart_config_t *cfg) {
    if (!mhal_uart_exists(id)) {
        return "no such UART on this chip";
    }
    const usart_hw_t *hw = &usart_hw[id - 1];
    // Check everything before touching the hardware.
    // Oversampling by 16: BRR = f_pclk / baud, rounded (mantissa and fraction in one);
    // it must fit 16 bits and the mantissa be at least 1.
    uint32_t pclk = stm32_clock_apb_hz(hw->bus);
    uint32_t brr = cfg->baud == 0 ? 0 : (pclk + cfg->baud / 2u) / cfg->baud;
    if (brr < 16 || brr > 0xFFFFu) {
        return "baudrate out of range for this bus clock";
    }
    uint32_t cr1 = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE | USART_CR1_RXNEIE;
    // The word length counts the parity bit: 8 data + parity is a 9-bit word.
    if (cfg->parity != MHAL_PARITY_NONE) {
        cr1 |= USART_CR1_PCE | (cfg->parity == MHAL_PARITY_ODD ? USART_CR1_PS : 0u);
        if (cfg->bits == 8) {
            cr1 |= USART_CR1_M;
        } else if (cfg->bits != 7) {
            return "bits must be 7 or 8 with parity";
        }
    } else if (cfg->bits != 8) {
        return "bits must be 8 without parity";
    }
    if (cfg->stop != 1 && cfg->stop != 2) {
        return "stop must be 1 or 2";
    }
    size_t capacity = cfg->rxbuf == 0 ? stm32_usart_rx_capacity(id) : cfg->rxbuf;
    if (capacity > stm32_usart_rx_capacity(id)) {
        return "rxbuf larger than the static buffer (CONFIG_STM32_UART_RX_BUFFER)";
    }
    usart_start(id, cfg, brr, cr1, capacity);
    return NULL;
}

void mhal_uart_close(int id) {
    const usart_hw_t *hw = &usart_hw[id - 1];
    irq_enable(hw->irq, false);
    STM32_REG(hw->base + USART_CR1) = 0;
    STM32_REG(hw->bus == 1 ? RCC_APB1ENR : RCC_APB2ENR) &= ~(1u << hw->en_bit);
    STATE(id)->open = false;
}

void stm32_usart_close_all(void) {
#if CONFIG_CORTEX_M_MACHINE  // else the console is the only one open
    for (int id = 1; id <= STM32_USART_MAX; id++) {
        if (id != CONSOLE_ID && STATE(id)->open) {
            mhal_uart_close(id);
        }
    }
#endif
}

bool mhal_uart_is_open(int id) {
    return STATE(id)->open;
}

const mhal_uart_config_t *mhal_uart_config(int id) {
    return &STATE(id)->cfg;
}

static void put_byte(uint32_t base, uint8_t c) {
    while (!(STM32_REG(base + USART_SR) & USART_SR_TXE)) {
    }
    STM32_REG(base + USART_DR) = c;
}

void stm32_usart_write(int id, const char *data, size_t len, bool cooked) {
    uint32_t base = usart_hw[id - 1].base;
    for (size_t i = 0; i < len; i++) {
        if (cooked && data[i] == '\n') {
            put_byte(base, '\r');
        }
        put_byte(base, (uint8_t)data[i]);
    }
}

void mhal_uart_write(int id, const char *data, size_t len) {
    stm32_usart_write(id, data, len, false);
}

int mhal_uart_getc(int id) {
    usart_state_t *st = STATE(id);
    return ring_get(&st->rx, usart_hw[id - 1].rx_buf);
}

size_t mhal_uart_any(int id) {
    const usart_state_t *st = STATE(id);
    return ring_count(&st->rx);
}

bool mhal_uart_tx_ready(int id) {
    return STM32_REG(usart_hw[id - 1].base + USART_SR) & USART_SR_TXE;
}

bool mhal_uart_tx_done(int id) {
    return STM32_REG(usart_hw[id - 1].base + USART_SR) & USART_SR_TC;
}

void mhal_uart_send_break(int id) {
    STM32_REG(usart_hw[id - 1].base + USART_CR1) |= USART_CR1_SBK;
}

uint32_t stm32_usart_dropped(int id) {
    return STATE(id)->dropped;
}

// Move every received byte of USART [id] into its ring.
static void receive(int id) {
    const usart_hw_t *hw = &usart_hw[id - 1];
    usart_state_t *st = STATE(id);
    // Reading SR then DR clears RXNE and an overrun (ORE) alike.
    while (STM32_REG(hw->base + USART_SR) & (USART_SR_RXNE | USART_SR_ORE)) {
        uint8_t c = (uint8_t)STM32_REG(hw->base + USART_DR) & st->data_mask;
        if (id == CONSOLE_ID && MPF_IS_INTERRUPT_CHAR(c) && !CM_CONSOLE_CTRL_C_IS_DATA) {
            console_interrupt = true;
            continue;
        }
        if (!ring_put(&st->rx, hw->rx_buf, c)) {
            st->dropped++;
        }
    }
}

void stm32_usart_isr(void) {
#if !CONFIG_CORTEX_M_MACHINE
    receive(CONSOLE_ID);  // the only USART open without the machine module
#else
    // One handler for all: the active exception number (IPSR) names the line.
    uint32_t ipsr;
    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    int irq = (int)(ipsr & 0x1FFu) - 16;
    for (int id = 1; id <= STM32_USART_MAX; id++) {
        if (usart_hw[id - 1].base != 0 && usart_hw[id - 1].irq == irq) {
            receive(id);
            return;
        }
    }
#endif
}

// ---------------------------------------------------------------- the console instance
void stm32_console_init(void) {
    static const mhal_uart_config_t console = {
        .baud = CONFIG_STM32_CONSOLE_BAUD, .bits = 8, .parity = MHAL_PARITY_NONE, .stop = 1, .tx = -1, .rx = -1};
#if CONFIG_CORTEX_M_MACHINE
    (void)mhal_uart_open(CONSOLE_ID, &console);
#else
    // nothing to check in the fixed config (8N1, the whole ring): only the baud's divisor
    uint32_t pclk = stm32_clock_apb_hz(usart_hw[CONSOLE_ID - 1].bus);
    usart_start(CONSOLE_ID, &console, (pclk + CONFIG_STM32_CONSOLE_BAUD / 2u) / CONFIG_STM32_CONSOLE_BAUD,
        USART_CR1_UE | USART_CR1_TE | USART_CR1_RE | USART_CR1_RXNEIE, CONFIG_STM32_CONSOLE_RX_BUFFER);
#endif
}

void cm_console_write(const char *data, size_t len, bool cooked) {
    stm32_usart_write(CONSOLE_ID, data, len, cooked);
}

int cm_console_getc(void) {
    return mhal_uart_getc(CONSOLE_ID);
}

size_t cm_console_any(void) {
    return mhal_uart_any(CONSOLE_ID);
}

bool cm_console_take_interrupt(void) {
    if (!console_interrupt) {
        return false;
    }
    console_interrupt = false;
    return true;
}
