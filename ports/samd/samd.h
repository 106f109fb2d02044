// samd.h -- the registers of the SAMD21 and SAMD51 this port touches, and the chip
// files' functions. Facts from Microchip's SAM D21/DA1 Family Data Sheet (DS40001882)
// and SAM D5x/E5x Family Data Sheet (DS60001507). One prefix per file: samd_clock_
// clock.c, samd_gpio_ gpio.c, samd_sercom_ sercom.c; chip.c holds the vectors.
#ifndef SAMD_SAMD_H
#define SAMD_SAMD_H

#include "cortex_m.h"

#define SAMD_REG8(addr) (*(volatile uint8_t *)(uintptr_t)(addr))
#define SAMD_REG16(addr) (*(volatile uint16_t *)(uintptr_t)(addr))
#define SAMD_REG32(addr) CM_REG(addr)

#if CONFIG_SAMD21
// ---------------------------------------------------------------- SAMD21
#define PM_BASE 0x40000400u
#define PM_APBCMASK (PM_BASE + 0x20u)  // SERCOMn: bit 2 + n
#define SYSCTRL_BASE 0x40000800u
#define SYSCTRL_PCLKSR (SYSCTRL_BASE + 0x0Cu)
#define SYSCTRL_PCLKSR_XOSC32KRDY (1u << 1)
#define SYSCTRL_PCLKSR_DFLLRDY (1u << 4)
#define SYSCTRL_PCLKSR_DFLLLCKF (1u << 6)
#define SYSCTRL_PCLKSR_DFLLLCKC (1u << 7)
#define SYSCTRL_XOSC32K (SYSCTRL_BASE + 0x14u)  // 16-bit
#define SYSCTRL_XOSC32K_ENABLE (1u << 1)
#define SYSCTRL_XOSC32K_XTALEN (1u << 2)
#define SYSCTRL_XOSC32K_EN32K (1u << 3)
#define SYSCTRL_XOSC32K_STARTUP(n) ((uint32_t)(n) << 8)
#define SYSCTRL_DFLLCTRL (SYSCTRL_BASE + 0x24u)  // 16-bit
#define SYSCTRL_DFLLCTRL_ENABLE (1u << 1)
#define SYSCTRL_DFLLCTRL_MODE (1u << 2)  // closed loop
#define SYSCTRL_DFLLCTRL_WAITLOCK (1u << 11)
#define SYSCTRL_DFLLVAL (SYSCTRL_BASE + 0x28u)
#define SYSCTRL_DFLLMUL (SYSCTRL_BASE + 0x2Cu)
#define GCLK_BASE 0x40000C00u
#define GCLK_STATUS (GCLK_BASE + 0x01u)  // 8-bit: SYNCBUSY bit 7
#define GCLK_STATUS_SYNCBUSY (1u << 7)
#define GCLK_CLKCTRL (GCLK_BASE + 0x02u)  // 16-bit: ID[5:0], GEN[11:8], CLKEN bit 14
#define GCLK_CLKCTRL_GEN(n) ((uint32_t)(n) << 8)
#define GCLK_CLKCTRL_CLKEN (1u << 14)
#define GCLK_GENCTRL (GCLK_BASE + 0x04u)  // ID[3:0], SRC[12:8], GENEN bit 16, IDC bit 17
#define GCLK_GENCTRL_SRC(n) ((uint32_t)(n) << 8)
#define GCLK_GENCTRL_GENEN (1u << 16)
#define GCLK_GENCTRL_IDC (1u << 17)
#define GCLK_GENDIV (GCLK_BASE + 0x08u)  // ID[3:0], DIV[23:8]
#define GCLK_SRC_XOSC32K 0x05u
#define GCLK_SRC_DFLL48M 0x07u
#define GCLK_ID_DFLL48M_REF 0x00u
#define GCLK_ID_SERCOM_CORE(n) (0x14u + (n))
#define NVMCTRL_CTRLB 0x41004004u
#define NVMCTRL_CTRLB_RWS(n) ((uint32_t)(n) << 1)
#define NVMCTRL_CTRLB_RWS_MASK (0xFu << 1)
// NVM software calibration area: DFLL48M coarse value in bits 63:58.
#define NVM_CALIB_WORD1 0x00806024u
#define PORT_BASE 0x41004400u
#define SAMD_SERCOM_BASE(n) (0x42000800u + 0x400u * (n))
#define SAMD_SERCOM_COUNT 6
#define SAMD_SERCOM_RX_IRQ(n) (9 + (n))  // one line per SERCOM
#define SAMD_IRQ_COUNT 29
#define SAMD_UID_WORDS {0x0080A00Cu, 0x0080A040u, 0x0080A044u, 0x0080A048u}
#define SAMD_PMUX_MAX 7  // functions A..H

