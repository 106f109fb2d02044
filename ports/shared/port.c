// port.c -- the core's port contract (py/port.h) on every microcontroller port: the
// chip's console for stdin/stdout/stderr, the millisecond tick, a static heap, the
// stack below _estack, Ctrl-C as KeyboardInterrupt, exit and abort. sys.platform is the
// port's name (CONFIG_PORT). What differs between architectures is behind port_arch.h.
#include "mpf.h"
#include "port.h"
#include "port_arch.h"

extern uint32_t _estack;  // top of the stack (linker script)

const char mpf_port_platform[] = CONFIG_PORT;

static uint8_t heap[CONFIG_HEAP_SIZE] __attribute__((aligned(8)));

void mpf_port_stdout_write(const char *data, size_t len) {
    arch_console_write(data, len);
}

#if CONFIG_MODULE_VFS
void mpf_port_stdout_write_bin(const char *data, size_t len) {
    arch_console_write_bin(data, len);
}
#endif

void mpf_port_stderr_write(const char *data, size_t len) {
    arch_console_write(data, len);
}

// Raise KeyboardInterrupt if Ctrl-C arrived on the console since the last check.
static void check_interrupt(void) {
    if (arch_console_take_interrupt()) {
        mpf_raise_type(&mpf_type_KeyboardInterrupt);
    }
}

int mpf_port_stdin_read(void) {
    for (;;) {
        check_interrupt();
        int c = arch_console_getc();
        if (c >= 0) {
            return c;
        }
        arch_idle();  // the console's or the tick's interrupt wakes us
    }
}

bool mpf_port_stdin_ready(void) {
    return arch_console_any() > 0;
}

uint32_t mpf_port_ticks_ms(void) {
    return arch_ticks_ms();
}

void mpf_port_heap(void **start, size_t *size) {
    arch_heap_reset();
    *start = heap;
    *size = sizeof(heap);
}

void mpf_port_stack(void **top, size_t *size) {
    *top = &_estack;
    *size = ARCH_STACK_SIZE;  // the core keeps to CONFIG_STACK_LIMIT of it
}

// Kept out of line under LTO too: a debugger's breakpoint and the CPU-level runner's service
// point (mpforge/cpu/core.py stops at its first instruction to deliver interrupts; without the
// symbol it must check at every block) - a call per VM loop iteration costs a few cycles.
__attribute__((noinline)) void mpf_port_poll(void) {
    arch_poll();
    check_interrupt();
}

void mpf_port_idle(void) {
    arch_idle();  // the tick wakes us within 1 ms, a received byte sooner
}

_Noreturn void mpf_port_exit(int status) {
    arch_halt(status);
}

_Noreturn void mpf_port_abort(const char *msg) {
    static const char prefix[] = "\nFATAL: ";
    arch_console_write(prefix, sizeof(prefix) - 1);
    arch_console_write(msg, strlen(msg));
    arch_console_write("\n", 1);
    arch_halt(ARCH_FATAL_STATUS);
}
