// machine_chip.h -- what the shared machine module (ports/shared/machine.c) needs to
// size its tables and how the RP2040 differs from its defaults (machine_hal.h): UART0
// (the console) and UART1; pins are GPIO numbers or "GPn"/"LED", shown as GPIOn with
// bare mode names; no alternate functions through machine.Pin.
#ifndef RP2040_MACHINE_CHIP_H
#define RP2040_MACHINE_CHIP_H

#define MHAL_UART_MAX 1
#define MHAL_UART_ABSENT_NOTE " (UART(1) is free)"
#define MHAL_UART_REPR_PINS 1
#define MHAL_PIN_NAME_HINT " (expected 'GP0'..'GP29' or 'LED')"
#define MHAL_PIN_RANGE_ERROR "pin number out of range (0..29)"
#define MHAL_PIN_REPR_ID "%s"
#define MHAL_PIN_REPR_MODE "mode="
#define MHAL_PIN_REPR_PULL "pull="

#endif // RP2040_MACHINE_CHIP_H
