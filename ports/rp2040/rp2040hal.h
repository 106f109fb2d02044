// rp2040hal.h -- the port's hardware layer as the rest of the port sees it: one prefix
// per file (rp2040_clock_ clock.c, rp2040_timer_ timer.c, rp2040_gpio_ gpio.c,
// rp2040_uart_ uart.c, rp2040_chip_ chip.c). The Cortex-M layer (ports/cortex_m/) does
// start-up, faults, the port contract and the soft-reset loop; this port gives it the
// cm_chip_, cm_console_ (uart.c) and cm_tick_ (timer.c) functions of cortex_m.h.
// Nothing here knows about the Python core; machine.c joins the two.
#ifndef RP2040_RP2040HAL_H
#define RP2040_RP2040HAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "cortex_m.h"

// ---------------------------------------------------------------- clock.c
// XOSC (12 MHz) -> PLL_SYS 125 MHz -> clk_sys and clk_peri; PLL_USB 48 MHz -> clk_usb
// and clk_adc; clk_ref from the XOSC, which also ticks the 1 MHz TIMER.
void rp2040_clock_init(void);
uint32_t rp2040_clock_sys_hz(void);
uint32_t rp2040_clock_peri_hz(void);
// Take peripherals out of reset ([mask]: RESETS_* bits) and wait until they are ready.
void rp2040_unreset(uint32_t mask);

// ---------------------------------------------------------------- timer.c
// Start the 1 MHz TIMER's alarm 0 interrupt (it wakes WFI once a millisecond).
void rp2040_timer_init(void);
// Microseconds since reset (64 bits: never wraps in practice). cm_tick_ms and
// cm_tick_delay_ms (cortex_m.h) are the milliseconds of the same count.
uint64_t rp2040_timer_us(void);
// TIMER_IRQ_0: re-arm the alarm.
void rp2040_timer_isr(void);

// ---------------------------------------------------------------- gpio.c
typedef enum { RP2040_PULL_NONE = 0, RP2040_PULL_UP = 1, RP2040_PULL_DOWN = 2 } rp2040_pull_t;
// Connect GPIO [pin] (0..29) to function [func] (GPIO_FUNC_*) with [pull], input on.
void rp2040_gpio_function(int pin, uint32_t func, rp2040_pull_t pull);
// As SIO: an input ([output] false) or a push-pull output.
void rp2040_gpio_set_output(int pin, bool output);
void rp2040_gpio_write(int pin, bool high);
bool rp2040_gpio_read(int pin);
// The output latch (what the pin drives when it is an output).
bool rp2040_gpio_latch(int pin);
bool rp2040_gpio_is_output(int pin);
uint32_t rp2040_gpio_func(int pin);
rp2040_pull_t rp2040_gpio_pull(int pin);

// ---------------------------------------------------------------- uart.c
// Both PL011 UARTs through one driver: polled transmit, interrupt-driven receive into a
// static ring buffer each. UART0 is the console (cm_console_* of cortex_m.h: Ctrl-C on
// it is a signal, not data); machine.UART opens UART1.
#define RP2040_UART_COUNT 2
#define RP2040_CONSOLE_UART 0
typedef enum { RP2040_PARITY_NONE = 0, RP2040_PARITY_EVEN = 1, RP2040_PARITY_ODD = 2 } rp2040_parity_t;
typedef struct {
    uint32_t baud;
    uint8_t bits;    // 5..8 data bits
    uint8_t parity;  // rp2040_parity_t
    uint8_t stop;    // 1 or 2
    uint16_t rxbuf;  // ring capacity; 0: all of the static buffer
} rp2040_uart_config_t;
size_t rp2040_uart_rx_capacity(int id);
// Enable [id] with [cfg] on its pins, its ring emptied. NULL, or what is wrong with [cfg].
const char *rp2040_uart_open(int id, const rp2040_uart_config_t *cfg);
void rp2040_uart_close(int id);
// Close UART1 (a soft reset); the console stays open.
void rp2040_uart_close_all(void);
bool rp2040_uart_is_open(int id);
const rp2040_uart_config_t *rp2040_uart_config(int id);
// The GPIO numbers [id] transmits and receives on.
void rp2040_uart_pins(int id, int *tx, int *rx);
// Send [len] bytes, blocking while the FIFO is full; "\n" as "\r\n" when [cooked].
void rp2040_uart_write(int id, const char *data, size_t len, bool cooked);
// A received byte from the ring, or -1.
int rp2040_uart_getc(int id);
size_t rp2040_uart_any(int id);
bool rp2040_uart_tx_ready(int id);
// True when the transmitter is idle and its FIFO empty.
bool rp2040_uart_tx_done(int id);
void rp2040_uart_send_break(int id);
// The interrupt handler of both UARTs.
void rp2040_uart_isr(void);

// Open UART0 from the config.
void rp2040_console_init(void);

// ---------------------------------------------------------------- chip.c
// The 8-byte unique ID of the flash chip, as boot2 read it at reset.
void rp2040_chip_unique_id(uint8_t id[8]);
// Reset the chip through the watchdog (rp2040js: the runner restarts the image).
_Noreturn void rp2040_chip_reset(void);

#define RP2040_CHAR_CTRL_C 0x03

#endif // RP2040_RP2040HAL_H
