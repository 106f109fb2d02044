// fault.c -- the fault handler: names the exception, prints the stacked registers and
// (ARMv7-M) the fault status/address registers on the console (polled, so it works
// with interrupts masked), then halts -- or leaves the emulator with CM_FATAL_STATUS
// in a non-interactive run (cm_runner_batch).
#include "cortex_m.h"

void cm_fault_init(void) {
#if !CM_ARMV6M
    CM_REG(SCB_SHCSR) |= SCB_SHCSR_MEMFAULTENA | SCB_SHCSR_BUSFAULTENA | SCB_SHCSR_USGFAULTENA;
    CM_REG(SCB_CCR) |= SCB_CCR_DIV_0_TRP;
#endif
}

static void put(const char *s) {
    size_t n = 0;
    while (s[n]) {
        n++;
    }
    cm_console_write(s, n, true);
}

#if CONFIG_CORTEX_M_FAULT_REPORT
// Print "[name]=0x%08x" followed by [sep].
static void put_reg(const char *name, uint32_t v, const char *sep) {
    char hex[11] = "0x";
    for (int i = 0; i < 8; i++) {
        hex[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xFu];
    }
    hex[10] = '\0';
    put(name);
    put("=");
    put(hex);
    put(sep);
}

static const char *exception_name(uint32_t ipsr) {
    switch (ipsr) {
        case 2: return "NMI";
        case 3: return "HardFault";
#if !CM_ARMV6M
        case 4: return "MemManage";
        case 5: return "BusFault";
        case 6: return "UsageFault";
#endif
        default: return "unexpected interrupt";
    }
}

#endif

// Called by cm_fault_isr with the exception frame the hardware stacked ([frame]:
// r0 r1 r2 r3 r12 lr pc xpsr) and the EXC_RETURN value.
__attribute__((used, noinline, noreturn)) static void fault_report(const uint32_t *frame, uint32_t exc_return) {
#if !CONFIG_CORTEX_M_FAULT_REPORT
    (void)frame;
    (void)exc_return;
    put("\n*** FATAL\n");
#else
    uint32_t ipsr;
    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    ipsr &= 0x1FFu;
    put("\n*** FATAL: ");
    put(exception_name(ipsr));
    if (ipsr >= 16) {
        put_reg(" IRQ", ipsr - 16, "");
    }
    put("\n");
    put_reg("r0 ", frame[0], "  ");
    put_reg("r1 ", frame[1], "  ");
    put_reg("r2 ", frame[2], "  ");
    put_reg("r3 ", frame[3], "\n");
    put_reg("r12", frame[4], "  ");
    put_reg("lr ", frame[5], "  ");
    put_reg("pc ", frame[6], "  ");
    put_reg("xpsr", frame[7], "\n");
    put_reg("sp ", (uint32_t)(uintptr_t)frame, "  ");
    put_reg("exc_return", exc_return, "\n");
#if !CM_ARMV6M
    put_reg("cfsr", CM_REG(SCB_CFSR), "  ");
    put_reg("hfsr", CM_REG(SCB_HFSR), "  ");
    put_reg("mmfar", CM_REG(SCB_MMFAR), "  ");
    put_reg("bfar", CM_REG(SCB_BFAR), "\n");
#endif
#endif
    cm_halt(CM_FATAL_STATUS);
}

// Entry from the vector table: pick the stack the frame went on (EXC_RETURN bit 2:
// 0 = MSP, 1 = PSP) and hand it to fault_report.
__attribute__((naked)) void cm_fault_isr(void) {
#if CM_ARMV6M
    // Thumb-1 only: no IT blocks; BL reaches fault_report wherever it is linked.
    __asm__ volatile(
        "movs r0, #4\n"
        "mov r1, lr\n"
        "tst r0, r1\n"
        "bne 1f\n"
        "mrs r0, msp\n"
        "bl fault_report\n"
        "1:\n"
        "mrs r0, psp\n"
        "bl fault_report\n");
#else
    __asm__ volatile(
        "tst lr, #4\n"
        "ite eq\n"
        "mrseq r0, msp\n"
        "mrsne r0, psp\n"
        "mov r1, lr\n"
        "b fault_report\n");
#endif
}
