// rp2040.h -- the RP2040's registers this port touches, from the RP2040 datasheet
// (section numbers in the comments). Addresses are plain integers; RP2040_REG() turns
// one into a volatile word. Every APB/AHB peripheral also has atomic aliases: +0x1000
// XOR, +0x2000 set bits, +0x3000 clear bits (2.1.2), so no read-modify-write races an
// interrupt.
#ifndef RP2040_RP2040_H
#define RP2040_RP2040_H

#include <stdint.h>

#define RP2040_REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))
#define RP2040_ALIAS_XOR 0x1000u
#define RP2040_ALIAS_SET 0x2000u
#define RP2040_ALIAS_CLR 0x3000u
#define RP2040_SET(addr, bits) (RP2040_REG((addr) + RP2040_ALIAS_SET) = (bits))
#define RP2040_CLR(addr, bits) (RP2040_REG((addr) + RP2040_ALIAS_CLR) = (bits))

// ---------------------------------------------------------------- memory map (2.2)
#define XIP_BASE 0x10000000u
#define SRAM_BASE 0x20000000u
#define XIP_SSI_BASE 0x18000000u
#define CLOCKS_BASE 0x40008000u
#define RESETS_BASE 0x4000c000u
#define PSM_BASE 0x40010000u
#define IO_BANK0_BASE 0x40014000u
#define IO_QSPI_BASE 0x40018000u
#define PADS_BANK0_BASE 0x4001c000u
#define PADS_QSPI_BASE 0x40020000u
#define XOSC_BASE 0x40024000u
#define PLL_SYS_BASE 0x40028000u
#define PLL_USB_BASE 0x4002c000u
#define UART0_BASE 0x40034000u
#define UART1_BASE 0x40038000u
#define TIMER_BASE 0x40054000u
#define WATCHDOG_BASE 0x40058000u
#define SIO_BASE 0xd0000000u

// ---------------------------------------------------------------- RESETS (2.14)
#define RESETS_RESET (RESETS_BASE + 0x0u)
#define RESETS_RESET_DONE (RESETS_BASE + 0x8u)
#define RESETS_IO_BANK0 (1u << 5)
#define RESETS_IO_QSPI (1u << 6)
#define RESETS_PADS_BANK0 (1u << 8)
#define RESETS_PADS_QSPI (1u << 9)
#define RESETS_PLL_SYS (1u << 12)
#define RESETS_PLL_USB (1u << 13)
#define RESETS_SYSCFG (1u << 18)
#define RESETS_TIMER (1u << 21)
#define RESETS_UART0 (1u << 22)
#define RESETS_UART1 (1u << 23)

// ---------------------------------------------------------------- PSM (2.13)
#define PSM_WDSEL (PSM_BASE + 0x8u)
#define PSM_WDSEL_ALL_BUT_OSC 0x0001fffcu  // everything but ROSC and XOSC

// ---------------------------------------------------------------- XOSC (2.16)
#define XOSC_CTRL (XOSC_BASE + 0x00u)
#define XOSC_STATUS (XOSC_BASE + 0x04u)
#define XOSC_STARTUP (XOSC_BASE + 0x0cu)
#define XOSC_CTRL_FREQ_RANGE_1_15MHZ 0xaa0u
#define XOSC_CTRL_ENABLE (0xfabu << 12)
#define XOSC_STATUS_STABLE (1u << 31)

// ---------------------------------------------------------------- PLL (2.18)
#define PLL_CS 0x0u
#define PLL_PWR 0x4u
#define PLL_FBDIV_INT 0x8u
#define PLL_PRIM 0xcu
#define PLL_CS_LOCK (1u << 31)
#define PLL_PWR_PD (1u << 0)
#define PLL_PWR_POSTDIVPD (1u << 3)
#define PLL_PWR_VCOPD (1u << 5)
#define PLL_PRIM_POSTDIV1_LSB 16
#define PLL_PRIM_POSTDIV2_LSB 12

