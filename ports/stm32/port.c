// port.c -- the core's port contract (py/port.h) on the STM32 hardware layer: the
// console USART for stdin/stdout/stderr, SysTick for ticks, a static heap, the stack
// below _estack, Ctrl-C as KeyboardInterrupt, exit and abort.
#include "mpf.h"
#include "port.h"
#include "stm32hal.h"

// Exit status of a fatal error in the core (as the fault handler uses).
#define STM32_ABORT_STATUS 3

extern uint32_t _estack;  // top of the stack (linker script)

const char mpf_port_platform[] = "stm32";

static uint8_t heap[CONFIG_HEAP_SIZE] __attribute__((aligned(8)));

void mpf_port_stdout_write(const char *data, size_t len) {
    stm32_console_write(data, len, true);
}

void mpf_port_stderr_write(const char *data, size_t len) {
    stm32_console_write(data, len, true);
}

// Raise KeyboardInterrupt if Ctrl-C arrived on the console since the last check.
static void check_interrupt(void) {
    if (stm32_console_take_interrupt()) {
        mpf_raise_type(&mpf_type_KeyboardInterrupt);
    }
}

int mpf_port_stdin_read(void) {
    for (;;) {
        check_interrupt();
        int c = stm32_console_getc();
        if (c >= 0) {
            return c;
        }
        __asm__ volatile("wfi");  // the USART or SysTick interrupt wakes us
    }
}

bool mpf_port_stdin_ready(void) {
    return stm32_console_any() > 0;
}

uint32_t mpf_port_ticks_ms(void) {
    return stm32_tick_ms();
}

void mpf_port_heap(void **start, size_t *size) {
    *start = heap;
    *size = sizeof(heap);
}

void mpf_port_stack(void **top, size_t *size) {
    *top = &_estack;
    *size = CONFIG_STM32_STACK_SIZE;  // the core keeps to CONFIG_STACK_LIMIT of it
}

void mpf_port_poll(void) {
    check_interrupt();
}

void mpf_port_idle(void) {
    __asm__ volatile("wfi");  // SysTick wakes us within 1 ms, a received byte sooner
}

_Noreturn void mpf_port_exit(int status) {
    stm32_halt(status);
}

_Noreturn void mpf_port_abort(const char *msg) {
    static const char prefix[] = "\nFATAL: ";
    stm32_console_write(prefix, sizeof(prefix) - 1, true);
    stm32_console_write(msg, strlen(msg), true);
    stm32_console_write("\n", 1, true);
    stm32_halt(STM32_ABORT_STATUS);
}
