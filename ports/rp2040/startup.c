// startup.c -- from boot2's jump to main(): the vector table (at 0x10000100, right after
// boot2), the .data copy and .bss clear, the peripherals out of reset, the clocks, the
// TIMER and the console; plus reset, halt, the semihosting exit and the fault handler.
// Nothing on this path calls the boot ROM (the emulator runs without one).
#include <stdint.h>

#include "rp2040.h"
#include "rp2040hal.h"

// Symbols of the generated linker script (ldscript.ld.in).
extern uint32_t _estack;
extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss;

int main(void);
void rp2040_reset_isr(void);

typedef void (*rp2040_vector_t)(void);

// Every entry starts as the fault handler (it names an unexpected interrupt by its
// number); the ones this port handles are set after it.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
__attribute__((section(".isr_vector"), used))
const rp2040_vector_t rp2040_vectors[16 + RP2040_IRQ_COUNT] = {
    [2 ... 16 + RP2040_IRQ_COUNT - 1] = rp2040_fault_isr,
    [0] = (rp2040_vector_t)(uintptr_t)&_estack,
    [1] = rp2040_reset_isr,
    [16 + TIMER_IRQ_0] = rp2040_timer_isr,
    [16 + UART0_IRQ] = rp2040_uart_isr,
    [16 + UART1_IRQ] = rp2040_uart_isr,
};
#pragma GCC diagnostic pop

// Peripherals the port uses, taken out of the reset the boot ROM leaves them in.
#define USED_BLOCKS (RESETS_IO_BANK0 | RESETS_PADS_BANK0 | RESETS_SYSCFG)

__attribute__((noreturn)) void rp2040_reset_isr(void) {
    uint32_t *src = &_sidata;
    for (uint32_t *dst = &_sdata; dst < &_edata;) {
        *dst++ = *src++;
    }
    for (uint32_t *dst = &_sbss; dst < &_ebss;) {
        *dst++ = 0;
    }
    RP2040_REG(SCB_VTOR) = (uint32_t)(uintptr_t)rp2040_vectors;
    rp2040_unreset(USED_BLOCKS);
    rp2040_clock_init();
    rp2040_timer_init();
    rp2040_console_init();
    int status = main();
    rp2040_halt(status);
}

void rp2040_unique_id(uint8_t id[8]) {
    for (unsigned i = 0; i < 8; i++) {
        id[i] = (uint8_t)(RP2040_REG(WATCHDOG_SCRATCH(i / 4u)) >> (8u * (i % 4u)));
    }
}

_Noreturn void rp2040_system_reset(void) {
    RP2040_REG(PSM_WDSEL) = PSM_WDSEL_ALL_BUT_OSC;
    RP2040_SET(WATCHDOG_CTRL, WATCHDOG_CTRL_TRIGGER);
    for (;;) {
        __asm__ volatile("wfi");
    }
}

#if CONFIG_SEMIHOSTING_EXIT
// ARM semihosting SYS_EXIT_EXTENDED: r1 -> {reason, exit code}; the runner (or a
// debugger) ends the program with the code.
#define SYS_EXIT_EXTENDED 0x20u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

static _Noreturn void semihost_exit(int status) {
    static uint32_t block[2];
    block[0] = ADP_STOPPED_APPLICATION_EXIT;
    block[1] = (uint32_t)status;
    register uint32_t r0 __asm__("r0") = SYS_EXIT_EXTENDED;
    register uint32_t *r1 __asm__("r1") = block;
    __asm__ volatile("bkpt 0xAB" : : "r"(r0), "r"(r1) : "memory");
    for (;;) {
    }
}
#endif

_Noreturn void rp2040_halt(int status) {
#if CONFIG_SEMIHOSTING_EXIT
    semihost_exit(status);
#else
    (void)status;
    for (;;) {
        __asm__ volatile("wfi");
    }
#endif
}

// ---------------------------------------------------------------- faults
// Exit status after a fault under SEMIHOSTING_EXIT (as abort() gives).
#define RP2040_FAULT_STATUS 3

static void put(const char *s) {
    size_t n = 0;
    while (s[n]) {
        n++;
    }
    rp2040_console_write(s, n, true);
}

static void put_reg(const char *name, uint32_t v) {
    char text[12] = " =0x";
    for (int i = 0; i < 8; i++) {
        text[4 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xfu];
    }
    put(name);
    put(text + 1);
    put(" ");
}

// Called by rp2040_fault_isr with the stacked frame (r0 r1 r2 r3 r12 lr pc xpsr).
__attribute__((used, noreturn)) static void fault_report(const uint32_t *frame) {
    uint32_t ipsr;
    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    ipsr &= 0x3fu;
    put(ipsr == 3 ? "\n*** FATAL: HardFault\n" : ipsr == 2 ? "\n*** FATAL: NMI\n" : "\n*** FATAL: unexpected interrupt\n");
    put_reg("exception", ipsr);
    put_reg("pc", frame[6]);
    put_reg("lr", frame[5]);
    put_reg("xpsr", frame[7]);
    put("\n");
    put_reg("r0", frame[0]);
    put_reg("r1", frame[1]);
    put_reg("r2", frame[2]);
    put_reg("r3", frame[3]);
    put_reg("sp", (uint32_t)(uintptr_t)frame);
    put("\n");
    rp2040_halt(RP2040_FAULT_STATUS);
}

// Entry from the vector table: the frame is on the stack EXC_RETURN bit 2 names (the
// M0+ has no IT blocks, so a branch picks it).
__attribute__((naked)) void rp2040_fault_isr(void) {
    __asm__ volatile(
        "movs r0, #4\n"
        "mov r1, lr\n"
        "tst r0, r1\n"
        "bne 1f\n"
        "mrs r0, msp\n"
        "b fault_report\n"
        "1: mrs r0, psp\n"
        "b fault_report\n");
}
