// e8hal.h -- the ESP8266 hardware layer: one prefix per file (e8_wdt_ startup.c,
// e8_tick_ timer.c, e8_gpio_ gpio.c, e8_uart_ and e8_console_ uart.c). Polled: this port
// enables no interrupts (the ROM's exception vectors stay in place).
#ifndef ESP8266_E8HAL_H
#define ESP8266_E8HAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"

// ---------------------------------------------------------------- startup.c
// Feed and stop the hardware watchdog the ROM leaves running.
void e8_wdt_disable(void);
// Restart through the ROM's reset vector. Never returns.
_Noreturn void e8_system_reset(void);
// CPU clock in Hz (80 or 160 MHz); set it (false for other values).
uint32_t e8_cpu_hz(void);
bool e8_set_cpu_mhz(uint32_t mhz);

// ---------------------------------------------------------------- timer.c
// Start FRC2 (80 MHz / 256) as the time base.
void e8_tick_init(void);
// Milliseconds since e8_tick_init(), wrapping at 2**32 (FRC2 wraps every 3.8 hours:
// call at least that often, as the VM's poll hook does).
uint32_t e8_tick_ms(void);

// ---------------------------------------------------------------- gpio.c
// GPIO 0, 2, 4, 5, 12..15 (1 and 3 are UART0, 6..11 the flash).
typedef enum { E8_GPIO_IN = 0, E8_GPIO_OUT = 1, E8_GPIO_OPEN_DRAIN = 2 } e8_gpio_mode_t;
bool e8_gpio_valid(int pin);
void e8_gpio_config(int pin, e8_gpio_mode_t mode, bool pull_up);
void e8_gpio_write(int pin, bool high);
bool e8_gpio_read(int pin);
// Select pad function [func] of [pin] (e.g. 2: U1TXD on GPIO2).
void e8_gpio_function(int pin, int func);

// ---------------------------------------------------------------- uart.c
// UART0 is the console (GPIO1 TX, GPIO3 RX); UART1 transmits only, on GPIO2.
typedef enum { E8_PARITY_NONE = 0, E8_PARITY_EVEN = 1, E8_PARITY_ODD = 2 } e8_parity_t;
const char *e8_uart_open(int id, uint32_t baud, int bits, e8_parity_t parity, int stop);
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
