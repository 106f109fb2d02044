// nrf.h -- the registers this port touches, as base addresses and offsets (nRF51
// Series Reference Manual v3.0; nRF52840 Product Specification v1.7; the core's are
// in ports/cortex_m/cortex_m.h). Peripheral n sits at
// 0x40000000 + n * 0x1000 and its interrupt line is n, on both series.
#ifndef NRF_NRF_H
#define NRF_NRF_H

#include <stdint.h>

#include "config.h"

#define NRF_REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

// Interrupt line of the peripheral at [base].
#define NRF_IRQ_OF(base) ((int)(((base) >> 12) & 0x3Fu))

// Tasks are started by writing 1; events read 1 when they happened and are cleared
// by writing 0.
#define NRF_TASK_TRIGGER 1u

// ---------------------------------------------------------------- CLOCK and POWER
#define NRF_CLOCK_BASE 0x40000000u
#define CLOCK_TASKS_HFCLKSTART 0x000u
#define CLOCK_EVENTS_HFCLKSTARTED 0x100u
#define POWER_RESETREAS 0x400u
#define POWER_GPREGRET 0x51Cu

// ---------------------------------------------------------------- UART (nRF51) / UARTE (nRF52)
#define NRF_UART0_BASE 0x40002000u
#define NRF_UARTE1_BASE 0x40028000u  // nRF52840 only
#define UART_TASKS_STARTRX 0x000u
#define UART_TASKS_STOPRX 0x004u
#define UART_TASKS_STARTTX 0x008u
#define UART_TASKS_STOPTX 0x00Cu
#define UART_EVENTS_RXDRDY 0x108u
#define UART_EVENTS_ENDRX 0x110u      // UARTE: the receive buffer is full
#define UART_EVENTS_TXDRDY 0x11Cu
#define UART_EVENTS_ENDTX 0x120u      // UARTE: the transmit buffer went out
#define UART_EVENTS_ERROR 0x124u
#define UART_EVENTS_RXTO 0x144u
#define UART_EVENTS_RXSTARTED 0x14Cu  // UARTE: RXD.PTR latched, the next may be set
#define UART_EVENTS_TXSTOPPED 0x158u
#define UART_SHORTS 0x200u
#define UART_INTENSET 0x304u
#define UART_INTENCLR 0x308u
#define UART_ERRORSRC 0x480u
#define UART_ENABLE 0x500u
#define UART_PSELRTS 0x508u
#define UART_PSELTXD 0x50Cu
#define UART_PSELCTS 0x510u
#define UART_PSELRXD 0x514u
#define UART_RXD 0x518u               // UART only
#define UART_TXD 0x51Cu               // UART only
#define UART_BAUDRATE 0x524u
#define UARTE_RXD_PTR 0x534u
#define UARTE_RXD_MAXCNT 0x538u
#define UARTE_RXD_AMOUNT 0x53Cu
#define UARTE_TXD_PTR 0x544u
#define UARTE_TXD_MAXCNT 0x548u
#define UART_CONFIG 0x56Cu

#define UART_ENABLE_UART 4u
#define UART_ENABLE_UARTE 8u
#define UART_INT_RXDRDY (1u << 2)
#define UART_INT_ENDRX (1u << 4)
#define UART_INT_ERROR (1u << 9)
#define UART_INT_RXSTARTED (1u << 19)
#define UART_SHORTS_ENDRX_STARTRX (1u << 5)
#define UART_CONFIG_PARITY_EVEN (7u << 1)  // parity bit included, even
#define UART_CONFIG_STOP_TWO (1u << 4)     // nRF52 only
#define UART_CONFIG_PARITY_ODD (1u << 8)   // nRF52 only (PARITYTYPE)
#define UART_PSEL_DISCONNECTED 0xFFFFFFFFu

// ---------------------------------------------------------------- TIMER0 (the 1 ms tick)
#define NRF_TIMER0_BASE 0x40008000u
#define TIMER_TASKS_START 0x000u
#define TIMER_TASKS_STOP 0x004u
#define TIMER_TASKS_CLEAR 0x00Cu
#define TIMER_TASKS_CAPTURE1 0x044u
#define TIMER_EVENTS_COMPARE0 0x140u
#define TIMER_SHORTS 0x200u
#define TIMER_INTENSET 0x304u
#define TIMER_MODE 0x504u
#define TIMER_BITMODE 0x508u
#define TIMER_PRESCALER 0x510u
#define TIMER_CC0 0x540u
#define TIMER_CC1 0x544u
#define TIMER_SHORTS_COMPARE0_CLEAR (1u << 0)
#define TIMER_INT_COMPARE0 (1u << 16)
#define TIMER_BITMODE_16 0u
#define TIMER_BITMODE_32 3u

// ---------------------------------------------------------------- GPIO
#define NRF_GPIO_P0_BASE 0x50000000u
#define NRF_GPIO_P1_BASE 0x50000300u  // nRF52840 only
#define GPIO_OUT 0x504u
#define GPIO_OUTSET 0x508u
#define GPIO_OUTCLR 0x50Cu
#define GPIO_IN 0x510u
#define GPIO_DIR 0x514u
#define GPIO_PIN_CNF(n) (0x700u + 4u * (uint32_t)(n))
#define GPIO_CNF_DIR_OUT (1u << 0)
#define GPIO_CNF_INPUT_DISCONNECT (1u << 1)
#define GPIO_CNF_PULL_SHIFT 2
#define GPIO_CNF_PULL_MASK (3u << 2)
#define GPIO_CNF_PULL_DOWN 1u
#define GPIO_CNF_PULL_UP 3u
#define GPIO_CNF_DRIVE_SHIFT 8
#define GPIO_CNF_DRIVE_MASK (7u << 8)
#define GPIO_CNF_DRIVE_S0D1 6u  // standard 0, disconnected 1: open drain

// ---------------------------------------------------------------- FICR
#define NRF_FICR_DEVICEID 0x10000060u  // two words, both series

// Chip facts.
#if CONFIG_NRF51
#define NRF_GPIO_PINS 32
#define NRF_UART_COUNT 1  // UART0, the console
#define NRF_CPU_HZ 16000000u
#else
#define NRF_GPIO_PINS 48  // P0.00..P0.31, P1.00..P1.15
#define NRF_UART_COUNT 2  // UARTE0 (the console) and UARTE1
#define NRF_CPU_HZ 64000000u
#endif

#endif // NRF_NRF_H
