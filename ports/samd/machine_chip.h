// machine_chip.h -- what the shared machine module (ports/shared/machine.c) needs to
// size its tables and which of its extras the SAMD has (machine_hal.h): UART ids are
// SERCOM numbers, 0..5; pins take the PMUX functions in Pin.ALT.
#ifndef SAMD_MACHINE_CHIP_H
#define SAMD_MACHINE_CHIP_H

#define MHAL_UART_MAX 5
#define MHAL_PIN_HAS_ALT 1

#endif // SAMD_MACHINE_CHIP_H
