// main.c -- the firmware's main loop: run the frozen boot.py and main.py, then either end
// the CPU-level runner with the status (CONFIG_ESP32C3_RUNNER_EXIT) or wait for Ctrl-D to
// run main.py again (a soft reset: the heap and modules start afresh).
#include "c3hal.h"
#include "mpf.h"
#include "port.h"

#define CHAR_CTRL_D 0x04

// One run: boot.py then main.py from the frozen modules. Returns the exit status.
static int run_once(void) {
    mpf_init();
    int status = mpf_boot_frozen();
    mpf_deinit();
    if (mhal_uart_is_open(1)) {
        mhal_uart_close(1);  // machine.UARTs do not outlive the run that opened them
    }
    return status;
}

int main(void) {
    for (;;) {
        int status = run_once();
#if CONFIG_ESP32C3_RUNNER_EXIT
        return status;  // startup.c ends the runner with it
#else
        mpf_printf(&mpf_print_stdout, "main.py ended (status %d); Ctrl-D runs it again\n", status);
        while (c3_console_getc() != CHAR_CTRL_D) {
            (void)c3_console_take_interrupt();
            c3_intr_wait();
        }
#endif
    }
}
