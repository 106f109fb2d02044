// clock.c -- the CPU clock (TRM 6 "Reset and Clock"). The ROM hands over with the SoC
// clock on the 40 MHz crystal or on the PLL; from the PLL the CPU runs at 80 or 160 MHz
// (CPUPERIOD_SEL) and the APB bus at 80 MHz, from the crystal both at 40 MHz / (PRE_DIV
// + 1). Bringing the PLL up from the crystal needs the analog (I2C) registers that only
// the ROM drives: on the crystal this port stays there and reports it.
#include "c3hal.h"
#include "esp32c3.h"

#define SOC_CLK_XTAL 0u
#define SOC_CLK_PLL 1u

static bool on_pll(void) {
    return SYSTEM_SOC_CLK_SEL(C3_REG(C3_SYSTEM_BASE + SYSTEM_SYSCLK_CONF)) == SOC_CLK_PLL;
}

bool c3_clock_set_cpu_mhz(uint32_t mhz) {
    if (!on_pll() || (mhz != 80 && mhz != 160)) {
        return false;
    }
    uint32_t conf = C3_REG(C3_SYSTEM_BASE + SYSTEM_CPU_PER_CONF) & ~SYSTEM_CPUPERIOD_MASK;
    C3_REG(C3_SYSTEM_BASE + SYSTEM_CPU_PER_CONF) = conf | (mhz == 160 ? 1u : 0u);
    return true;
}

void c3_clock_init(void) {
    (void)c3_clock_set_cpu_mhz(CONFIG_ESP32C3_CPU_MHZ);
}

uint32_t c3_clock_cpu_hz(void) {
    uint32_t sys = C3_REG(C3_SYSTEM_BASE + SYSTEM_SYSCLK_CONF);
    if (SYSTEM_SOC_CLK_SEL(sys) != SOC_CLK_PLL) {
        return C3_XTAL_HZ / (SYSTEM_PRE_DIV(sys) + 1u);
    }
    return (C3_REG(C3_SYSTEM_BASE + SYSTEM_CPU_PER_CONF) & SYSTEM_CPUPERIOD_MASK) == 1u ? 160000000u : 80000000u;
}

uint32_t c3_clock_apb_hz(void) {
    return on_pll() ? 80000000u : c3_clock_cpu_hz();
}
