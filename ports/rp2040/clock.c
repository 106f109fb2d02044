// clock.c -- the clock tree (RP2040 datasheet 2.15-2.18): the 12 MHz crystal
// oscillator, PLL_SYS at 125 MHz for clk_sys and clk_peri, PLL_USB at 48 MHz for clk_usb
// and clk_adc, clk_ref from the crystal; and the watchdog tick that turns clk_ref into
// the TIMER's 1 MHz.
#include "rp2040.h"
#include "rp2040hal.h"

// PLL settings: f_out = XOSC / REFDIV * FBDIV / (POSTDIV1 * POSTDIV2), with the VCO
// (XOSC / REFDIV * FBDIV) within 750..1600 MHz (2.18.2).
typedef struct {
    uint32_t base;
    uint32_t reset_bit;
    uint32_t fbdiv;
    uint32_t postdiv1, postdiv2;
} pll_setting_t;

// 12 MHz * 125 = 1500 MHz VCO, / 6 / 2 = 125 MHz.
static const pll_setting_t pll_sys = {PLL_SYS_BASE, RESETS_PLL_SYS, 125, 6, 2};
// 12 MHz * 100 = 1200 MHz VCO, / 5 / 5 = 48 MHz (what USB needs exactly).
static const pll_setting_t pll_usb = {PLL_USB_BASE, RESETS_PLL_USB, 100, 5, 5};

// XOSC start-up delay in units of 256 crystal cycles: about 1 ms (2.16.3).
#define XOSC_STARTUP_DELAY ((CONFIG_RP2040_XOSC_HZ / 1000u + 128u) / 256u)

void rp2040_unreset(uint32_t mask) {
    RP2040_CLR(RESETS_RESET, mask);
    while ((RP2040_REG(RESETS_RESET_DONE) & mask) != mask) {
    }
}

static void pll_start(const pll_setting_t *pll) {
    RP2040_SET(RESETS_RESET, pll->reset_bit);  // from a known state
    rp2040_unreset(pll->reset_bit);
    RP2040_REG(pll->base + PLL_CS) = 1;  // REFDIV = 1
    RP2040_REG(pll->base + PLL_FBDIV_INT) = pll->fbdiv;
    RP2040_CLR(pll->base + PLL_PWR, PLL_PWR_PD | PLL_PWR_VCOPD);
    while (!(RP2040_REG(pll->base + PLL_CS) & PLL_CS_LOCK)) {
    }
    RP2040_REG(pll->base + PLL_PRIM) = pll->postdiv1 << PLL_PRIM_POSTDIV1_LSB | pll->postdiv2 << PLL_PRIM_POSTDIV2_LSB;
    RP2040_CLR(pll->base + PLL_PWR, PLL_PWR_POSTDIVPD);
}

static uint32_t pll_hz(uint32_t base) {
    uint32_t refdiv = RP2040_REG(base + PLL_CS) & 0x3fu;
    uint32_t fbdiv = RP2040_REG(base + PLL_FBDIV_INT) & 0xfffu;
    uint32_t prim = RP2040_REG(base + PLL_PRIM);
    uint32_t pd = ((prim >> PLL_PRIM_POSTDIV1_LSB) & 7u) * ((prim >> PLL_PRIM_POSTDIV2_LSB) & 7u);
    if (refdiv == 0 || pd == 0) {
        return 0;
    }
    return (uint32_t)((uint64_t)CONFIG_RP2040_XOSC_HZ / refdiv * fbdiv / pd);
}

void rp2040_clock_init(void) {
    RP2040_REG(CLK_SYS_RESUS_CTRL) = 0;
    RP2040_REG(XOSC_CTRL) = XOSC_CTRL_FREQ_RANGE_1_15MHZ;
    RP2040_REG(XOSC_STARTUP) = XOSC_STARTUP_DELAY;
    RP2040_SET(XOSC_CTRL, XOSC_CTRL_ENABLE);
    while (!(RP2040_REG(XOSC_STATUS) & XOSC_STATUS_STABLE)) {
    }
    // Run from clk_ref (the ring oscillator) while the PLLs restart: the glitchless
    // multiplexers switch only between their own sources.
    RP2040_CLR(CLK_SYS_CTRL, 1u);
    while (RP2040_REG(CLK_SYS_SELECTED) != 1u << CLK_SYS_SRC_REF) {
    }
    pll_start(&pll_sys);
    pll_start(&pll_usb);

    RP2040_REG(CLK_REF_DIV) = CLK_DIV_1;
    RP2040_REG(CLK_REF_CTRL) = CLK_REF_SRC_XOSC;
    while (RP2040_REG(CLK_REF_SELECTED) != 1u << CLK_REF_SRC_XOSC) {
    }
    RP2040_REG(CLK_SYS_DIV) = CLK_DIV_1;
    RP2040_REG(CLK_SYS_CTRL) = CLK_SYS_AUX_PLL_SYS << CLK_CTRL_AUXSRC_LSB | CLK_SYS_SRC_REF;
    RP2040_REG(CLK_SYS_CTRL) = CLK_SYS_AUX_PLL_SYS << CLK_CTRL_AUXSRC_LSB | CLK_SYS_SRC_AUX;
    while (RP2040_REG(CLK_SYS_SELECTED) != 1u << CLK_SYS_SRC_AUX) {
    }
    RP2040_REG(CLK_USB_DIV) = CLK_DIV_1;
    RP2040_REG(CLK_USB_CTRL) = CLK_CTRL_ENABLE | CLK_USB_AUX_PLL_USB << CLK_CTRL_AUXSRC_LSB;
    RP2040_REG(CLK_ADC_DIV) = CLK_DIV_1;
    RP2040_REG(CLK_ADC_CTRL) = CLK_CTRL_ENABLE | CLK_USB_AUX_PLL_USB << CLK_CTRL_AUXSRC_LSB;
    RP2040_REG(CLK_PERI_CTRL) = CLK_CTRL_ENABLE | CLK_PERI_AUX_CLK_SYS << CLK_CTRL_AUXSRC_LSB;

    // The watchdog's tick divides clk_ref down to 1 MHz for the TIMER (4.7.2).
    RP2040_REG(WATCHDOG_TICK) = WATCHDOG_TICK_ENABLE | CONFIG_RP2040_XOSC_HZ / 1000000u;
}

uint32_t rp2040_clock_sys_hz(void) {
    return pll_hz(PLL_SYS_BASE) / (RP2040_REG(CLK_SYS_DIV) >> 8 ? RP2040_REG(CLK_SYS_DIV) >> 8 : 1u);
}

uint32_t rp2040_clock_peri_hz(void) {
    return rp2040_clock_sys_hz();  // clk_peri runs from clk_sys undivided
}
