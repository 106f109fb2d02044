// semihost.c -- ARM semihosting, used only to leave the emulator with a status in a
// non-interactive run (cm_runner_mode; CONFIG_SEMIHOSTING_EXIT forces it). The host
// debugger or QEMU services the call.
#include "cortex_m.h"

volatile uint32_t cm_runner_mode;

// Semihosting operation numbers and the reason code (ARM semihosting spec v2).
#define SYS_EXIT_EXTENDED 0x20u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

_Noreturn void cm_semihost_exit(int status) {
    // SYS_EXIT_EXTENDED takes r1 -> {reason, exit code}: QEMU exits with that code.
    static uint32_t block[2];
    block[0] = ADP_STOPPED_APPLICATION_EXIT;
    block[1] = (uint32_t)status;
    register uint32_t r0 __asm__("r0") = SYS_EXIT_EXTENDED;
    register uint32_t *r1 __asm__("r1") = block;
    __asm__ volatile("bkpt 0xAB" : : "r"(r0), "r"(r1) : "memory");
    for (;;) {
    }
}
