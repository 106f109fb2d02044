// rp2040hal.h -- the port's hardware layer as the rest of the port sees it: one prefix
// per file (rp2040_clock_ clock.c, rp2040_timer_ timer.c, rp2040_gpio_ gpio.c,
// rp2040_uart_ uart.c, rp2040_chip_ chip.c) and machine_hal.h's mhal_ functions. The Cortex-M layer (ports/cortex_m/) does
// start-up, faults, the port contract and the soft-reset loop; this port gives it the
// cm_chip_, cm_console_ (uart.c) and cm_tick_ (timer.c) functions of cortex_m.h.
// Nothing here knows about the Python core; ports/shared/machine.c joins the two.
#ifndef RP2040_RP2040HAL_H
#define RP2040_RP2040HAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "cortex_m.h"
#include "machine_hal.h"

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
// machine_hal.h's mhal_pin_* (GPIO numbers, open drain emulated), and for the UARTs:
typedef enum { RP2040_PULL_NONE = 0, RP2040_PULL_UP = 1, RP2040_PULL_DOWN = 2 } rp2040_pull_t;
// Connect GPIO [pin] (0..29) to function [func] (GPIO_FUNC_*) with [pull], input on.
void rp2040_gpio_function(int pin, uint32_t func, rp2040_pull_t pull);

// ---------------------------------------------------------------- uart.c
// Both PL011 UARTs through one driver: polled transmit, interrupt-driven receive into a
// static ring buffer each. UART0 is the console (cm_console_* of cortex_m.h: Ctrl-C on
// it is a signal, not data); machine.UART opens UART1.
// machine_hal.h's mhal_uart_* are this driver's too.
#define RP2040_UART_COUNT 2
#define RP2040_CONSOLE_UART 0
size_t rp2040_uart_rx_capacity(int id);
// Close UART1 (a soft reset); the console stays open.
void rp2040_uart_close_all(void);
// Send [len] bytes, blocking while the FIFO is full; "\n" as "\r\n" when [cooked].
void rp2040_uart_write(int id, const char *data, size_t len, bool cooked);
// The interrupt handler of both UARTs.
void rp2040_uart_isr(void);

// Open UART0 from the config.
void rp2040_console_init(void);

// ---------------------------------------------------------------- chip.c
// machine_hal.h's mhal_reset, mhal_freq, mhal_unique_id.

#define RP2040_CHAR_CTRL_C 0x03

#endif // RP2040_RP2040HAL_H