#elif CONFIG_SAMD51
// ---------------------------------------------------------------- SAMD51
#define MCLK_BASE 0x40000800u
#define MCLK_APBAMASK (MCLK_BASE + 0x14u)
#define MCLK_APBBMASK (MCLK_BASE + 0x18u)
#define MCLK_APBDMASK (MCLK_BASE + 0x20u)
#define OSCCTRL_BASE 0x40001000u
#define OSCCTRL_DPLL0CTRLA (OSCCTRL_BASE + 0x30u)  // 8-bit: ENABLE bit 1
#define OSCCTRL_DPLL0RATIO (OSCCTRL_BASE + 0x34u)  // LDR[12:0], LDRFRAC[19:16]
#define OSCCTRL_DPLL0CTRLB (OSCCTRL_BASE + 0x38u)  // REFCLK[7:5]: 0 = GCLK
#define OSCCTRL_DPLL0SYNCBUSY (OSCCTRL_BASE + 0x3Cu)
#define OSCCTRL_DPLL0STATUS (OSCCTRL_BASE + 0x40u)  // LOCK bit 0, CLKRDY bit 1
#define OSCCTRL_DPLL_ENABLE (1u << 1)
#define OSCCTRL_DPLLSTATUS_READY 0x3u
#define GCLK_BASE 0x40001C00u
#define GCLK_SYNCBUSY (GCLK_BASE + 0x04u)
#define GCLK_GENCTRL(n) (GCLK_BASE + 0x20u + 4u * (n))  // SRC[4:0], GENEN bit 8, DIV[31:16]
#define GCLK_GENCTRL_SRC(n) ((uint32_t)(n))
#define GCLK_GENCTRL_GENEN (1u << 8)
#define GCLK_GENCTRL_DIV(n) ((uint32_t)(n) << 16)
#define GCLK_PCHCTRL(m) (GCLK_BASE + 0x80u + 4u * (m))  // GEN[3:0], CHEN bit 6
#define GCLK_PCHCTRL_CHEN (1u << 6)
#define GCLK_SRC_DFLL 0x06u
#define GCLK_SRC_DPLL0 0x07u
#define GCLK_ID_FDPLL0 1u
#define PORT_BASE 0x41008000u
#define SAMD_SERCOM_COUNT 6
// SERCOMn has four interrupt lines from 46 + 4n; receive-complete is the third.
#define SAMD_SERCOM_RX_IRQ(n) (46 + 4 * (n) + 2)
#define SAMD_IRQ_COUNT 137
#define SAMD_UID_WORDS {0x008061FCu, 0x00806010u, 0x00806014u, 0x00806018u}
#define SAMD_PMUX_MAX 13  // functions A..N
#else
#error "the SAMD port needs CONFIG_SAMD21 or CONFIG_SAMD51"
#endif

