// port_arch.h -- what the shared main loop and port contract (ports/shared/main.c,
// port.c) ask of the ESP32-C3 hardware layer: UART0 as the console, SYSTIMER for ticks,
// WFI, the halt and what a soft reset closes.
#ifndef ESP32C3_PORT_ARCH_H
#define ESP32C3_PORT_ARCH_H

#include "c3hal.h"

#define ARCH_STACK_SIZE CONFIG_ESP32C3_STACK_SIZE
// Exit status of a fatal error in the core.
#define ARCH_FATAL_STATUS 3

// Output "\n" as "\r\n".
static inline void arch_console_write(const char *data, size_t len) {
    c3_console_write(data, len);
}

// The bytes as they are (sys.stdout.buffer).
static inline void arch_console_write_bin(const char *data, size_t len) {
    c3_uart_write(0, data, len, false);
}

static inline int arch_console_getc(void) {
    return c3_console_getc();
}

static inline size_t arch_console_any(void) {
    return c3_console_any();
}

static inline bool arch_console_take_interrupt(void) {
    return c3_console_take_interrupt();
}

static inline uint32_t arch_ticks_ms(void) {
    return c3_tick_ms();
}

// Nothing to do when the core polls: the console's interrupt catches Ctrl-C.
static inline void arch_poll(void) {
}

// Sleep until an interrupt: the UART's or the 1 ms SYSTIMER alarm's.
static inline void arch_idle(void) {
    c3_intr_wait();
}

static inline _Noreturn void arch_halt(int status) {
    c3_halt(status);
}

// machine.UARTs do not outlive the run that opened them.
static inline void arch_soft_reset(void) {
    if (mhal_uart_is_open(1)) {
        mhal_uart_close(1);
    }
}

// A non-interactive run (the runner's word, set by `mpforge run` without a terminal):
// leave the emulator or runner with main.py's status instead of starting the REPL.
static inline bool arch_exit_after_run(void) {
    return c3_runner_batch();
}

// A new GC heap: nothing of the C library lives in it.
static inline void arch_heap_reset(void) {
}

#endif // ESP32C3_PORT_ARCH_H
