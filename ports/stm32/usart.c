// usart.c -- the console: one USART (chosen by CONFIG_STM32_CONSOLE_USART) with
// polled transmit and interrupt-driven receive into a ring buffer. Ctrl-C is not
// buffered: it raises a flag the core's poll hook turns into KeyboardInterrupt.
#include "stm32f4.h"
#include "stm32hal.h"

// Where each USART lives: base address, bus (1 = APB1, 2 = APB2), its enable bit in
// RCC_APBxENR, interrupt line and pin alternate function (RM0090 2.3, 7.3, 8.3.7).
#if CONFIG_STM32_CONSOLE_USART == 1
#define CONSOLE_BASE 0x40011000u
#define CONSOLE_BUS 2
#define CONSOLE_EN_BIT 4
#define CONSOLE_IRQ 37
#define CONSOLE_AF 7
#elif CONFIG_STM32_CONSOLE_USART == 2
#define CONSOLE_BASE 0x40004400u
#define CONSOLE_BUS 1
#define CONSOLE_EN_BIT 17
#define CONSOLE_IRQ 38
#define CONSOLE_AF 7
#elif CONFIG_STM32_CONSOLE_USART == 3
#define CONSOLE_BASE 0x40004800u
#define CONSOLE_BUS 1
#define CONSOLE_EN_BIT 18
#define CONSOLE_IRQ 39
#define CONSOLE_AF 7
#elif CONFIG_STM32_CONSOLE_USART == 4
#define CONSOLE_BASE 0x40004C00u
#define CONSOLE_BUS 1
#define CONSOLE_EN_BIT 19
#define CONSOLE_IRQ 52
#define CONSOLE_AF 8
#elif CONFIG_STM32_CONSOLE_USART == 5
#define CONSOLE_BASE 0x40005000u
#define CONSOLE_BUS 1
#define CONSOLE_EN_BIT 20
#define CONSOLE_IRQ 53
#define CONSOLE_AF 8
#elif CONFIG_STM32_CONSOLE_USART == 6
#define CONSOLE_BASE 0x40011400u
#define CONSOLE_BUS 2
#define CONSOLE_EN_BIT 5
#define CONSOLE_IRQ 71
#define CONSOLE_AF 8
#else
#error "CONFIG_STM32_CONSOLE_USART must be 1..6"
#endif

#define RX_SIZE CONFIG_STM32_CONSOLE_RX_BUFFER
_Static_assert((RX_SIZE & (RX_SIZE - 1)) == 0, "CONFIG_STM32_CONSOLE_RX_BUFFER must be a power of two");

// The receive ring: the ISR writes at head, readers take from tail; each index is
// written by one side only, so no lock is needed on a single core.
static volatile uint8_t rx_buf[RX_SIZE];
static volatile uint32_t rx_head, rx_tail, rx_dropped;
static volatile bool interrupt_pending;

// Configure the pin called [name] as the USART's alternate function.
static void config_pin(const char *name, stm32_gpio_pull_t pull) {
    int port, pin;
    if (stm32_gpio_parse(name, &port, &pin)) {
        stm32_gpio_config(port, pin, STM32_GPIO_ALT, pull, CONSOLE_AF);
    }
}

void stm32_usart_init(void) {
    STM32_REG(CONSOLE_BUS == 1 ? RCC_APB1ENR : RCC_APB2ENR) |= 1u << CONSOLE_EN_BIT;
    (void)STM32_REG(CONSOLE_BUS == 1 ? RCC_APB1ENR : RCC_APB2ENR);
    config_pin(CONFIG_STM32_CONSOLE_TX_PIN, STM32_GPIO_PULL_NONE);
    config_pin(CONFIG_STM32_CONSOLE_RX_PIN, STM32_GPIO_PULL_UP);  // idle high when unplugged
    // Oversampling by 16: BRR = f_pclk / baud, rounded (mantissa and fraction in one).
    uint32_t pclk = stm32_clock_apb_hz(CONSOLE_BUS);
    STM32_REG(CONSOLE_BASE + USART_BRR) = (pclk + CONFIG_STM32_CONSOLE_BAUD / 2u) / CONFIG_STM32_CONSOLE_BAUD;
    STM32_REG(CONSOLE_BASE + USART_CR1) = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE | USART_CR1_RXNEIE;
    STM32_REG(NVIC_ISER(CONSOLE_IRQ / 32)) = 1u << (CONSOLE_IRQ % 32);
}

static void put_byte(uint8_t c) {
    while (!(STM32_REG(CONSOLE_BASE + USART_SR) & USART_SR_TXE)) {
    }
    STM32_REG(CONSOLE_BASE + USART_DR) = c;
}

void stm32_usart_write(const char *data, size_t len, bool cooked) {
    for (size_t i = 0; i < len; i++) {
        if (cooked && data[i] == '\n') {
            put_byte('\r');
        }
        put_byte((uint8_t)data[i]);
    }
}

void stm32_usart_isr(void) {
    // Reading SR then DR clears RXNE and an overrun (ORE) alike.
    while (STM32_REG(CONSOLE_BASE + USART_SR) & (USART_SR_RXNE | USART_SR_ORE)) {
        uint8_t c = (uint8_t)STM32_REG(CONSOLE_BASE + USART_DR);
        if (c == STM32_CHAR_CTRL_C) {
            interrupt_pending = true;
            continue;
        }
        uint32_t head = rx_head;
        if (head - rx_tail >= RX_SIZE) {
            rx_dropped++;
            continue;
        }
        rx_buf[head % RX_SIZE] = c;
        rx_head = head + 1;
    }
}

int stm32_usart_poll(void) {
    uint32_t tail = rx_tail;
    if (tail == rx_head) {
        return -1;
    }
    int c = rx_buf[tail % RX_SIZE];
    rx_tail = tail + 1;
    return c;
}

size_t stm32_usart_any(void) {
    return rx_head - rx_tail;
}

bool stm32_usart_take_interrupt(void) {
    if (!interrupt_pending) {
        return false;
    }
    interrupt_pending = false;
    return true;
}

uint32_t stm32_usart_dropped(void) {
    return rx_dropped;
}
