// machine_chip.h -- what the shared machine module (ports/shared/machine.c) needs to
// size its tables and how the nRF differs from its defaults (machine_hal.h): UART(0) is
// the console's UART and usable from Python, the nRF52840 adds UARTE1; pins are
// "P0.13" or port * 32 + pin; no break, no alternate functions through machine.Pin.
#ifndef NRF_MACHINE_CHIP_H
#define NRF_MACHINE_CHIP_H

#include "nrf.h"

#define MHAL_UART_MAX (NRF_UART_COUNT - 1)
#define MHAL_UART_REPR_PINS 1
#define MHAL_UART_HAS_BREAK 0
#define MHAL_PIN_NAME_HINT " (expected e.g. 'P0.13')"
#if NRF_UART_COUNT > 1
#define MHAL_UART_ABSENT_NOTE " (0..1)"
#else
#define MHAL_UART_ABSENT_NOTE " (0..0)"
#endif
#if NRF_GPIO_PINS > 32
#define MHAL_PIN_RANGE_ERROR "pin number out of range (0..47)"
#else
#define MHAL_PIN_RANGE_ERROR "pin number out of range (0..31)"
#endif

#endif // NRF_MACHINE_CHIP_H
