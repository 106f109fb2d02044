// port.c -- the core's port contract (py/port.h) on the ESP8266 hardware layer: UART0 for
// stdin/stdout/stderr, FRC2 for ticks, a static heap, the stack below _estack, Ctrl-C
// (polled) as KeyboardInterrupt, exit and abort.
#include "e8hal.h"
#include "mpf.h"
#include "port.h"

#define E8_ABORT_STATUS 3

extern uint32_t _estack;

const char mpf_port_platform[] = "esp8266";

static uint8_t heap[CONFIG_HEAP_SIZE] __attribute__((aligned(8)));

void mpf_port_stdout_write(const char *data, size_t len) {
    e8_console_write(data, len);
}

void mpf_port_stderr_write(const char *data, size_t len) {
    e8_console_write(data, len);
}

static void check_interrupt(void) {
    if (e8_console_take_interrupt()) {
        mpf_raise_type(&mpf_type_KeyboardInterrupt);
    }
}

int mpf_port_stdin_read(void) {
    for (;;) {
        check_interrupt();
        int c = e8_console_getc();
        if (c >= 0) {
            return c;
        }
    }
}

bool mpf_port_stdin_ready(void) {
    return e8_console_any() > 0;
}

uint32_t mpf_port_ticks_ms(void) {
    return e8_tick_ms();
}

void mpf_port_heap(void **start, size_t *size) {
    *start = heap;
    *size = sizeof(heap);
}

void mpf_port_stack(void **top, size_t *size) {
    *top = &_estack;
    *size = CONFIG_ESP8266_STACK_SIZE;
}

void mpf_port_poll(void) {
    check_interrupt();
    (void)e8_tick_ms();  // keeps the FRC2 extension current across its wrap
}

void mpf_port_idle(void) {
    // No interrupts on this port, so nothing would end a WAITI: just return.
}

_Noreturn void mpf_port_exit(int status) {
    (void)status;
    for (;;) {
    }
}

_Noreturn void mpf_port_abort(const char *msg) {
    static const char prefix[] = "\nFATAL: ";
    e8_console_write(prefix, sizeof(prefix) - 1);
    e8_console_write(msg, strlen(msg));
    e8_console_write("\n", 1);
    mpf_port_exit(E8_ABORT_STATUS);
}
