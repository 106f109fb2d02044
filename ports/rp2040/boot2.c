// boot2.c -- the second-stage boot loader: the first 256 bytes of flash. The boot ROM
// copies them to the top of SRAM (0x20041f00), checks the CRC-32 in the last word
// (mpforge/images/boot2.py computes it at build time) and jumps to the start (datasheet
// 2.8.1). By then the ROM has left the SSI in slow serial 03h mode; this code:
//   1. reads the flash chip's 64-bit unique ID (command 4Bh) into watchdog SCRATCH0/1,
//      where machine.unique_id() finds it (no flash command is possible once the chip
//      runs from flash, and code executing in place cannot stop the XIP to ask);
//   2. sets up execute-in-place: by default W25Q "fast read quad I/O" (EBh) in
//      continuous-read mode (the status register's QE bit set first, so the flash drives
//      four data lines), or with CONFIG_RP2040_BOOT2_GENERIC the plain 03h read every
//      serial flash answers;
//   3. points VTOR at the vector table right after it (0x10000100), loads the stack
//      pointer from it and jumps to the reset handler.
// Nothing here may call the boot ROM: the emulator runs this code without one.
#include <stdint.h>

#include "config.h"
#include "cortex_m.h"
#include "rp2040.h"

// W25Q commands (Winbond W25Q16JV datasheet 8.1).
#define CMD_WRITE_ENABLE 0x06u
#define CMD_WRITE_STATUS2 0x31u
#define CMD_READ_STATUS1 0x05u
#define CMD_READ_STATUS2 0x35u
#define CMD_READ_UNIQUE_ID 0x4bu  // then 4 dummy bytes, then 8 ID bytes
#define CMD_READ_DATA 0x03u
#define CMD_FAST_READ_QUAD_IO 0xebu
#define SR1_BUSY 0x01u
#define SR2_QE 0x02u
// Mode bits after the address: 0xA0 keeps the chip in continuous-read mode, so later
// reads skip the command byte.
#define MODE_CONTINUOUS 0xa0u
// Dummy clocks between the mode bits and the data in EBh reads.
#define QUAD_WAIT_CYCLES 4u

#define VECTORS (XIP_BASE + 0x100u)

// The SSI's registers through one base pointer the compiler cannot fold into constants:
// one literal instead of one per register keeps the code inside its 252 bytes.
#define SSI(reg) (ssi[((reg) - XIP_SSI_BASE) / 4u])
static volatile uint32_t *ssi_base(void) {
    volatile uint32_t *p = (volatile uint32_t *)XIP_SSI_BASE;
    __asm__("" : "+r"(p));
    return p;
}

// One transaction (chip select held while the FIFO is not empty, so [n] is at most its
// 16 entries): send [op], then [n] - 1 copies of [arg]; what came back goes to [rx].
static void xfer(uint32_t op, uint32_t arg, unsigned n, uint8_t *rx) {
    volatile uint32_t *const ssi = ssi_base();
    SSI(SSI_DR0) = op;
    for (unsigned i = 1; i < n; i++) {
        SSI(SSI_DR0) = arg;
    }
    for (unsigned i = 0; i < n; i++) {
        while (!(SSI(SSI_SR) & SSI_SR_RFNE)) {
        }
        rx[i] = (uint8_t)SSI(SSI_DR0);
    }
}

