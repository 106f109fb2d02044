// trap.c -- what c3_trap_entry (c3_start.S) calls: interrupts go to their driver, an
// exception (illegal instruction, misaligned or faulting access, ebreak) is printed with
// mcause/mepc/mtval and stops the program. Also the halt at the end of the program.
#include "c3hal.h"
#include "esp32c3.h"

#define MCAUSE_INTERRUPT (1u << 31)
// Exit status of a fatal exception (as STM32's fault handler uses).
#define C3_FAULT_STATUS 3

static void put_hex(const char *label, uint32_t v) {
    char buf[20];
    size_t n = 0;
    while (*label) {
        buf[n++] = *label++;
    }
    for (int shift = 28; shift >= 0; shift -= 4) {
        buf[n++] = "0123456789abcdef"[(v >> shift) & 15u];
    }
    c3_console_write(buf, n);
}

void c3_trap_handler(uint32_t mcause, uint32_t mepc, uint32_t mtval) {
    if (mcause & MCAUSE_INTERRUPT) {
        switch (mcause & 31u) {
            case C3_CPU_INT_UART:
                c3_uart_isr();
                break;
            case C3_CPU_INT_SYSTIMER:
                c3_tick_isr();
                break;
            default:
                break;
        }
        return;
    }
    static const char msg[] = "\nFATAL: CPU exception";
    c3_console_write(msg, sizeof(msg) - 1);
    put_hex(" mcause=0x", mcause);
    put_hex(" mepc=0x", mepc);
    put_hex(" mtval=0x", mtval);
    c3_console_write("\n", 1);
    c3_halt(C3_FAULT_STATUS);
}

_Noreturn void c3_halt(int status) {
    if (c3_runner_batch()) {
        // The CPU-level runner's exit call: ebreak with a0 = status, a1 = "MPFX".
        register int a0 __asm__("a0") = status;
        register uint32_t a1 __asm__("a1") = 0x5846504Du;
        __asm__ volatile("ebreak" : : "r"(a0), "r"(a1) : "memory");
    }
    for (;;) {
        c3_intr_wait();
    }
}
