// port_arch.h -- what the shared main loop and port contract (ports/shared/main.c,
// port.c) ask of the ESP8266 hardware layer: UART0 as the console (polled), FRC2 for
// ticks; no interrupts, so nothing to sleep for, and nowhere to exit to.
#ifndef ESP8266_PORT_ARCH_H
#define ESP8266_PORT_ARCH_H

#include "e8hal.h"

#define ARCH_STACK_SIZE CONFIG_ESP8266_STACK_SIZE
#define ARCH_FATAL_STATUS 3

// Output "\n" as "\r\n".
static inline void arch_console_write(const char *data, size_t len) {
    e8_console_write(data, len);
}

// The bytes as they are (sys.stdout.buffer).
static inline void arch_console_write_bin(const char *data, size_t len) {
    e8_uart_write(0, data, len, false);
}

static inline int arch_console_getc(void) {
    return e8_console_getc();
}

static inline size_t arch_console_any(void) {
    return e8_console_any();
}

static inline bool arch_console_take_interrupt(void) {
    return e8_console_take_interrupt();
}

static inline uint32_t arch_ticks_ms(void) {
    return e8_tick_ms();
}

// Keep the FRC2 extension current across its wrap.
static inline void arch_poll(void) {
    (void)e8_tick_ms();
}

// No interrupts on this port, so nothing would end a WAITI: just return.
static inline void arch_idle(void) {
}

static inline _Noreturn void arch_halt(int status) {
    (void)status;
    for (;;) {
    }
}

// UART1 stays as Python left it.
static inline void arch_soft_reset(void) {
}

// The ESP8266 is not booted by any runner here: main.py ends in the Ctrl-D wait.
static inline bool arch_exit_after_run(void) {
    return false;
}

// A new GC heap: nothing of the C library lives in it.
static inline void arch_heap_reset(void) {
}

#endif // ESP8266_PORT_ARCH_H
