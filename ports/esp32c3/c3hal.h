// c3hal.h -- the ESP32-C3 hardware layer as the rest of the port sees it, one prefix per
// file: c3_wdt_ wdt.c, c3_clock_ clock.c, c3_tick_ systimer.c, c3_intr_ intr.c,
// c3_gpio_ gpio.c, c3_uart_ and c3_console_ uart.c, c3_trap_ trap.c, with machine_hal.h's
// mhal_ functions in gpio.c, uart.c and chip.c; c3_start.S holds the reset entry and the
// trap vector table. port.c, main.c and ports/shared/machine.c join this layer to the
// Python core.
#ifndef ESP32C3_C3HAL_H
#define ESP32C3_C3HAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "machine_hal.h"

// ---------------------------------------------------------------- wdt.c
// Disable the RTC watchdog, both timer-group watchdogs and the super watchdog that the
// ROM leaves running (each behind its write-protect key).
void c3_wdt_disable_all(void);
// Reset the whole chip (RTC_CNTL software system reset). Never returns.
_Noreturn void c3_system_reset(void);

// ---------------------------------------------------------------- clock.c
// Switch the CPU to CONFIG_ESP32C3_CPU_MHZ when the ROM left it on the PLL.
void c3_clock_init(void);
// The CPU clock and the APB clock (what the UARTs divide), in Hz, read from the registers.
uint32_t c3_clock_cpu_hz(void);
uint32_t c3_clock_apb_hz(void);
// Set the CPU clock to [mhz] (80 or 160, from the PLL). False if not possible.
bool c3_clock_set_cpu_mhz(uint32_t mhz);

// ---------------------------------------------------------------- systimer.c
// Start SYSTIMER unit 0 and its 1 ms alarm interrupt (target 0, period mode).
void c3_tick_init(void);
// Milliseconds / microseconds since c3_tick_init(), wrapping at 2**32.
uint32_t c3_tick_ms(void);
uint64_t c3_tick_us(void);
// The alarm's interrupt handler.
void c3_tick_isr(void);

// ---------------------------------------------------------------- intr.c
// Route peripheral [source] to CPU interrupt [cpu_int] (level, priority 1) and enable it.
void c3_intr_route(uint32_t source, uint32_t cpu_int);
// Enable machine-mode interrupts globally (mstatus.MIE).
void c3_intr_enable_global(void);
// Sleep until an interrupt (WFI).
void c3_intr_wait(void);

// ---------------------------------------------------------------- gpio.c
// machine_hal.h's mhal_pin_* (GPIO numbers), and for the UARTs:
typedef enum { C3_GPIO_PULL_NONE = 0, C3_GPIO_PULL_UP = 1, C3_GPIO_PULL_DOWN = 2 } c3_gpio_pull_t;
// Connect [pin] to peripheral output signal [sig] / input signal [sig] through the matrix.
void c3_gpio_connect_out(int pin, uint32_t sig);
void c3_gpio_connect_in(int pin, uint32_t sig, c3_gpio_pull_t pull);

// ---------------------------------------------------------------- uart.c
// UART0 is the console; machine.UART opens UART1. Polled transmit through the FIFO,
// interrupt-driven receive into a static ring per UART.
// machine_hal.h's mhal_uart_* are this driver's too.
#define C3_UART_COUNT 2
// Send [len] bytes, blocking while the FIFO is full; "\n" as "\r\n" when [cooked].
void c3_uart_write(int id, const char *data, size_t len, bool cooked);
// The interrupt handler of both UARTs.
void c3_uart_isr(void);

// Take over UART0 as the ROM left it (115200 8N1 on GPIO21/20) and enable its receive interrupt.
void c3_console_init(void);
void c3_console_write(const char *data, size_t len);
int c3_console_getc(void);
size_t c3_console_any(void);
// True (once) when Ctrl-C arrived since the last call: the byte is not buffered.
bool c3_console_take_interrupt(void);
#define C3_CHAR_CTRL_C 0x03

// ---------------------------------------------------------------- trap.c
// Called by the vector table for every trap: interrupts are dispatched, exceptions are
// printed with their registers and stop the program.
void c3_trap_handler(uint32_t mcause, uint32_t mepc, uint32_t mtval);
// Stop for good with [status]: in a non-interactive run (c3_runner_batch) end the CPU-level
// runner with that status, on a chip wait for interrupts. Never returns.
_Noreturn void c3_halt(int status);

// ---------------------------------------------------------------- startup.c
// The runner's word, as cm_runner_mode on the Cortex-M ports (ports/cortex_m/cortex_m.h):
// `mpforge run` with standard input not a terminal has the runner store C3_RUNNER_BATCH
// here before the CPU starts; main.py's status then ends the run (ebreak, see trap.c)
// instead of waiting for Ctrl-D. In .bss, kept across its clearing; nothing sets it on a
// chip. CONFIG_ESP32C3_RUNNER_EXIT (tests) forces it.
#define C3_RUNNER_BATCH 0x6d70664eu
extern volatile uint32_t c3_runner_mode;
static inline bool c3_runner_batch(void) {
#if CONFIG_ESP32C3_RUNNER_EXIT
    return true;
#else
    return c3_runner_mode == C3_RUNNER_BATCH;
#endif
}

#endif // ESP32C3_C3HAL_H
