// stm32f4.h -- register addresses and bit positions of the STM32F405/F411 peripherals
// this port drives. Facts from RM0090 (F405),
// RM0383 (F411) and the ARMv7-M Architecture Reference Manual; no code lives here.
#ifndef STM32_STM32F4_H
#define STM32_STM32F4_H

#include <stdint.h>

#include "config.h"
#include "cortex_m.h"

// A memory-mapped 32-bit register at [addr] (the Cortex-M system registers, SysTick
// and the NVIC are in ports/cortex_m/cortex_m.h).
#define STM32_REG(addr) CM_REG(addr)

// ---------------------------------------------------------------- RCC (reset and clock control)
#define RCC_BASE 0x40023800u
#define RCC_CR (RCC_BASE + 0x00u)
#define RCC_CR_HSION (1u << 0)
#define RCC_CR_HSIRDY (1u << 1)
#define RCC_CR_HSEON (1u << 16)
#define RCC_CR_HSERDY (1u << 17)
#define RCC_CR_HSEBYP (1u << 18)
#define RCC_CR_PLLON (1u << 24)
#define RCC_CR_PLLRDY (1u << 25)
#define RCC_PLLCFGR (RCC_BASE + 0x04u)
#define RCC_PLLCFGR_M_SHIFT 0    // 6 bits, 2..63
#define RCC_PLLCFGR_N_SHIFT 6    // 9 bits, 50..432
#define RCC_PLLCFGR_P_SHIFT 16   // 2 bits: P = 2 * (field + 1)
#define RCC_PLLCFGR_SRC_HSE (1u << 22)
#define RCC_PLLCFGR_Q_SHIFT 24   // 4 bits, 2..15
#define RCC_CFGR (RCC_BASE + 0x08u)
#define RCC_CFGR_SW_MASK 0x3u
#define RCC_CFGR_SW_HSI 0x0u
#define RCC_CFGR_SW_PLL 0x2u
#define RCC_CFGR_SWS_SHIFT 2
#define RCC_CFGR_PPRE1_SHIFT 10  // 3 bits: 0xx /1, 100 /2, 101 /4, 110 /8, 111 /16
#define RCC_CFGR_PPRE2_SHIFT 13
#define RCC_AHB1ENR (RCC_BASE + 0x30u)  // bit n: GPIO port n (A = 0)
#define RCC_APB1ENR (RCC_BASE + 0x40u)
#define RCC_APB1ENR_PWREN (1u << 28)
#define RCC_APB2ENR (RCC_BASE + 0x44u)

// ---------------------------------------------------------------- PWR, FLASH interface
#define PWR_CR 0x40007000u
#define PWR_CR_VOS_SHIFT 14  // F405: 1 bit (1 = scale 1); F411: 2 bits (11 = scale 1)
#define FLASH_ACR 0x40023C00u
#define FLASH_ACR_PRFTEN (1u << 8)
#define FLASH_ACR_ICEN (1u << 9)
#define FLASH_ACR_DCEN (1u << 10)

// ---------------------------------------------------------------- GPIO (port n at BASE + n * 0x400)
#define GPIO_BASE(port) (0x40020000u + 0x400u * (port))
#define GPIO_MODER 0x00u   // 2 bits per pin: 00 in, 01 out, 10 alternate, 11 analog
#define GPIO_OTYPER 0x04u
#define GPIO_OSPEEDR 0x08u
#define GPIO_PUPDR 0x0Cu   // 2 bits per pin: 00 none, 01 up, 10 down
#define GPIO_IDR 0x10u
#define GPIO_ODR 0x14u
#define GPIO_BSRR 0x18u    // low half sets, high half resets
#define GPIO_AFRL 0x20u    // 4 bits per pin, pins 0..7
#define GPIO_AFRH 0x24u    // pins 8..15

// ---------------------------------------------------------------- USART (RM0090 30.6)
// Base addresses and interrupt lines (RM0090 2.3 and table 61; RM0383 table 37).
#define USART1_BASE 0x40011000u
#define USART2_BASE 0x40004400u
#define USART3_BASE 0x40004800u
#define UART4_BASE 0x40004C00u
#define UART5_BASE 0x40005000u
#define USART6_BASE 0x40011400u
#define USART1_IRQ 37
#define USART2_IRQ 38
#define USART3_IRQ 39
#define UART4_IRQ 52
#define UART5_IRQ 53
#define USART6_IRQ 71
// The F411 has USART1, 2 and 6 only.
#if defined(CONFIG_CHIP_STM32F405RG)
#define STM32_HAS_USART3_4_5 1
#else
#define STM32_HAS_USART3_4_5 0
#endif

#define USART_SR 0x00u
#define USART_SR_ORE (1u << 3)
#define USART_SR_RXNE (1u << 5)
#define USART_SR_TC (1u << 6)
#define USART_SR_TXE (1u << 7)
#define USART_DR 0x04u
#define USART_BRR 0x08u
#define USART_CR1 0x0Cu
#define USART_CR1_SBK (1u << 0)  // send break: hardware clears it after the break
#define USART_CR1_RE (1u << 2)
#define USART_CR1_TE (1u << 3)
#define USART_CR1_RXNEIE (1u << 5)
#define USART_CR1_PS (1u << 9)   // parity: 0 even, 1 odd
#define USART_CR1_PCE (1u << 10)
#define USART_CR1_M (1u << 12)   // word length 9 bits (data + parity)
#define USART_CR1_UE (1u << 13)
#define USART_CR2 0x10u
#define USART_CR2_STOP_2 (2u << 12)  // STOP[13:12] = 10: two stop bits

// ---------------------------------------------------------------- device electronic signature
#define STM32_UID_BASE 0x1FFF7A10u  // 96-bit unique device ID

#endif // STM32_STM32F4_H