// ---------------------------------------------------------------- PORT (both)
#define PORT_GROUP(g) (PORT_BASE + 0x80u * (g))
#define PORT_DIR 0x00u
#define PORT_DIRCLR 0x04u
#define PORT_DIRSET 0x08u
#define PORT_OUT 0x10u
#define PORT_OUTCLR 0x14u
#define PORT_OUTSET 0x18u
#define PORT_IN 0x20u
#define PORT_PMUX(pin) (0x30u + (pin) / 2u)  // even pin: bits 3:0, odd pin: bits 7:4
#define PORT_PINCFG(pin) (0x40u + (pin))
#define PORT_PINCFG_PMUXEN (1u << 0)
#define PORT_PINCFG_INEN (1u << 1)
#define PORT_PINCFG_PULLEN (1u << 2)
#define SAMD_PORT_GROUPS 2  // PA and PB on the packages this port supports

// ---------------------------------------------------------------- SERCOM USART (both)
#define SERCOM_CTRLA 0x00u
#define SERCOM_CTRLA_SWRST (1u << 0)
#define SERCOM_CTRLA_ENABLE (1u << 1)
#define SERCOM_CTRLA_MODE_USART_INT (1u << 2)
#define SERCOM_CTRLA_TXPO(n) ((uint32_t)(n) << 16)
#define SERCOM_CTRLA_RXPO(n) ((uint32_t)(n) << 20)
#define SERCOM_CTRLA_FORM_PARITY (1u << 24)
#define SERCOM_CTRLA_DORD (1u << 30)  // LSB first
#define SERCOM_CTRLB 0x04u
#define SERCOM_CTRLB_SBMODE (1u << 6)  // two stop bits
#define SERCOM_CTRLB_PMODE (1u << 13)  // odd parity
#define SERCOM_CTRLB_TXEN (1u << 16)
#define SERCOM_CTRLB_RXEN (1u << 17)
#define SERCOM_BAUD 0x0Cu  // 16-bit
#define SERCOM_INTENCLR 0x14u
#define SERCOM_INTENSET 0x16u
#define SERCOM_INTFLAG 0x18u
#define SERCOM_INTFLAG_DRE (1u << 0)
#define SERCOM_INTFLAG_TXC (1u << 1)
#define SERCOM_INTFLAG_RXC (1u << 2)
#define SERCOM_STATUS 0x1Au  // 16-bit: PERR 0, FERR 1, BUFOVF 2 (write 1 to clear)
#define SERCOM_STATUS_ERRORS 0x7u
#define SERCOM_SYNCBUSY 0x1Cu
#define SERCOM_DATA 0x28u

#if CONFIG_SAMD51
// SAMD51 SERCOM bases are not evenly spaced.
static const uint32_t samd_sercom_bases[SAMD_SERCOM_COUNT] = {
    0x40003000u, 0x40003400u, 0x41012000u, 0x41014000u, 0x43000000u, 0x43000400u};
#define SAMD_SERCOM_BASE(n) (samd_sercom_bases[(n)])
#endif

// ---------------------------------------------------------------- clock.c
// Clock tree at reset: 48 MHz from the DFLL (SAMD51: then 120 MHz from DPLL0); every
// SERCOM core clock comes from a 48 MHz generator.
void samd_clock_init(void);
uint32_t samd_clock_cpu_hz(void);
#define SAMD_SERCOM_CLOCK_HZ 48000000u
// Clock SERCOM [n]'s bus interface and core (APB mask, GCLK channel); off when ![on].
void samd_clock_sercom(int n, bool on);

// ---------------------------------------------------------------- gpio.c
// Pin numbers: group * 32 + bit (PA0 = 0, PB0 = 32).
#define SAMD_PIN(group, bit) ((unsigned)(group) * 32u + (unsigned)(bit))
// Route [pin] to peripheral function [function] (0 = A ... ), or back to GPIO when < 0.
void samd_gpio_function(unsigned pin, int function);

// ---------------------------------------------------------------- sercom.c
// The console SERCOM, opened at reset from the config.
void samd_console_init(void);
// The receive-complete interrupt of every SERCOM (chip.c's vectors).
void samd_sercom_isr(void);
// Close the UARTs Python opened (a soft reset).
void samd_sercom_close_all(void);

#endif // SAMD_SAMD_H
