// clock.c -- the clock tree (RCC): HSI as the chip starts, or HSE through the main
// PLL with the bus prescalers and flash wait states the frequency needs.
#include "stm32f4.h"
#include "stm32hal.h"

// The HSI RC oscillator every STM32F4 starts on.
#define STM32_HSI_HZ 16000000u

// Polls of a ready flag before giving up: HSE crystals start in 2 ms at most
// (datasheet tSU(HSE)); ~4M loop iterations is well above that at 16 MHz.
#define STM32_READY_POLLS 4000000u

#if CONFIG_STM32_CLOCK_HSE_PLL
_Static_assert((uint64_t)CONFIG_STM32_HSE_HZ / CONFIG_STM32_PLL_M * CONFIG_STM32_PLL_N / CONFIG_STM32_PLL_P
                   == CONFIG_STM32_SYSCLK_HZ,
               "CONFIG_STM32_HSE_HZ / PLL_M * PLL_N / PLL_P must equal CONFIG_STM32_SYSCLK_HZ");
_Static_assert(CONFIG_STM32_PLL_P % 2 == 0, "CONFIG_STM32_PLL_P must be 2, 4, 6 or 8");
#endif

// PPRE field of RCC_CFGR for dividing by [d] (1, 2, 4, 8, 16).
#define STM32_PPRE(d) ((d) == 1 ? 0u : (d) == 2 ? 4u : (d) == 4 ? 5u : (d) == 8 ? 6u : 7u)

// Voltage scale 1 (the highest clock), as PWR_CR.VOS encodes it on each chip.
#if CONFIG_CHIP_STM32F411RE
#define STM32_VOS_SCALE1 3u
#else
#define STM32_VOS_SCALE1 1u
#endif

#if CONFIG_STM32_CLOCK_HSE_PLL
// The PLL may fail to start: the clock is known at run time.
static uint32_t hclk_hz = STM32_HSI_HZ;
static uint32_t apb1_div = 1, apb2_div = 1;
static bool fell_back;
#elif CONFIG_STM32_CLOCK_EMULATED
// Fixed clocks: constants (the console's baud divisor is worked out at compile time).
#define hclk_hz ((uint32_t)CONFIG_STM32_SYSCLK_HZ)
#define apb1_div ((uint32_t)CONFIG_STM32_APB1_DIV)
#define apb2_div ((uint32_t)CONFIG_STM32_APB2_DIV)
#define fell_back false
#else
#define hclk_hz STM32_HSI_HZ
#define apb1_div 1u
#define apb2_div 1u
#define fell_back false
#endif

#if CONFIG_STM32_CLOCK_HSE_PLL
// Wait until all of [mask] is set in the register at [addr]; false on timeout.
static bool wait_set(uint32_t addr, uint32_t mask) {
    for (uint32_t i = 0; i < STM32_READY_POLLS; i++) {
        if ((STM32_REG(addr) & mask) == mask) {
            return true;
        }
    }
    return false;
}

// HSE -> PLL -> SYSCLK; on any timeout the chip stays on HSI and false is returned.
static bool start_pll(void) {
    STM32_REG(RCC_APB1ENR) |= RCC_APB1ENR_PWREN;
    (void)STM32_REG(RCC_APB1ENR);  // the enable takes effect before PWR is written
    STM32_REG(PWR_CR) |= STM32_VOS_SCALE1 << PWR_CR_VOS_SHIFT;

#if CONFIG_STM32_HSE_BYPASS
    STM32_REG(RCC_CR) |= RCC_CR_HSEBYP;  // only writable while HSE is off
#endif
    STM32_REG(RCC_CR) |= RCC_CR_HSEON;
    if (!wait_set(RCC_CR, RCC_CR_HSERDY)) {
        STM32_REG(RCC_CR) &= ~(RCC_CR_HSEON | RCC_CR_HSEBYP);
        return false;
    }
    STM32_REG(RCC_PLLCFGR) = ((uint32_t)CONFIG_STM32_PLL_M << RCC_PLLCFGR_M_SHIFT)
        | ((uint32_t)CONFIG_STM32_PLL_N << RCC_PLLCFGR_N_SHIFT)
        | ((uint32_t)(CONFIG_STM32_PLL_P / 2 - 1) << RCC_PLLCFGR_P_SHIFT)
        | RCC_PLLCFGR_SRC_HSE
        | ((uint32_t)CONFIG_STM32_PLL_Q << RCC_PLLCFGR_Q_SHIFT);
    STM32_REG(RCC_CR) |= RCC_CR_PLLON;
    if (!wait_set(RCC_CR, RCC_CR_PLLRDY)) {
        STM32_REG(RCC_CR) &= ~(RCC_CR_PLLON | RCC_CR_HSEON);
        return false;
    }
    // Wait states before the clock goes up; read back, as RM0090 3.5.1 asks.
    STM32_REG(FLASH_ACR) = CONFIG_STM32_FLASH_LATENCY | FLASH_ACR_PRFTEN | FLASH_ACR_ICEN | FLASH_ACR_DCEN;
    if ((STM32_REG(FLASH_ACR) & 0xFu) != CONFIG_STM32_FLASH_LATENCY) {
        return false;
    }
    uint32_t cfgr = STM32_REG(RCC_CFGR);
    cfgr &= ~((7u << RCC_CFGR_PPRE1_SHIFT) | (7u << RCC_CFGR_PPRE2_SHIFT) | RCC_CFGR_SW_MASK);
    cfgr |= STM32_PPRE(CONFIG_STM32_APB1_DIV) << RCC_CFGR_PPRE1_SHIFT;
    cfgr |= STM32_PPRE(CONFIG_STM32_APB2_DIV) << RCC_CFGR_PPRE2_SHIFT;
    STM32_REG(RCC_CFGR) = cfgr | RCC_CFGR_SW_PLL;
    for (uint32_t i = 0; i < STM32_READY_POLLS; i++) {
        if (((STM32_REG(RCC_CFGR) >> RCC_CFGR_SWS_SHIFT) & 3u) == RCC_CFGR_SW_PLL) {
            return true;
        }
    }
    return false;
}
#endif

void stm32_clock_init(void) {
#if CONFIG_STM32_CLOCK_HSE_PLL
    if (start_pll()) {
        hclk_hz = CONFIG_STM32_SYSCLK_HZ;
        apb1_div = CONFIG_STM32_APB1_DIV;
        apb2_div = CONFIG_STM32_APB2_DIV;
    } else {
        fell_back = true;
    }
#elif CONFIG_STM32_CLOCK_EMULATED
    // The emulator's fixed clock (the constants above); its RCC is not modelled, so
    // nothing is written.
#else
    // HSI at 16 MHz needs no wait states; turn the flash caches on.
    STM32_REG(FLASH_ACR) = FLASH_ACR_PRFTEN | FLASH_ACR_ICEN | FLASH_ACR_DCEN;
#endif
}

uint32_t stm32_clock_hclk_hz(void) {
    return hclk_hz;
}

uint32_t stm32_clock_apb_hz(int bus) {
    return hclk_hz / (bus == 1 ? apb1_div : apb2_div);
}

bool stm32_clock_fell_back(void) {
    return fell_back;
}
