// intr.c -- the interrupt matrix (TRM 8): each peripheral source is mapped to one of the
// 31 CPU interrupt lines, which has an enable bit, a type (level here) and a priority;
// the CPU takes a line whose priority is at least the threshold while mstatus.MIE is set.
#include "c3hal.h"
#include "esp32c3.h"

#define PRIORITY 1u

void c3_intr_route(uint32_t source, uint32_t cpu_int) {
    C3_REG(C3_INTMTX_BASE + INTMTX_MAP(source)) = cpu_int;
    C3_REG(C3_INTMTX_BASE + INTMTX_CPU_INT_TYPE) &= ~(1u << cpu_int);
    C3_REG(C3_INTMTX_BASE + INTMTX_CPU_INT_PRI(cpu_int)) = PRIORITY;
    C3_REG(C3_INTMTX_BASE + INTMTX_CPU_INT_THRESH) = PRIORITY;
    C3_REG(C3_INTMTX_BASE + INTMTX_CPU_INT_ENABLE) |= 1u << cpu_int;
}

void c3_intr_enable_global(void) {
    __asm__ volatile(".option push\n .option arch, +zicsr\n csrsi mstatus, 8\n .option pop" ::: "memory");  // MIE
}

void c3_intr_wait(void) {
    __asm__ volatile("wfi" ::: "memory");
}
