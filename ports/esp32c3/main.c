// main.c -- the firmware's main loop: run the frozen boot.py and main.py, then either end
// the CPU-level runner with the status (a non-interactive run, c3_runner_batch) or wait
// for Ctrl-D to run main.py again (a soft reset: the heap and modules start afresh).
#include "c3hal.h"
#include "mpf.h"
#include "port.h"

#define CHAR_CTRL_D 0x04

// One run: boot.py then main.py from the frozen modules. Returns the exit status.
static int run_once(void) {
    mpf_init();
    int status = mpf_boot_frozen();
    mpf_deinit();
    if (c3_uart_is_open(1)) {
        c3_uart_close(1);  // machine.UARTs do not outlive the run that opened them
    }
    return status;
}

int main(void) {
    for (;;) {
        int status = run_once();
        if (c3_runner_batch()) {
            return status;  // startup.c ends the runner with it
        }
        mpf_printf(&mpf_print_stdout, "main.py ended (status %d); Ctrl-D runs it again\n", status);
        while (c3_console_getc() != CHAR_CTRL_D) {
            (void)c3_console_take_interrupt();
            c3_intr_wait();
        }
    }
}
