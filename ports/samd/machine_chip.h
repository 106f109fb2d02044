// machine_chip.h -- what the shared machine module (ports/shared/machine.c) needs to
// size its tables: UART ids are SERCOM numbers, 0..5.
#ifndef SAMD_MACHINE_CHIP_H
#define SAMD_MACHINE_CHIP_H

#define MHAL_UART_MAX 5

#endif // SAMD_MACHINE_CHIP_H
