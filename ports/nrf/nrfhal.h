// nrfhal.h -- the port's hardware layer as the rest of the port sees it: one prefix
// per file (nrf_clock_ clock.c, nrf_tick_ tick.c, nrf_gpio_ gpio.c, nrf_uart_ and
// nrf_console_ uart.c over the series' driver uart_nrf51.c / uarte_nrf52.c,
// nrf_irq_ chip.c). What every Cortex-M port shares (start-up, faults, the soft-reset
// loop, py/port.h) is ports/cortex_m/; chip.c gives it what cortex_m.h asks of a chip,
// and ports/shared/machine.c is the Python side (over machine_hal.h, whose mhal_
// functions gpio.c, uart.c and chip.c implement).
#ifndef NRF_NRFHAL_H
#define NRF_NRFHAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "machine_hal.h"
#include "nrf.h"

// ---------------------------------------------------------------- clock.c
// Start the crystal oscillator (HFXO) for accurate UART baud rates; the core keeps
// running from the RC oscillator until it is up (bounded wait).
void nrf_clock_init(void);
// Core clock in Hz (fixed by the series: 16 MHz nRF51, 64 MHz nRF52).
uint32_t nrf_clock_cpu_hz(void);

// ---------------------------------------------------------------- tick.c (nRF51)
#if !CONFIG_CORTEX_M_SYSTICK
// The 1 ms tick from TIMER0 (the nRF51 has no SysTick; QEMU's microbit does not
// model the RTC, whose LFCLK-driven counter would otherwise be the low-power choice);
// tick.c implements cm_tick_ms and cm_tick_delay_ms of cortex_m.h over it.
void nrf_tick_init(void);
// TIMER0's interrupt handler.
void nrf_tick_isr(void);
#endif

// ---------------------------------------------------------------- gpio.c
// machine_hal.h's mhal_pin_*: pins are numbered port * 32 + pin (P1.15 is 47).

// ---------------------------------------------------------------- uart.c
// One interface for every UART: blocking transmit, interrupt-driven receive into a
// static ring per instance. Instance 0 is the console (UART0 on the nRF51, UARTE0 on
// the nRF52; its settings come from the config and Ctrl-C on it is a signal, not
// data); the nRF52840's UARTE1 is instance 1.
// machine_hal.h's mhal_uart_* are this interface's too.
#define NRF_CONSOLE_ID 0
// Capacity of [id]'s static receive buffer in bytes.
size_t nrf_uart_rx_capacity(int id);
// Close every open UART and restore the console's settings (a soft reset).
void nrf_uart_close_all(void);
// Send [len] bytes, blocking until the last has gone out; "\n" goes out as "\r\n"
// when [cooked].
void nrf_uart_write(int id, const char *data, size_t len, bool cooked);
// Bytes [id]'s receive interrupt dropped because the ring was full.
uint32_t nrf_uart_dropped(int id);
// The interrupt handler of every UART (it finds its instance from the active vector).
void nrf_uart_isr(void);

// Open the console from the config.
void nrf_console_init(void);
// Console output, blocking; cooked: "\n" as "\r\n".
void nrf_console_write(const char *data, size_t len, bool cooked);
int nrf_console_getc(void);
size_t nrf_console_any(void);
// True (once) when Ctrl-C arrived since the last call: the byte is not buffered.
bool nrf_console_take_interrupt(void);

// The series' driver (uart_nrf51.c or uarte_nrf52.c) under uart.c: [base] is the
// peripheral, [baud] the BAUDRATE register value, [config] the CONFIG register value.
void nrf_uart_hw_start(int id, uint32_t base, uint32_t baud, uint32_t config, int tx, int rx);
void nrf_uart_hw_stop(uint32_t base);
void nrf_uart_hw_write(int id, uint32_t base, const uint8_t *data, size_t len);
// Called by the interrupt handler: move what [base] received into uart.c's ring
// through nrf_uart_received().
void nrf_uart_hw_receive(int id, uint32_t base);
// A byte the hardware received on [id] (from interrupt context).
void nrf_uart_received(int id, uint8_t c);

// ---------------------------------------------------------------- chip.c
// Enable or disable interrupt line [irq] in the NVIC.
void nrf_irq_enable(int irq, bool on);

// Console interrupt character (Ctrl-C).
#define NRF_CHAR_CTRL_C 0x03

#endif // NRF_NRFHAL_H
