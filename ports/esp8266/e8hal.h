// e8hal.h -- the ESP8266 hardware layer: one prefix per file (e8_wdt_ startup.c,
// e8_tick_ timer.c, e8_gpio_ gpio.c, e8_uart_ and e8_console_ uart.c; machine_hal.h's mhal_
// in gpio.c, uart.c and startup.c). Polled: this port
// enables no interrupts (the ROM's exception vectors stay in place).
#ifndef ESP8266_E8HAL_H
#define ESP8266_E8HAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "machine_hal.h"

// ---------------------------------------------------------------- startup.c
// Feed and stop the hardware watchdog the ROM leaves running.
void e8_wdt_disable(void);
// (and machine_hal.h's mhal_reset, mhal_freq, mhal_freq_set)

// ---------------------------------------------------------------- timer.c
// Start FRC2 (80 MHz / 256) as the time base.
void e8_tick_init(void);
// Milliseconds since e8_tick_init(), wrapping at 2**32 (FRC2 wraps every 3.8 hours:
// call at least that often, as the VM's poll hook does).
uint32_t e8_tick_ms(void);

// ---------------------------------------------------------------- gpio.c
// GPIO 0, 2, 4, 5, 12..15 (1 and 3 are UART0, 6..11 the flash) as machine_hal.h's
// mhal_pin_*, and:
// Select pad function [func] of [pin] (e.g. 2: U1TXD on GPIO2).
void e8_gpio_function(int pin, int func);

// ---------------------------------------------------------------- uart.c
// UART0 is the console (GPIO1 TX, GPIO3 RX); UART1 transmits only, on GPIO2.
// machine.UART opens UART1 through machine_hal.h's mhal_uart_*.
const char *e8_uart_open(int id, uint32_t baud, int bits, mhal_parity_t parity, int stop);
void e8_uart_write(int id, const char *data, size_t len, bool cooked);
bool e8_uart_tx_done(int id);
// Console: received bytes are moved from the RX FIFO into a ring by polling.
void e8_console_init(void);
void e8_console_write(const char *data, size_t len);
int e8_console_getc(void);
size_t e8_console_any(void);
bool e8_console_take_interrupt(void);
#define E8_CHAR_CTRL_C 0x03

#endif // ESP8266_E8HAL_H
