// machine_chip.h -- what the shared machine module (ports/shared/machine.c) needs to
// size its tables and how the ESP32-C3 differs from its defaults (machine_hal.h): UART0
// is the console, UART1 goes to any pins (tx=, rx=) through the GPIO matrix; pins are
// GPIO numbers, and a new Pin is an input without pull unless told otherwise;
// machine.freq(hz) switches the CPU between 80 and 160 MHz.
#ifndef ESP32C3_MACHINE_CHIP_H
#define ESP32C3_MACHINE_CHIP_H

#define MHAL_UART_MAX 1
#define MHAL_UART_ABSENT_NOTE " (UART(1) only)"
#define MHAL_UART_HAS_PIN_ARGS 1
#define MHAL_UART_REPR_PINS 1
#define MHAL_PIN_HAS_NAMES 0
#define MHAL_PIN_NEW_IS_INPUT 1
#define MHAL_PIN_RANGE_ERROR "Pin(%d): the ESP32-C3 has GPIO0..GPIO21"
#define MHAL_PIN_REPR_ID "%s"
#define MHAL_HAS_FREQ_SET 1

#endif // ESP32C3_MACHINE_CHIP_H
