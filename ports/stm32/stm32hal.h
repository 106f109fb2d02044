// stm32hal.h -- the port's hardware layer as the rest of the port sees it: one
// prefix per file (stm32_clock_ clock.c, stm32_gpio_ gpio.c, stm32_usart_ and
// stm32_console_ usart.c, with machine_hal.h's mhal_pin_ in gpio.c and mhal_uart_ in usart.c; chip.c holds the interrupt vectors and cm_chip_*). Start-up, faults, SysTick, semihosting
// and the core's port contract are the shared Cortex-M layer's (ports/cortex_m/,
// cortex_m.h). Nothing here knows about the Python core; ports/shared/machine.c joins the two.
#ifndef STM32_STM32HAL_H
#define STM32_STM32HAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "cortex_m.h"
#include "machine_hal.h"

// ---------------------------------------------------------------- clock.c
// Program the clock tree the config asks for (HSI, or HSE through the PLL).
// Falls back to HSI when the HSE or the PLL does not become ready in time.
void stm32_clock_init(void);
// Core clock (HCLK) actually running, in Hz.
uint32_t stm32_clock_hclk_hz(void);
// Clock of APB bus [bus] (1 or 2), in Hz: what a USART's baud rate divides.
uint32_t stm32_clock_apb_hz(int bus);
// True when the configured HSE/PLL did not start and the chip runs on HSI.
bool stm32_clock_fell_back(void);

// ---------------------------------------------------------------- gpio.c
// Modes are the MODER encodings; STM32_GPIO_OPEN_DRAIN may be or-ed into OUTPUT or
// ALT (it sets the pin's OTYPER bit).
typedef enum {
    STM32_GPIO_INPUT = 0,
    STM32_GPIO_OUTPUT = 1,
    STM32_GPIO_ALT = 2,
    STM32_GPIO_ANALOG = 3,
    STM32_GPIO_OPEN_DRAIN = 0x10,
} stm32_gpio_mode_t;
typedef enum { STM32_GPIO_PULL_NONE = 0, STM32_GPIO_PULL_UP = 1, STM32_GPIO_PULL_DOWN = 2 } stm32_gpio_pull_t;
// Parse a pin name such as "PA9" into [*port] (0 = A) and [*pin] (0..15). False if malformed.
bool stm32_gpio_parse(const char *name, int *port, int *pin);
// Enable the port's clock and set [pin]'s mode, pull and (for ALT) alternate function [af].
void stm32_gpio_config(int port, int pin, int mode, stm32_gpio_pull_t pull, int af);
// The pin's mode (with STM32_GPIO_OPEN_DRAIN) and pull as the registers hold them.
int stm32_gpio_mode(int port, int pin);
stm32_gpio_pull_t stm32_gpio_pull(int port, int pin);
void stm32_gpio_write(int port, int pin, bool high);
bool stm32_gpio_read(int port, int pin);

// ---------------------------------------------------------------- usart.c
// One driver for every USART: polled transmit, interrupt-driven receive into a
// static ring buffer per USART. The console is the instance CONFIG_STM32_CONSOLE_USART
// (stm32_console_*: its settings come from the config and Ctrl-C on it is a signal,
// not data); machine.UART opens the others through machine_hal.h's mhal_uart_*, which
// usart.c implements. USARTs are numbered 1..6 as in RM0090.
#define STM32_USART_MAX MHAL_UART_MAX
// Capacity of [id]'s static receive buffer in bytes.
size_t stm32_usart_rx_capacity(int id);
// Close every open USART but the console (a soft reset).
void stm32_usart_close_all(void);
// Send [len] bytes, blocking until the last is in the data register; "\n" goes out as
// "\r\n" when [cooked].
void stm32_usart_write(int id, const char *data, size_t len, bool cooked);
// Bytes [id]'s receive interrupt dropped because the ring was full.
uint32_t stm32_usart_dropped(int id);
// The interrupt handler of every USART (it finds its USART from the active vector).
void stm32_usart_isr(void);

// Open the console USART from the config. usart.c also implements the Cortex-M
// layer's console (cm_console_* in cortex_m.h) on it.
void stm32_console_init(void);

// Console interrupt character (Ctrl-C).
#define STM32_CHAR_CTRL_C 0x03

#endif // STM32_STM32HAL_H
