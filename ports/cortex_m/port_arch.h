// port_arch.h -- what the shared main loop and port contract (ports/shared/main.c,
// port.c) ask of the Cortex-M layer: its console, tick, WFI, halt and soft reset.
#ifndef CORTEX_M_PORT_ARCH_H
#define CORTEX_M_PORT_ARCH_H

#include "cortex_m.h"

#define ARCH_STACK_SIZE CONFIG_CORTEX_M_STACK_SIZE
#define ARCH_FATAL_STATUS CM_FATAL_STATUS

// Output "\n" as "\r\n".
static inline void arch_console_write(const char *data, size_t len) {
    cm_console_write(data, len, true);
}

// The bytes as they are (sys.stdout.buffer).
static inline void arch_console_write_bin(const char *data, size_t len) {
    cm_console_write(data, len, false);
}

static inline int arch_console_getc(void) {
    return cm_console_getc();
}

static inline size_t arch_console_any(void) {
    return cm_console_any();
}

static inline bool arch_console_take_interrupt(void) {
    return cm_console_take_interrupt();
}

static inline uint32_t arch_ticks_ms(void) {
    return cm_tick_ms();
}

// Nothing to do when the core polls: the console's interrupt catches Ctrl-C.
static inline void arch_poll(void) {
}

// Sleep until an interrupt: the tick's within 1 ms, or the console's.
static inline void arch_idle(void) {
    __asm__ volatile("wfi");
}

static inline _Noreturn void arch_halt(int status) {
    cm_halt(status);
}

static inline void arch_soft_reset(void) {
    cm_chip_soft_reset();
}

// A non-interactive run (the runner's word, set by `mpforge run` without a terminal):
// leave the emulator or runner with main.py's status instead of starting the REPL.
static inline bool arch_exit_after_run(void) {
    return cm_runner_batch();
}

// A new GC heap: the C library's own allocations (newlib.c) start again in it.
static inline void arch_heap_reset(void) {
    cm_libc_heap_reset();
}

#endif // CORTEX_M_PORT_ARCH_H
