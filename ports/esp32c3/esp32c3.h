// esp32c3.h -- the ESP32-C3 registers this port touches, from the ESP32-C3 Technical
// Reference Manual (chapter numbers in the comments). Addresses and bit positions only;
// nothing here knows about the Python core.
#ifndef ESP32C3_ESP32C3_H
#define ESP32C3_ESP32C3_H

#include <stdint.h>

#define C3_REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

// ---------------------------------------------------------------- memory map (TRM 3.3)
// SRAM1 is one 384 KiB block seen twice: as IRAM (instruction bus) and as DRAM (data bus).
#define C3_IRAM_BASE 0x40380000u
#define C3_DRAM_BASE 0x3FC80000u
#define C3_IRAM_TO_DRAM(a) ((a) - (C3_IRAM_BASE - C3_DRAM_BASE))

// ---------------------------------------------------------------- UART0/1 (TRM 26)
#define C3_UART0_BASE 0x60000000u
#define C3_UART1_BASE 0x60010000u
#define UART_FIFO 0x00       // read: next received byte; write: queue a byte to send
#define UART_INT_RAW 0x04
#define UART_INT_ST 0x08
#define UART_INT_ENA 0x0C
#define UART_INT_CLR 0x10
#define UART_INT_RXFIFO_FULL (1u << 0)
#define UART_INT_RXFIFO_TOUT (1u << 8)
#define UART_CLKDIV 0x14     // CLKDIV [11:0], fractional part FRAG [23:20] (sixteenths)
#define UART_STATUS 0x1C     // RXFIFO_CNT [9:0], TXFIFO_CNT [25:16]
#define UART_STATUS_RXCNT(s) ((s) & 0x3FFu)
#define UART_STATUS_TXCNT(s) (((s) >> 16) & 0x3FFu)
#define UART_CONF0 0x20
#define UART_CONF0_PARITY_ODD (1u << 0)
#define UART_CONF0_PARITY_EN (1u << 1)
#define UART_CONF0_BIT_NUM(n) ((uint32_t)((n) - 5) << 2)  // data bits 5..8
#define UART_CONF0_STOP_1 (1u << 4)
#define UART_CONF0_STOP_2 (3u << 4)
#define UART_CONF0_TXD_BRK (1u << 8)
#define UART_CONF0_RXFIFO_RST (1u << 17)
#define UART_CONF0_TXFIFO_RST (1u << 18)
#define UART_CONF1 0x24      // RXFIFO_FULL_THRHD [8:0]
#define UART_FIFO_SIZE 128u
#define UART_CLK_CONF 0x78   // SCLK_DIV_NUM [19:12], SCLK_SEL [21:20] (1 APB), SCLK_EN b22,
#define UART_CLK_CONF_APB ((1u << 20) | (1u << 22) | (1u << 24) | (1u << 25))  // + TX/RX_SCLK_EN
#define UART_CLK_CONF_DIV_NUM_SHIFT 12  // SCLK_DIV_NUM: the UART clock is SCLK / (it + 1)
#define UART_ID 0x80
#define UART_ID_REG_UPDATE (1u << 31)  // copy the configuration into the UART's clock domain
#define UART_TX_IDLE 0x2C              // UART_FSM_STATUS: ST_UTX_OUT [7:4], 0 when idle

// ---------------------------------------------------------------- GPIO, IO MUX (TRM 5)
#define C3_GPIO_BASE 0x60004000u
#define GPIO_OUT_W1TS 0x08
#define GPIO_OUT_W1TC 0x0C
#define GPIO_OUT 0x04
#define GPIO_ENABLE 0x20
#define GPIO_ENABLE_W1TS 0x24
#define GPIO_ENABLE_W1TC 0x28
#define GPIO_IN 0x3C
#define GPIO_PIN(n) (0x74 + 4 * (n))
#define GPIO_PIN_PAD_DRIVER (1u << 2)  // open drain
#define GPIO_FUNC_IN_SEL(sig) (0x154 + 4 * (sig))
#define GPIO_IN_SEL_MATRIX (1u << 6)  // SIG_IN_SEL: route through the matrix
#define GPIO_FUNC_OUT_SEL(n) (0x554 + 4 * (n))
#define GPIO_OUT_SEL_SIMPLE 0x80u     // 128: the pin is driven by GPIO_OUT
#define GPIO_OUT_SEL_OEN (1u << 9)    // OEN_SEL: output enable from GPIO_ENABLE
#define C3_GPIO_COUNT 22
#define C3_SIG_U0TXD 6u
#define C3_SIG_U0RXD 6u
#define C3_SIG_U1TXD 9u
#define C3_SIG_U1RXD 9u

#define C3_IO_MUX_BASE 0x60009000u
#define IO_MUX_GPIO(n) (0x04 + 4 * (n))
#define IO_MUX_FUN_WPD (1u << 7)
#define IO_MUX_FUN_WPU (1u << 8)
#define IO_MUX_FUN_IE (1u << 9)
#define IO_MUX_FUN_DRV_MASK (3u << 10)
#define IO_MUX_FUN_DRV_DEFAULT (2u << 10)
#define IO_MUX_MCU_SEL_MASK (7u << 12)
#define IO_MUX_MCU_SEL_GPIO (1u << 12)  // function 1: GPIO (through the matrix)