// ---------------------------------------------------------------- CLOCKS (2.15)
// Each generator: CTRL, DIV (integer part from bit 8), SELECTED (one-hot source).
#define CLK_REF_CTRL (CLOCKS_BASE + 0x30u)
#define CLK_REF_DIV (CLOCKS_BASE + 0x34u)
#define CLK_REF_SELECTED (CLOCKS_BASE + 0x38u)
#define CLK_SYS_CTRL (CLOCKS_BASE + 0x3cu)
#define CLK_SYS_DIV (CLOCKS_BASE + 0x40u)
#define CLK_SYS_SELECTED (CLOCKS_BASE + 0x44u)
#define CLK_PERI_CTRL (CLOCKS_BASE + 0x48u)
#define CLK_USB_CTRL (CLOCKS_BASE + 0x54u)
#define CLK_USB_DIV (CLOCKS_BASE + 0x58u)
#define CLK_ADC_CTRL (CLOCKS_BASE + 0x60u)
#define CLK_ADC_DIV (CLOCKS_BASE + 0x64u)
#define CLK_SYS_RESUS_CTRL (CLOCKS_BASE + 0x78u)
#define CLK_DIV_1 (1u << 8)
#define CLK_CTRL_ENABLE (1u << 11)
#define CLK_CTRL_AUXSRC_LSB 5
#define CLK_REF_SRC_ROSC 0u
#define CLK_REF_SRC_XOSC 2u
#define CLK_SYS_SRC_REF 0u
#define CLK_SYS_SRC_AUX 1u
#define CLK_SYS_AUX_PLL_SYS 0u
#define CLK_PERI_AUX_CLK_SYS 0u
#define CLK_USB_AUX_PLL_USB 0u  // clk_usb and clk_adc

// ---------------------------------------------------------------- WATCHDOG (4.7)
#define WATCHDOG_CTRL (WATCHDOG_BASE + 0x00u)
#define WATCHDOG_SCRATCH(n) (WATCHDOG_BASE + 0x0cu + 4u * (n))
#define WATCHDOG_TICK (WATCHDOG_BASE + 0x2cu)
#define WATCHDOG_CTRL_TRIGGER (1u << 31)
#define WATCHDOG_TICK_ENABLE (1u << 9)

// ---------------------------------------------------------------- TIMER (4.6)
#define TIMER_ALARM0 (TIMER_BASE + 0x10u)
#define TIMER_TIMERAWH (TIMER_BASE + 0x24u)
#define TIMER_TIMERAWL (TIMER_BASE + 0x28u)
#define TIMER_INTR (TIMER_BASE + 0x34u)
#define TIMER_INTE (TIMER_BASE + 0x38u)
#define TIMER_ALARM0_BIT (1u << 0)

// ---------------------------------------------------------------- IO_BANK0, PADS_BANK0 (2.19)
#define GPIO_COUNT 30
#define IO_BANK0_CTRL(n) (IO_BANK0_BASE + 8u * (n) + 4u)
#define GPIO_FUNC_UART 2u
#define GPIO_FUNC_SIO 5u
#define GPIO_FUNC_NULL 0x1fu
#define PADS_BANK0_GPIO(n) (PADS_BANK0_BASE + 4u + 4u * (n))
#define PADS_PDE (1u << 2)
#define PADS_PUE (1u << 3)
#define PADS_IE (1u << 6)
#define PADS_OD (1u << 7)

// ---------------------------------------------------------------- SIO (2.3.1)
#define SIO_CPUID (SIO_BASE + 0x000u)
#define SIO_GPIO_IN (SIO_BASE + 0x004u)
#define SIO_GPIO_OUT (SIO_BASE + 0x010u)
#define SIO_GPIO_OUT_SET (SIO_BASE + 0x014u)
#define SIO_GPIO_OUT_CLR (SIO_BASE + 0x018u)
#define SIO_GPIO_OE (SIO_BASE + 0x020u)
#define SIO_GPIO_OE_SET (SIO_BASE + 0x024u)
#define SIO_GPIO_OE_CLR (SIO_BASE + 0x028u)

