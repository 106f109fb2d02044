// port.c -- the core's port contract (py/port.h) on the RP2040 hardware layer: UART0
// for stdin/stdout/stderr, the 1 MHz TIMER for ticks, a static heap, the stack below
// _estack, Ctrl-C as KeyboardInterrupt, exit and abort.
#include "mpf.h"
#include "port.h"
#include "rp2040hal.h"

// Exit status of a fatal error in the core (as the fault handler uses).
#define RP2040_ABORT_STATUS 3

extern uint32_t _estack;

const char mpf_port_platform[] = "rp2";

static uint8_t heap[CONFIG_HEAP_SIZE] __attribute__((aligned(8)));

void mpf_port_stdout_write(const char *data, size_t len) {
    rp2040_console_write(data, len, true);
}

void mpf_port_stderr_write(const char *data, size_t len) {
    rp2040_console_write(data, len, true);
}

static void check_interrupt(void) {
    if (rp2040_console_take_interrupt()) {
        mpf_raise_type(&mpf_type_KeyboardInterrupt);
    }
}

int mpf_port_stdin_read(void) {
    for (;;) {
        check_interrupt();
        int c = rp2040_console_getc();
        if (c >= 0) {
            return c;
        }
        rp2040_timer_idle();
    }
}

bool mpf_port_stdin_ready(void) {
    return rp2040_console_any() > 0;
}

uint32_t mpf_port_ticks_ms(void) {
    return rp2040_timer_ms();
}

void mpf_port_heap(void **start, size_t *size) {
    *start = heap;
    *size = sizeof(heap);
}

void mpf_port_stack(void **top, size_t *size) {
    *top = &_estack;
    *size = CONFIG_RP2040_STACK_SIZE;
}

void mpf_port_poll(void) {
    check_interrupt();
}

void mpf_port_idle(void) {
    rp2040_timer_idle();
}

_Noreturn void mpf_port_exit(int status) {
    rp2040_halt(status);
}

_Noreturn void mpf_port_abort(const char *msg) {
    static const char prefix[] = "\nFATAL: ";
    rp2040_console_write(prefix, sizeof(prefix) - 1, true);
    rp2040_console_write(msg, strlen(msg), true);
    rp2040_console_write("\n", 1, true);
    rp2040_halt(RP2040_ABORT_STATUS);
}
