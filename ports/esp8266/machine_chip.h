// machine_chip.h -- what the shared machine module (ports/shared/machine.c) needs to
// size its tables and how the ESP8266 differs from its defaults (machine_hal.h): UART0
// is the console, UART1 transmits only (GPIO2) and opens at 115200 baud; pins are the
// GPIO numbers 0, 2, 4, 5, 12..15 with a pull-up only, a new Pin an input unless told
// otherwise, shown as Pin(2, Pin.OUT); machine.freq(hz) picks 80 or 160 MHz; no unique ID.
#ifndef ESP8266_MACHINE_CHIP_H
#define ESP8266_MACHINE_CHIP_H

#define MHAL_UART_MAX 1
#define MHAL_UART_DEFAULT_BAUD 115200
#define MHAL_UART_ABSENT_NOTE " (UART(1), TX on GPIO2, is the other)"
#define MHAL_UART_HAS_BREAK 0
#define MHAL_PIN_HAS_NAMES 0
#define MHAL_PIN_HAS_PULL_DOWN 0
#define MHAL_PIN_NEW_IS_INPUT 1
#define MHAL_PIN_RANGE_ERROR "Pin(%d): usable GPIOs are 0, 2, 4, 5 and 12..15"
#define MHAL_PIN_REPR_ID "%s"
#define MHAL_PIN_REPR_MODE "Pin."
#define MHAL_PIN_REPR_PULL "Pin."
#define MHAL_HAS_FREQ_SET 1
#define MHAL_HAS_UNIQUE_ID 0

#endif // ESP8266_MACHINE_CHIP_H