// ---------------------------------------------------------------- UART: ARM PL011 (4.2)
#define UART_DR 0x00u
#define UART_RSR 0x04u
#define UART_FR 0x18u
#define UART_IBRD 0x24u
#define UART_FBRD 0x28u
#define UART_LCR_H 0x2cu
#define UART_CR 0x30u
#define UART_IFLS 0x34u
#define UART_IMSC 0x38u
#define UART_ICR 0x44u
#define UART_FR_BUSY (1u << 3)
#define UART_FR_RXFE (1u << 4)
#define UART_FR_TXFF (1u << 5)
#define UART_LCR_H_BRK (1u << 0)
#define UART_LCR_H_PEN (1u << 1)
#define UART_LCR_H_EPS (1u << 2)
#define UART_LCR_H_STP2 (1u << 3)
#define UART_LCR_H_FEN (1u << 4)
#define UART_LCR_H_WLEN_LSB 5
#define UART_CR_UARTEN (1u << 0)
#define UART_CR_TXE (1u << 8)
#define UART_CR_RXE (1u << 9)
#define UART_INT_RX (1u << 4)
#define UART_INT_RT (1u << 6)  // receive timeout: bytes below the FIFO level wait
#define UART_INT_ALL 0x7ffu

// The core's own registers (NVIC, SCB) are in ports/cortex_m/cortex_m.h.

// ---------------------------------------------------------------- interrupt lines (2.3.2)
#define TIMER_IRQ_0 0
#define UART0_IRQ 20
#define UART1_IRQ 21
#define RP2040_IRQ_COUNT 26

// ---------------------------------------------------------------- XIP SSI (4.10)
#define SSI_CTRLR0 (XIP_SSI_BASE + 0x00u)
#define SSI_CTRLR1 (XIP_SSI_BASE + 0x04u)
#define SSI_SSIENR (XIP_SSI_BASE + 0x08u)
#define SSI_SER (XIP_SSI_BASE + 0x10u)
#define SSI_BAUDR (XIP_SSI_BASE + 0x14u)
#define SSI_SR (XIP_SSI_BASE + 0x28u)
#define SSI_DR0 (XIP_SSI_BASE + 0x60u)
#define SSI_RX_SAMPLE_DLY (XIP_SSI_BASE + 0xf0u)
#define SSI_SPI_CTRLR0 (XIP_SSI_BASE + 0xf4u)
#define SSI_SR_BUSY (1u << 0)
#define SSI_SR_TFE (1u << 2)
#define SSI_SR_RFNE (1u << 3)
// CTRLR0: DFS_32 (frame size - 1) at 16, TMOD at 8 (0 TX and RX, 3 EEPROM read), SPI_FRF
// at 21 (0 standard, 2 quad).
#define SSI_CTRLR0_DFS_32_LSB 16
#define SSI_CTRLR0_TMOD_LSB 8
#define SSI_CTRLR0_SPI_FRF_LSB 21
#define SSI_TMOD_TX_RX 0u
#define SSI_TMOD_EEPROM_READ 3u
#define SSI_FRF_STD 0u
#define SSI_FRF_QUAD 2u
// SPI_CTRLR0: TRANS_TYPE at 0 (0 all serial, 1 command serial then quad address, 2 all
// quad), ADDR_L at 2 (in 4-bit units), INST_L at 8 (0 none, 2 eight bits), WAIT_CYCLES
// at 11, XIP_CMD at 24 (the command, or the mode bits appended when INST_L is 0).
#define SSI_SPI_TRANS_TYPE_LSB 0
#define SSI_SPI_ADDR_L_LSB 2
#define SSI_SPI_INST_L_LSB 8
#define SSI_SPI_WAIT_CYCLES_LSB 11
#define SSI_SPI_XIP_CMD_LSB 24

#endif // RP2040_RP2040_H
