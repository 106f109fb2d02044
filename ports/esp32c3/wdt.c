// wdt.c -- the watchdogs the ROM leaves armed (TRM 12 "Watchdog Timers", 13 "XTAL32K
// Watchdog"/super watchdog): the RTC watchdog (RWDT), the main watchdogs of timer groups
// 0 and 1 (MWDT0/1) and the super watchdog (SWD). Each configuration register is
// write-protected: write the key to the protect register, change, write anything else.
#include "c3hal.h"
#include "esp32c3.h"

static void timg_wdt_off(uint32_t base) {
    C3_REG(base + TIMG_WDTWPROTECT) = C3_TIMG_WDT_KEY;
    uint32_t conf = C3_REG(base + TIMG_WDTCONFIG0) & ~(TIMG_WDT_EN | TIMG_WDT_FLASHBOOT_MOD_EN);
    C3_REG(base + TIMG_WDTCONFIG0) = conf | TIMG_WDT_CONF_UPDATE_EN;  // latch the new config
    C3_REG(base + TIMG_WDTWPROTECT) = 0;
}

void c3_wdt_disable_all(void) {
    C3_REG(C3_RTC_CNTL_BASE + RTC_CNTL_WDTWPROTECT) = C3_RTC_WDT_KEY;
    C3_REG(C3_RTC_CNTL_BASE + RTC_CNTL_WDTCONFIG0) = 0;  // WDT_EN, FLASHBOOT_MOD_EN and stages off
    C3_REG(C3_RTC_CNTL_BASE + RTC_CNTL_WDTWPROTECT) = 0;

    C3_REG(C3_RTC_CNTL_BASE + RTC_CNTL_SWD_WPROTECT) = C3_SWD_KEY;
    C3_REG(C3_RTC_CNTL_BASE + RTC_CNTL_SWD_CONF) |= RTC_CNTL_SWD_DISABLE;
    C3_REG(C3_RTC_CNTL_BASE + RTC_CNTL_SWD_WPROTECT) = 0;

    timg_wdt_off(C3_TIMG0_BASE);
    timg_wdt_off(C3_TIMG1_BASE);
}

_Noreturn void c3_system_reset(void) {
    C3_REG(C3_RTC_CNTL_BASE + RTC_CNTL_OPTIONS0) |= RTC_CNTL_SW_SYS_RST;
    for (;;) {
    }
}
