// startup.c -- what runs from reset to main(): the 16 system vectors (the chip's
// interrupt vectors follow them, see CM_CHIP_VECTORS), FPU enable, the .data copy
// and .bss clear, the fault exceptions and the chip's init; plus reset and halt.
#include "cortex_m.h"

// Symbols of the generated linker script (ldscript.ld.in).
extern uint32_t _estack;   // initial stack pointer: top of the stack region
extern uint32_t _sidata;   // .data's initial values in flash
extern uint32_t _sdata, _edata, _sbss, _ebss;

int main(void);

// The system vectors, linked first in flash (section .isr_vector); the faults and NMI
// go to the fault printer, SysTick (when used) to the tick.
__attribute__((section(".isr_vector"), used))
const cm_vector_t cm_system_vectors[16] = {
    [0] = (cm_vector_t)(uintptr_t)&_estack,
    [1] = cm_reset_isr,
    [2] = cm_fault_isr,   // NMI
    [3] = cm_fault_isr,   // HardFault
    [4] = cm_fault_isr,   // MemManage (ARMv7-M)
    [5] = cm_fault_isr,   // BusFault (ARMv7-M)
    [6] = cm_fault_isr,   // UsageFault (ARMv7-M)
    [7 ... 14] = cm_fault_isr,  // reserved, SVCall, DebugMonitor, PendSV: unexpected here
#if CONFIG_CORTEX_M_SYSTICK
    [15] = cm_tick_isr,
#else
    [15] = cm_fault_isr,
#endif
};

// Reset: runs on the stack the hardware loaded from vector 0, before .data exists.
_Noreturn void cm_reset_isr(void) {
#if defined(__ARM_FP)
    // FPU first: the compiler may use it in any code below (hard-float ABI).
    CM_REG(SCB_CPACR) |= SCB_CPACR_CP10_CP11_FULL;
    __asm__ volatile("dsb\n isb" ::: "memory");
#endif

    uint32_t *src = &_sidata;
    for (uint32_t *dst = &_sdata; dst < &_edata;) {
        *dst++ = *src++;
    }
    const uint32_t runner_mode = cm_runner_mode;  // set by the emulator: survives the clear
    for (uint32_t *dst = &_sbss; dst < &_ebss;) {
        *dst++ = 0;
    }
    cm_runner_mode = runner_mode;
#if CONFIG_CORTEX_M_VTOR
    // Booting from flash (or a bootloader) maps another table at 0: point at ours.
    CM_REG(SCB_VTOR) = (uint32_t)(uintptr_t)cm_system_vectors;
#endif

    cm_fault_init();
    cm_chip_init();
    int status = main();
    cm_halt(status);
}

_Noreturn void cm_system_reset(void) {
    __asm__ volatile("dsb" ::: "memory");
    CM_REG(SCB_AIRCR) = SCB_AIRCR_KEY | SCB_AIRCR_SYSRESETREQ;
    __asm__ volatile("dsb" ::: "memory");
    for (;;) {
    }
}

_Noreturn void cm_halt(int status) {
    if (cm_runner_batch()) {
        cm_semihost_exit(status);
    }
    for (;;) {
        __asm__ volatile("wfi");
    }
}
