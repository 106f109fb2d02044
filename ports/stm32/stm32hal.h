// stm32hal.h -- the port's hardware layer as the rest of the port sees it: one
// prefix per file (stm32_clock_ clock.c, stm32_tick_ systick.c, stm32_gpio_ gpio.c,
// stm32_usart_ usart.c, stm32_fault_ fault.c, stm32_semihost_ semihost.c). Nothing
// here knows about the Python core; port.c and main.c join the two.
#ifndef STM32_STM32HAL_H
#define STM32_STM32HAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"

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

// ---------------------------------------------------------------- systick.c
// Start the 1 ms SysTick interrupt from the running HCLK.
void stm32_tick_init(void);
// Milliseconds since stm32_tick_init(), wrapping at 2**32.
uint32_t stm32_tick_ms(void);
// Sleep (WFI between ticks) for at least [ms] milliseconds.
void stm32_tick_delay_ms(uint32_t ms);
// The SysTick exception handler (vector 15).
void stm32_tick_isr(void);

// ---------------------------------------------------------------- gpio.c
typedef enum {
    STM32_GPIO_INPUT = 0,
    STM32_GPIO_OUTPUT = 1,
    STM32_GPIO_ALT = 2,
    STM32_GPIO_ANALOG = 3,
} stm32_gpio_mode_t;
typedef enum { STM32_GPIO_PULL_NONE = 0, STM32_GPIO_PULL_UP = 1, STM32_GPIO_PULL_DOWN = 2 } stm32_gpio_pull_t;
// Parse a pin name such as "PA9" into [*port] (0 = A) and [*pin] (0..15). False if malformed.
bool stm32_gpio_parse(const char *name, int *port, int *pin);
// Enable the port's clock and set [pin]'s mode, pull and (for ALT) alternate function [af].
void stm32_gpio_config(int port, int pin, stm32_gpio_mode_t mode, stm32_gpio_pull_t pull, int af);
void stm32_gpio_write(int port, int pin, bool high);
bool stm32_gpio_read(int port, int pin);

// ---------------------------------------------------------------- usart.c (the console)
// Set up the console USART from the config: pins, baud rate, RX interrupt.
void stm32_usart_init(void);
// Send [len] bytes, blocking; "\n" goes out as "\r\n" when [cooked].
void stm32_usart_write(const char *data, size_t len, bool cooked);
// A received byte from the ring buffer, or -1 when it is empty.
int stm32_usart_poll(void);
// Bytes waiting in the ring buffer.
size_t stm32_usart_any(void);
// True (once) when Ctrl-C arrived since the last call: the byte is not buffered.
bool stm32_usart_take_interrupt(void);
// Receive-ring statistics: bytes dropped because the buffer was full.
uint32_t stm32_usart_dropped(void);
// The console USART's interrupt handler.
void stm32_usart_isr(void);

// ---------------------------------------------------------------- fault.c
// HardFault, MemManage, BusFault, UsageFault and NMI: print the fault and registers.
void stm32_fault_isr(void);
// Enable the separate MemManage/BusFault/UsageFault exceptions and divide-by-zero traps.
void stm32_fault_init(void);

// ---------------------------------------------------------------- semihost.c
#if CONFIG_SEMIHOSTING_EXIT
// Leave the emulator with [status] (SYS_EXIT_EXTENDED). Never returns.
_Noreturn void stm32_semihost_exit(int status);
#endif

// ---------------------------------------------------------------- startup.c
// Reset the chip (SYSRESETREQ). Never returns.
_Noreturn void stm32_system_reset(void);
// Stop for good: with SEMIHOSTING_EXIT leave the emulator with [status]; on a board,
// sleep with interrupts on (the console keeps what it printed). Never returns.
_Noreturn void stm32_halt(int status);

// Console interrupt character (Ctrl-C).
#define STM32_CHAR_CTRL_C 0x03

#endif // STM32_STM32HAL_H
