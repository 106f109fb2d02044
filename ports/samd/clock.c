// clock.c -- the clock tree. SAMD21: the DFLL48M at 48 MHz (closed loop on the 32.768 kHz
// crystal when the board has one, else open loop on the factory calibration) drives GCLK0,
// the CPU and every SERCOM. SAMD51: the DFLL48M (48 MHz at reset) drives GCLK1 for the
// SERCOMs and, divided to 1 MHz on GCLK2, the reference of DPLL0, which makes 120 MHz
// for GCLK0 and the CPU. (DS40001882 chapters 15-17; DS60001507 chapters 14, 15, 28.)
#include "samd.h"

#if CONFIG_SAMD21
static void gclk_sync(void) {
    while (SAMD_REG8(GCLK_STATUS) & GCLK_STATUS_SYNCBUSY) {
    }
}

static void dfll_wait_ready(void) {
    while (!(SAMD_REG32(SYSCTRL_PCLKSR) & SYSCTRL_PCLKSR_DFLLRDY)) {
    }
}

void samd_clock_init(void) {
    // 48 MHz needs one flash wait state at 3.3 V (DS40001882 table 37-42).
    SAMD_REG32(NVMCTRL_CTRLB) = (SAMD_REG32(NVMCTRL_CTRLB) & ~NVMCTRL_CTRLB_RWS_MASK) | NVMCTRL_CTRLB_RWS(1);
    // Errata: the DFLL must be written with ONDEMAND clear before its other registers.
    SAMD_REG16(SYSCTRL_DFLLCTRL) = SYSCTRL_DFLLCTRL_ENABLE;
    dfll_wait_ready();
    uint32_t coarse = SAMD_REG32(NVM_CALIB_WORD1) >> 26;
    if (coarse == 0x3Fu) {
        coarse = 0x1Fu;  // an unprogrammed calibration: the middle of the range
    }
    SAMD_REG32(SYSCTRL_DFLLVAL) = (coarse << 10) | 0x200u;
    dfll_wait_ready();
#if CONFIG_SAMD_XOSC32K
    SAMD_REG16(SYSCTRL_XOSC32K) = (uint16_t)(SYSCTRL_XOSC32K_STARTUP(6) | SYSCTRL_XOSC32K_XTALEN
                                             | SYSCTRL_XOSC32K_EN32K);
    SAMD_REG16(SYSCTRL_XOSC32K) |= SYSCTRL_XOSC32K_ENABLE;
    while (!(SAMD_REG32(SYSCTRL_PCLKSR) & SYSCTRL_PCLKSR_XOSC32KRDY)) {
    }
    // GCLK1 = the crystal, the DFLL's reference: 48 MHz = 1465 x 32768 Hz (within 0.03 %).
    SAMD_REG32(GCLK_GENDIV) = 1u;
    gclk_sync();
    SAMD_REG32(GCLK_GENCTRL) = 1u | GCLK_GENCTRL_SRC(GCLK_SRC_XOSC32K) | GCLK_GENCTRL_GENEN;
    gclk_sync();
    SAMD_REG16(GCLK_CLKCTRL) = (uint16_t)(GCLK_ID_DFLL48M_REF | GCLK_CLKCTRL_GEN(1) | GCLK_CLKCTRL_CLKEN);
    gclk_sync();
    // Closed loop: coarse and fine steps of a quarter of their range, the multiplier.
    SAMD_REG32(SYSCTRL_DFLLMUL) = (7u << 26) | (0x3Fu << 16) | 1465u;
    dfll_wait_ready();
    SAMD_REG16(SYSCTRL_DFLLCTRL) = SYSCTRL_DFLLCTRL_ENABLE | SYSCTRL_DFLLCTRL_MODE | SYSCTRL_DFLLCTRL_WAITLOCK;
    uint32_t locked = SYSCTRL_PCLKSR_DFLLLCKC | SYSCTRL_PCLKSR_DFLLLCKF;
    while ((SAMD_REG32(SYSCTRL_PCLKSR) & locked) != locked) {
    }
#endif
    // GCLK0 (the CPU and the SERCOMs) = the DFLL, undivided.
    SAMD_REG32(GCLK_GENDIV) = 0u;
    gclk_sync();
    SAMD_REG32(GCLK_GENCTRL) = 0u | GCLK_GENCTRL_SRC(GCLK_SRC_DFLL48M) | GCLK_GENCTRL_GENEN | GCLK_GENCTRL_IDC;
    gclk_sync();
}