// ---------------------------------------------------------------- watchdogs (TRM 12, 13)
#define C3_RTC_CNTL_BASE 0x60008000u
#define RTC_CNTL_OPTIONS0 0x00
#define RTC_CNTL_SW_SYS_RST (1u << 31)
#define RTC_CNTL_WDTCONFIG0 0x90
#define RTC_CNTL_WDTFEED 0xA4
#define RTC_CNTL_WDTWPROTECT 0xA8
#define RTC_CNTL_SWD_CONF 0xAC
#define RTC_CNTL_SWD_DISABLE (1u << 30)
#define RTC_CNTL_SWD_WPROTECT 0xB0
#define C3_RTC_WDT_KEY 0x50D83AA1u
#define C3_SWD_KEY 0x8F1D312Au

#define C3_TIMG0_BASE 0x6001F000u
#define C3_TIMG1_BASE 0x60020000u
#define TIMG_WDTCONFIG0 0x48
#define TIMG_WDT_EN (1u << 31)
#define TIMG_WDT_FLASHBOOT_MOD_EN (1u << 14)
#define TIMG_WDT_CONF_UPDATE_EN (1u << 22)
#define TIMG_WDTWPROTECT 0x64
#define C3_TIMG_WDT_KEY 0x50D83AA1u

// ---------------------------------------------------------------- system, clocks (TRM 6, 7)
#define C3_SYSTEM_BASE 0x600C0000u
#define SYSTEM_CPU_PER_CONF 0x08  // CPUPERIOD_SEL [1:0]: 0 80 MHz, 1 160 MHz (from the PLL)
#define SYSTEM_CPUPERIOD_MASK 3u
#define SYSTEM_SYSCLK_CONF 0x58   // PRE_DIV_CNT [9:0], SOC_CLK_SEL [11:10]: 0 XTAL, 1 PLL
#define SYSTEM_SOC_CLK_SEL(v) (((v) >> 10) & 3u)
#define SYSTEM_PRE_DIV(v) ((v) & 0x3FFu)
#define C3_XTAL_HZ 40000000u

// ---------------------------------------------------------------- SYSTIMER (TRM 10)
#define C3_SYSTIMER_BASE 0x60023000u
#define SYSTIMER_CONF 0x00
#define SYSTIMER_CONF_CLK_EN (1u << 31)
#define SYSTIMER_CONF_UNIT0_WORK_EN (1u << 30)
#define SYSTIMER_CONF_TARGET0_WORK_EN (1u << 24)
#define SYSTIMER_UNIT0_OP 0x04
#define SYSTIMER_OP_UPDATE (1u << 30)
#define SYSTIMER_OP_VALUE_VALID (1u << 29)
#define SYSTIMER_TARGET0_CONF 0x34  // PERIOD [25:0], PERIOD_MODE b30, TIMER_UNIT_SEL b31
#define SYSTIMER_TARGET_PERIOD_MODE (1u << 30)
#define SYSTIMER_UNIT0_VALUE_HI 0x40
#define SYSTIMER_UNIT0_VALUE_LO 0x44
#define SYSTIMER_COMP0_LOAD 0x50
#define SYSTIMER_INT_ENA 0x64
#define SYSTIMER_INT_CLR 0x6C
#define SYSTIMER_INT_TARGET0 (1u << 0)
#define C3_SYSTIMER_HZ 16000000u  // XTAL / 2.5

// ---------------------------------------------------------------- interrupt matrix (TRM 8)
#define C3_INTMTX_BASE 0x600C2000u
#define INTMTX_MAP(source) (4u * (source))  // which CPU interrupt (1..31, 0 = none) a source raises
#define INTMTX_CPU_INT_ENABLE 0x104
#define INTMTX_CPU_INT_TYPE 0x108           // 1: edge
#define INTMTX_CPU_INT_CLEAR 0x10C          // edge interrupts: write 1 then 0
#define INTMTX_CPU_INT_PRI(n) (0x114 + 4u * (n))
#define INTMTX_CPU_INT_THRESH 0x194
#define C3_SOURCE_UART0 21u
#define C3_SOURCE_UART1 22u
#define C3_SOURCE_SYSTIMER_TARGET0 37u
#define C3_CPU_INT_UART 1u      // the CPU interrupt lines this port uses
#define C3_CPU_INT_SYSTIMER 2u

// ---------------------------------------------------------------- eFuse (TRM 4)
#define C3_EFUSE_BASE 0x60008800u
#define EFUSE_RD_MAC_0 0x44  // MAC bytes 2..5 (little-endian word: byte 5 lowest)
#define EFUSE_RD_MAC_1 0x48  // MAC bytes 0..1 in [15:0]

#endif // ESP32C3_ESP32C3_H
