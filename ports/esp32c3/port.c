// port.c -- the core's port contract (py/port.h) on the ESP32-C3 hardware layer: UART0
// for stdin/stdout/stderr, SYSTIMER for ticks, a static heap, the stack below _estack,
// Ctrl-C as KeyboardInterrupt, exit and abort.
#include "c3hal.h"
#include "mpf.h"
#include "port.h"

// Exit status of a fatal error in the core.
#define C3_ABORT_STATUS 3

extern uint32_t _estack;  // top of the stack (linker script)

const char mpf_port_platform[] = "esp32c3";

static uint8_t heap[CONFIG_HEAP_SIZE] __attribute__((aligned(8)));

void mpf_port_stdout_write(const char *data, size_t len) {
    c3_console_write(data, len);
}

void mpf_port_stderr_write(const char *data, size_t len) {
    c3_console_write(data, len);
}

// Raise KeyboardInterrupt if Ctrl-C arrived on the console since the last check.
static void check_interrupt(void) {
    if (c3_console_take_interrupt()) {
        mpf_raise_type(&mpf_type_KeyboardInterrupt);
    }
}

int mpf_port_stdin_read(void) {
    for (;;) {
        check_interrupt();
        int c = c3_console_getc();
        if (c >= 0) {
            return c;
        }
        c3_intr_wait();  // the UART or the 1 ms SYSTIMER alarm wakes us
    }
}

bool mpf_port_stdin_ready(void) {
    return c3_console_any() > 0;
}

uint32_t mpf_port_ticks_ms(void) {
    return c3_tick_ms();
}

void mpf_port_heap(void **start, size_t *size) {
    *start = heap;
    *size = sizeof(heap);
}

void mpf_port_stack(void **top, size_t *size) {
    *top = &_estack;
    *size = CONFIG_ESP32C3_STACK_SIZE;  // the core keeps to CONFIG_STACK_LIMIT of it
}

void mpf_port_poll(void) {
    check_interrupt();
}

void mpf_port_idle(void) {
    c3_intr_wait();
}

_Noreturn void mpf_port_exit(int status) {
    c3_halt(status);
}

_Noreturn void mpf_port_abort(const char *msg) {
    static const char prefix[] = "\nFATAL: ";
    c3_console_write(prefix, sizeof(prefix) - 1);
    c3_console_write(msg, strlen(msg));
    c3_console_write("\n", 1);
    c3_halt(C3_ABORT_STATUS);
}
