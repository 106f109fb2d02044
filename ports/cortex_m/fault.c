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
// The names of the exceptions from number 2 (NMI) on, one after the other (and for any
// other number: "unexpected interrupt").
static const char exception_names[] = "NMI\0HardFault\0"
#if !CM_ARMV6M
                                      "MemManage\0BusFault\0UsageFault\0"
#endif
                                      "unexpected interrupt";
#define NAMED_EXCEPTIONS (CM_ARMV6M ? 2u : 5u)

// The registers fault_report prints, in its order: the stacked frame (r0 r1 r2 r3 r12 lr
// pc xpsr), the stack pointer, EXC_RETURN and (ARMv7-M) the fault status and address
// registers; four to a line (two on the third).
static const char reg_names[] = "r0 \0r1 \0r2 \0r3 \0r12\0lr \0pc \0xpsr\0sp \0exc_return"
#if !CM_ARMV6M
                                "\0cfsr\0hfsr\0mmfar\0bfar"
#endif
    ;
#define N_REGS (CM_ARMV6M ? 10 : 14)
#define LINE_ENDS ((1u << 3) | (1u << 7) | (1u << 9) | (1u << 13))  // after these registers

// The string after the one at [s] in a list of NUL-terminated strings.
static const char *next_name(const char *s) {
    while (*s++ != '\0') {
    }
    return s;
}

// Print "[name]=0x%08x".
static void put_reg(const char *name, uint32_t v) {
    char hex[12] = "=0x";
    for (int i = 0; i < 8; i++) {
        hex[3 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xFu];
    }
    hex[11] = '\0';
    put(name);
    put(hex);
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
    const char *name = exception_names;
    for (uint32_t n = ipsr - 2u < NAMED_EXCEPTIONS ? ipsr - 2u : NAMED_EXCEPTIONS; n > 0; n--) {
        name = next_name(name);
    }
    put(name);
    if (ipsr >= 16) {
        put_reg(" IRQ", ipsr - 16);
    }
    uint32_t v[N_REGS];
    for (int i = 0; i < 8; i++) {
        v[i] = frame[i];
    }
    v[8] = (uint32_t)(uintptr_t)frame;
    v[9] = exc_return;
#if !CM_ARMV6M
    v[10] = CM_REG(SCB_CFSR);
    v[11] = CM_REG(SCB_HFSR);
    v[12] = CM_REG(SCB_MMFAR);
    v[13] = CM_REG(SCB_BFAR);
#endif
    const char *reg = reg_names;
    for (int i = 0; i < N_REGS; i++) {
        put((i == 0 || (LINE_ENDS >> (i - 1)) & 1u) ? "\n" : "  ");
        put_reg(reg, v[i]);
        reg = next_name(reg);
    }
    put("\n");
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
