// esp8266.h -- the ESP8266 registers this port touches (ESP8266 Technical Reference and
// the ROM's address map). Addresses and bit positions only.
#ifndef ESP8266_ESP8266_H
#define ESP8266_ESP8266_H

#include <stdint.h>

#define E8_REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

// ---------------------------------------------------------------- UART0/1 (TRM 11)
#define E8_UART0_BASE 0x60000000u
#define E8_UART1_BASE 0x60000F00u
#define UART_FIFO 0x00
#define UART_CLKDIV 0x14  // 20-bit divider of the 80 MHz APB clock
#define UART_STATUS 0x1C  // RXFIFO_CNT [7:0], TXFIFO_CNT [23:16]
#define UART_STATUS_RXCNT(s) ((s) & 0xFFu)
#define UART_STATUS_TXCNT(s) (((s) >> 16) & 0xFFu)
#define UART_CONF0 0x20
#define UART_CONF0_PARITY_ODD (1u << 0)
#define UART_CONF0_PARITY_EN (1u << 1)
#define UART_CONF0_BIT_NUM(n) ((uint32_t)((n) - 5) << 2)
#define UART_CONF0_STOP_1 (1u << 4)
#define UART_CONF0_STOP_2 (3u << 4)
#define UART_CONF0_TXD_BRK (1u << 8)
#define UART_FIFO_SIZE 128u
#define E8_APB_HZ 80000000u

// ---------------------------------------------------------------- GPIO and pin mux (TRM 4)
#define E8_GPIO_BASE 0x60000300u
#define GPIO_OUT 0x00
#define GPIO_OUT_W1TS 0x04
#define GPIO_OUT_W1TC 0x08
#define GPIO_ENABLE_W1TS 0x10
#define GPIO_ENABLE_W1TC 0x14
#define GPIO_IN 0x18
#define GPIO_PIN(n) (0x28 + 4 * (n))
#define GPIO_PIN_PAD_DRIVER (1u << 2)  // open drain
#define E8_IO_MUX_BASE 0x60000800u
#define IO_MUX_PULLUP (1u << 7)
#define IO_MUX_FUNC_MASK ((3u << 4) | (1u << 8))
#define IO_MUX_FUNC(f) ((((uint32_t)(f) & 3u) << 4) | (((uint32_t)(f) & 4u) << 6))

// ---------------------------------------------------------------- timers, watchdog, CPU
#define E8_FRC2_LOAD 0x60000620u
#define E8_FRC2_COUNT 0x60000624u
#define E8_FRC2_CTRL 0x60000628u
#define FRC2_CTRL_ENABLE (1u << 7)
#define FRC2_CTRL_DIV256 (2u << 2)
#define E8_FRC2_HZ (E8_APB_HZ / 256u)
#define E8_WDT_CTL 0x60000900u
#define WDT_CTL_ENABLE (1u << 0)
#define E8_WDT_RST 0x60000914u
#define WDT_FEED_KEY 0x73u
#define E8_DPORT_CPU_CLK 0x3FF00014u  // bit 0: CPU at 160 MHz (twice the 80 MHz clock)
#define E8_EFUSE_DATA0 0x3FF00050u     // chip ID words (the MAC is derived from them)
#define E8_EFUSE_DATA1 0x3FF00054u
#define E8_ROM_RESET_VECTOR 0x40000080u

#endif // ESP8266_ESP8266_H