uint32_t samd_clock_cpu_hz(void) {
    return 48000000u;
}

void samd_clock_sercom(int n, bool on) {
    uint32_t bit = 1u << (2 + n);
    SAMD_REG32(PM_APBCMASK) = on ? SAMD_REG32(PM_APBCMASK) | bit : SAMD_REG32(PM_APBCMASK) & ~bit;
    SAMD_REG16(GCLK_CLKCTRL)
        = (uint16_t)(GCLK_ID_SERCOM_CORE((uint32_t)n) | GCLK_CLKCTRL_GEN(0) | (on ? GCLK_CLKCTRL_CLKEN : 0u));
    gclk_sync();
}

#elif CONFIG_SAMD51
static void gclk_sync(void) {
    while (SAMD_REG32(GCLK_SYNCBUSY)) {
    }
}

void samd_clock_init(void) {
    // Flash wait states follow the clock by themselves (NVMCTRL.CTRLA.AUTOWS, on at reset).
    // GCLK1 = the DFLL, 48 MHz: the SERCOMs' core clock (at most 100 MHz).
    SAMD_REG32(GCLK_GENCTRL(1)) = GCLK_GENCTRL_SRC(GCLK_SRC_DFLL) | GCLK_GENCTRL_GENEN;
    gclk_sync();
    // GCLK2 = 48 MHz / 48 = 1 MHz, the reference of DPLL0.
    SAMD_REG32(GCLK_GENCTRL(2)) = GCLK_GENCTRL_SRC(GCLK_SRC_DFLL) | GCLK_GENCTRL_GENEN | GCLK_GENCTRL_DIV(48);
    gclk_sync();
    SAMD_REG32(GCLK_PCHCTRL(GCLK_ID_FDPLL0)) = 2u | GCLK_PCHCTRL_CHEN;
    // DPLL0: 1 MHz x (LDR + 1) = 120 MHz.
    SAMD_REG32(OSCCTRL_DPLL0CTRLB) = 0u;  // reference: its GCLK channel
    SAMD_REG32(OSCCTRL_DPLL0RATIO) = CONFIG_SAMD51_CPU_MHZ - 1u;
    while (SAMD_REG32(OSCCTRL_DPLL0SYNCBUSY)) {
    }
    SAMD_REG8(OSCCTRL_DPLL0CTRLA) = OSCCTRL_DPLL_ENABLE;
    while ((SAMD_REG32(OSCCTRL_DPLL0STATUS) & OSCCTRL_DPLLSTATUS_READY) != OSCCTRL_DPLLSTATUS_READY) {
    }
    SAMD_REG32(GCLK_GENCTRL(0)) = GCLK_GENCTRL_SRC(GCLK_SRC_DPLL0) | GCLK_GENCTRL_GENEN;
    gclk_sync();
}

uint32_t samd_clock_cpu_hz(void) {
    return CONFIG_SAMD51_CPU_MHZ * 1000000u;
}

// Where each SERCOM's bus clock is gated (MCLK APBx mask and bit) and its core clock
// channel (DS60001507 tables 14-9 and 15-6).
typedef struct {
    uint32_t apb_mask;
    uint8_t apb_bit;
    uint8_t gclk_id;
} sercom_clock_t;

static const sercom_clock_t sercom_clocks[SAMD_SERCOM_COUNT] = {
    {MCLK_APBAMASK, 12, 7}, {MCLK_APBAMASK, 13, 8}, {MCLK_APBBMASK, 9, 23},
    {MCLK_APBBMASK, 10, 24}, {MCLK_APBDMASK, 0, 34}, {MCLK_APBDMASK, 1, 35},
};

void samd_clock_sercom(int n, bool on) {
    const sercom_clock_t *c = &sercom_clocks[n];
    uint32_t bit = 1u << c->apb_bit;
    SAMD_REG32(c->apb_mask) = on ? SAMD_REG32(c->apb_mask) | bit : SAMD_REG32(c->apb_mask) & ~bit;
    SAMD_REG32(GCLK_PCHCTRL(c->gclk_id)) = on ? 1u | GCLK_PCHCTRL_CHEN : 0u;
}
#endif
