// main.c -- the firmware's main loop: start the core, run the frozen boot.py and
// main.py (as __main__), report an uncaught exception with its traceback, and then
// either leave the emulator with the status (SEMIHOSTING_EXIT) or wait for Ctrl-D
// to run main.py again (a soft reset: the heap and modules start afresh).
#include "cortex_m.h"
#include "mpf.h"
#include "port.h"

#define CHAR_CTRL_D 0x04

// One run: boot.py then main.py from the frozen modules. Returns the exit status.
static int run_once(void) {
    mpf_init();
    int status = mpf_boot_frozen();
    mpf_deinit();
    cm_chip_soft_reset();  // what Python opened does not outlive the run that opened it
    return status;
}

int main(void) {
    for (;;) {
        int status = run_once();
#if CONFIG_SEMIHOSTING_EXIT
        return status;  // startup.c leaves the emulator with it
#else
        mpf_printf(&mpf_print_stdout, "main.py ended (status %d); Ctrl-D runs it again\n", status);
        while (cm_console_getc() != CHAR_CTRL_D) {
            (void)cm_console_take_interrupt();
            __asm__ volatile("wfi");
        }
#endif
    }
}