__attribute__((section(".boot2_entry"), noreturn, used)) void rp2040_boot2(void) {
    // Received bytes land 3 bytes in, so the ID (after the command and 4 dummies) is
    // word-aligned at rx.w[2..3].
    union {
        uint8_t b[16];
        uint32_t w[4];
    } rx;
    volatile uint32_t *const ssi = ssi_base();
    SSI(SSI_SSIENR) = 0;
    SSI(SSI_BAUDR) = CONFIG_RP2040_BOOT2_CLKDIV;
    // Serial SPI, 8-bit frames, transmit and receive.
    SSI(SSI_CTRLR0) = (7u << SSI_CTRLR0_DFS_32_LSB) | (SSI_TMOD_TX_RX << SSI_CTRLR0_TMOD_LSB);
    SSI(SSI_SSIENR) = 1;

    xfer(CMD_READ_UNIQUE_ID, 0, 13, &rx.b[3]);
    RP2040_REG(WATCHDOG_SCRATCH(0)) = rx.w[2];  // ID bytes 0..3 in memory order
    RP2040_REG(WATCHDOG_SCRATCH(1)) = rx.w[3];

#if CONFIG_RP2040_BOOT2_GENERIC
    SSI(SSI_SSIENR) = 0;
    SSI(SSI_CTRLR0) = (31u << SSI_CTRLR0_DFS_32_LSB) | (SSI_TMOD_EEPROM_READ << SSI_CTRLR0_TMOD_LSB);
    SSI(SSI_CTRLR1) = 0;
    SSI(SSI_SPI_CTRLR0) = (CMD_READ_DATA << SSI_SPI_XIP_CMD_LSB) | (6u << SSI_SPI_ADDR_L_LSB) |
                                 (2u << SSI_SPI_INST_L_LSB);
    SSI(SSI_SSIENR) = 1;
#else
    xfer(CMD_READ_STATUS2, 0, 2, rx.b);
    if (!(rx.b[1] & SR2_QE)) {
        xfer(CMD_WRITE_ENABLE, 0, 1, rx.b);
        xfer(CMD_WRITE_STATUS2, SR2_QE, 2, rx.b);
        do {
            xfer(CMD_READ_STATUS1, 0, 2, rx.b);
        } while (rx.b[1] & SR1_BUSY);
    }
    // Quad reads: the command on one line, address + mode bits (32 bits) and the data on four.
    SSI(SSI_SSIENR) = 0;
    SSI(SSI_CTRLR0) = (SSI_FRF_QUAD << SSI_CTRLR0_SPI_FRF_LSB) | (31u << SSI_CTRLR0_DFS_32_LSB) |
                             (SSI_TMOD_EEPROM_READ << SSI_CTRLR0_TMOD_LSB);
    SSI(SSI_CTRLR1) = 1;  // the set-up read below: two data frames, as xfer() waits for two
    const uint32_t quad = (8u << SSI_SPI_ADDR_L_LSB) | (QUAD_WAIT_CYCLES << SSI_SPI_WAIT_CYCLES_LSB);
    SSI(SSI_SPI_CTRLR0) = (CMD_FAST_READ_QUAD_IO << SSI_SPI_XIP_CMD_LSB) | quad |
                                 (2u << SSI_SPI_INST_L_LSB) | (1u << SSI_SPI_TRANS_TYPE_LSB);
    SSI(SSI_SSIENR) = 1;
    // One read with the command and the continuous-mode bits: from then on the chip
    // expects an address straight away.
    xfer(CMD_FAST_READ_QUAD_IO, MODE_CONTINUOUS, 2, rx.b);  // address 0, mode bits low
    // XIP without a command: every access sends address + mode bits on four lines.
    SSI(SSI_SSIENR) = 0;
    SSI(SSI_CTRLR1) = 0;
    SSI(SSI_SPI_CTRLR0) = (MODE_CONTINUOUS << SSI_SPI_XIP_CMD_LSB) | quad | (2u << SSI_SPI_TRANS_TYPE_LSB);
    SSI(SSI_SSIENR) = 1;
#endif

    // Enter the firmware as the hardware enters a reset handler: VTOR, then the stack
    // pointer and the reset vector from the table.
    __asm__ volatile(
        "str %0, [%1]\n"
        "ldmia %0!, {r1, r2}\n"
        "msr msp, r1\n"
        "bx r2\n"
        :
        : "l"(VECTORS), "l"(SCB_VTOR)
        : "r1", "r2", "memory");
    __builtin_unreachable();
}
