// chip.c -- the chip-wide functions of the shared machine module (machine_hal.h): reset,
// the CPU clock and the unique ID (the eFuse MAC).
#include <string.h>

#include "c3hal.h"
#include "esp32c3.h"

_Noreturn void mhal_reset(void) {
    c3_system_reset();
}

uint32_t mhal_freq(void) {
    return c3_clock_cpu_hz();
}

// 80 or 160 MHz, from the PLL.
const char *mhal_freq_set(uint32_t hz) {
    if ((hz != 80000000u && hz != 160000000u) || !c3_clock_set_cpu_mhz(hz / 1000000u)) {
        return "freq must be 80000000 or 160000000 (the CPU must run from the PLL)";
    }
    return NULL;
}

// The 6-byte factory MAC address from eFuse block 1, most significant first.
size_t mhal_unique_id(uint8_t buf[MHAL_UNIQUE_ID_MAX]) {
    uint32_t lo = C3_REG(C3_EFUSE_BASE + EFUSE_RD_MAC_0);
    uint32_t hi = C3_REG(C3_EFUSE_BASE + EFUSE_RD_MAC_1);
    const uint8_t mac[6] = {(uint8_t)(hi >> 8), (uint8_t)hi, (uint8_t)(lo >> 24), (uint8_t)(lo >> 16),
        (uint8_t)(lo >> 8), (uint8_t)lo};
    memcpy(buf, mac, sizeof(mac));
    return sizeof(mac);
}
